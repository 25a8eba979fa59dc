// SPDX-License-Identifier: GPL-2.0
/*
 * udprecv: print the UDP datagrams that arrive on a port for a while, one
 * per line (busybox nc has no UDP).  Used by the netconsole scenario on
 * the peer's side.
 *
 *   udprecv <port> <seconds>
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in sin;
	struct timeval tv = { .tv_sec = 0, .tv_usec = 200000 };
	char buf[2048];
	time_t end;
	ssize_t n;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: udprecv <port> <seconds>\n");
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(atoi(argv[1]));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0) {
		perror("bind");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setvbuf(stdout, NULL, _IOLBF, 0);
	end = time(NULL) + atoi(argv[2]);
	while (time(NULL) < end) {
		n = recv(fd, buf, sizeof(buf) - 1, 0);
		if (n <= 0)
			continue;
		buf[n] = 0;
		fputs(buf, stdout);
		if (buf[n - 1] != '\n')
			putchar('\n');
	}
	return 0;
}
