// SPDX-License-Identifier: GPL-2.0
/*
 * udpgap: measure how long a stream of small UDP echoes stops during a
 * failover, finer than ping can pace under emulation.
 *
 *   udpgap echo <port> <seconds>
 *	reflect every datagram to its sender (run on the peer's side)
 *   udpgap probe <addr> <port> <interval_us> <seconds>
 *	send one numbered datagram every interval_us and take the replies.
 *	SIGUSR1 closes the current window and opens the next one; SIGTERM
 *	or the end of <seconds> stops.  Prints one line per window:
 *	  window <k> sent <n> lost <n> gap_us <longest time without a reply>
 *	and a last line "total sent <n> lost <n> gap_us <n>".  A request
 *	belongs to the window it was sent in; a gap to the window in which
 *	it ended.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAGIC 0x68766e6761707031ULL	/* "hvngapp1" */
#define MAX_WINDOWS 4096

struct msg {
	uint64_t magic;
	uint64_t seq;
};

struct window {
	uint64_t first_seq;	/* first request sent in it */
	uint64_t sent;
	uint64_t gap_ns;
};

static volatile sig_atomic_t marks;
static volatile sig_atomic_t stop;

static void on_mark(int sig)
{
	(void)sig;
	marks++;
}

static void on_stop(int sig)
{
	(void)sig;
	stop = 1;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* A UDP socket, and @sin set to port @port of no address yet */
static int udp_socket(struct sockaddr_in *sin, int port)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0)
		perror("socket");
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = htons(port);
	return fd;
}

static int run_echo(int port, int seconds)
{
	struct sockaddr_in sin, from;
	uint64_t end = now_ns() + (uint64_t)seconds * 1000000000ULL;
	struct pollfd pfd;
	char buf[2048];
	socklen_t flen;
	ssize_t n;
	int fd;

	fd = udp_socket(&sin, port);
	if (fd < 0)
		return 1;
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("bind");
		return 1;
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	while (!stop && now_ns() < end) {
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		flen = sizeof(from);
		n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT,
			     (struct sockaddr *)&from, &flen);
		if (n > 0)
			sendto(fd, buf, n, 0, (struct sockaddr *)&from, flen);
	}
	return 0;
}

static int run_probe(const char *addr, int port, long interval_us, int seconds)
{
	struct window *win;
	unsigned char *got;
	uint64_t nseq, seq = 0, t, next, end, last_reply, drain_end = 0;
	uint64_t interval = (uint64_t)interval_us * 1000ULL;
	uint64_t tot_lost = 0, tot_gap = 0;
	int cur = 0, nwin = 1, fd, k;
	struct sockaddr_in sin;
	struct pollfd pfd;
	struct msg m;
	ssize_t n;

	if (interval_us < 50 || seconds < 1) {
		fprintf(stderr, "udpgap: interval_us >= 50, seconds >= 1\n");
		return 2;
	}
	nseq = (uint64_t)seconds * 1000000ULL / interval_us + 16;
	got = calloc(nseq, 1);
	win = calloc(MAX_WINDOWS, sizeof(*win));
	if (!got || !win)
		return 1;
	fd = udp_socket(&sin, port);
	if (fd < 0)
		return 1;
	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1) {
		fprintf(stderr, "udpgap: bad address %s\n", addr);
		return 2;
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	t = now_ns();
	next = t;
	last_reply = t;
	end = t + (uint64_t)seconds * 1000000000ULL;
	for (;;) {
		struct timespec to;
		uint64_t wait;

		t = now_ns();
		while (marks > cur && nwin < MAX_WINDOWS) {
			cur++;
			nwin++;
			win[cur].first_seq = seq;
		}
		if (!drain_end && (stop || t >= end || seq >= nseq))
			drain_end = t + 300000000ULL;	/* late replies */
		if (drain_end && t >= drain_end)
			break;
		if (!drain_end && t >= next) {
			m.magic = MAGIC;
			m.seq = seq;
			/* a send refused while the path changes is a loss */
			sendto(fd, &m, sizeof(m), MSG_DONTWAIT,
			       (struct sockaddr *)&sin, sizeof(sin));
			seq++;
			win[cur].sent++;
			next += interval;
			/* after a stall, go on pacing rather than burst */
			if (t > next + 100 * interval)
				next = t + interval;
		}
		wait = drain_end ? drain_end - t : (next > t ? next - t : 0);
		to.tv_sec = wait / 1000000000ULL;
		to.tv_nsec = wait % 1000000000ULL;
		if (ppoll(&pfd, 1, &to, NULL) <= 0)
			continue;
		while ((n = recv(fd, &m, sizeof(m), MSG_DONTWAIT)) > 0) {
			if (n != sizeof(m) || m.magic != MAGIC || m.seq >= seq ||
			    got[m.seq])
				continue;
			got[m.seq] = 1;
			t = now_ns();
			if (t - last_reply > win[cur].gap_ns)
				win[cur].gap_ns = t - last_reply;
			last_reply = t;
		}
	}
	for (k = 0; k < nwin; k++) {
		uint64_t s, from = win[k].first_seq, lost = 0;

		for (s = from; s < from + win[k].sent; s++)
			lost += !got[s];
		tot_lost += lost;
		if (win[k].gap_ns > tot_gap)
			tot_gap = win[k].gap_ns;
		printf("window %d sent %llu lost %llu gap_us %llu\n", k,
		       (unsigned long long)win[k].sent,
		       (unsigned long long)lost,
		       (unsigned long long)(win[k].gap_ns / 1000));
	}
	printf("total sent %llu lost %llu gap_us %llu\n",
	       (unsigned long long)seq, (unsigned long long)tot_lost,
	       (unsigned long long)(tot_gap / 1000));
	return 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_mark;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (argc == 4 && !strcmp(argv[1], "echo"))
		return run_echo(atoi(argv[2]), atoi(argv[3]));
	if (argc == 6 && !strcmp(argv[1], "probe"))
		return run_probe(argv[2], atoi(argv[3]), atol(argv[4]),
				 atoi(argv[5]));
	fprintf(stderr,
		"usage: udpgap echo <port> <seconds>\n"
		"       udpgap probe <addr> <port> <interval_us> <seconds>\n");
	return 2;
}
