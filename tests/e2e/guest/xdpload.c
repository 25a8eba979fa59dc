// SPDX-License-Identifier: GPL-2.0
/*
 * xdpload: attach small XDP programs in native (driver) mode, without
 * clang or libbpf in the guest image.  The programs are assembled here
 * from BPF instructions and act on IPv4 UDP datagrams to one port; every
 * other frame passes, so ARP, ping and TCP keep working while they run.
 *
 *   xdpload <ifname> off
 *   xdpload <ifname> pass                  every frame: XDP_PASS
 *   xdpload <ifname> drop|abort <port>     XDP_DROP / XDP_ABORTED
 *   xdpload <ifname> tx <port>             answer: swap MAC, IP and UDP
 *                                          addresses, XDP_TX
 *   xdpload <ifname> echo <port> <ifname2> the same answer, sent with
 *                                          bpf_redirect() to <ifname2>
 *   xdpload <ifname> redirect <port> <ifname2>  bpf_redirect(), unchanged
 *   xdpload <ifname> pinned <path>         a program bpftool loaded and
 *                                          pinned in bpffs (BPF_OBJ_GET)
 *   xdpload <ifname> features              the XDP features the kernel
 *                                          reports for the device
 *                                          (generic netlink "netdev"
 *                                          family, 6.3+; exit 3 without)
 *   xdpload udpping <ip> <port> <count> [ms]  send <count> datagrams,
 *                                          count the answers (wait up
 *                                          to <ms>, default 2000)
 *   xdpload udpflood <ip> <port> <ms>      send 64-byte datagrams as fast
 *                                          as possible for <ms>
 *
 * Attach and detach go through rtnetlink (IFLA_XDP, XDP_FLAGS_DRV_MODE);
 * the kernel's extended ack message is printed when it refuses.
 *
 * Environment:
 *   XDPLOAD_FRAGS=1   the assembled programs are loaded with
 *                     BPF_F_XDP_HAS_FRAGS (multi-buffer aware)
 *   XDPLOAD_SIZE=<n>  UDP payload of udpping, 1..9000 bytes (default 64)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/bpf.h>
#include <linux/genetlink.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NLMSGERR_ATTR_MSG
#define NLMSGERR_ATTR_MSG 1
#endif
#ifndef NLM_F_ACK_TLVS
#define NLM_F_ACK_TLVS 0x200
#endif
#ifndef NLM_F_CAPPED
#define NLM_F_CAPPED 0x100
#endif
/* uapi of 5.18; older headers lack it */
#ifndef BPF_F_XDP_HAS_FRAGS
#define BPF_F_XDP_HAS_FRAGS (1U << 5)
#endif

#define UDP_MAX 9000

#define MAXI 96
static struct bpf_insn prog[MAXI];
static int n_insn;
static int pass_fix[16], n_fix;

static void emit(uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
	struct bpf_insn *i = &prog[n_insn++];

	memset(i, 0, sizeof(*i));
	i->code = code;
	i->dst_reg = dst;
	i->src_reg = src;
	i->off = off;
	i->imm = imm;
}

#define MOV_X(d, s)	emit(BPF_ALU64 | BPF_MOV | BPF_X, d, s, 0, 0)
#define MOV_K(d, k)	emit(BPF_ALU64 | BPF_MOV | BPF_K, d, 0, 0, k)
#define ADD_K(d, k)	emit(BPF_ALU64 | BPF_ADD | BPF_K, d, 0, 0, k)
#define LDX(sz, d, s, o) emit(BPF_LDX | BPF_MEM | (sz), d, s, o, 0)
#define STX(sz, d, s, o) emit(BPF_STX | BPF_MEM | (sz), d, s, o, 0)
#define EXIT()		emit(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)
#define CALL(f)		emit(BPF_JMP | BPF_CALL, 0, 0, 0, f)

/* conditional jumps to the "pass" label, patched at the end */
static void jmp_pass(uint8_t op, uint8_t dst, uint8_t src, int32_t imm)
{
	pass_fix[n_fix++] = n_insn;
	emit(BPF_JMP | op, dst, src, 0, imm);
}

static void ret(int act)
{
	MOV_K(BPF_REG_0, act);
	EXIT();
}

/* r2: packet start; falls through only for IPv4/UDP to @port */
static void match_udp(int port)
{
	LDX(BPF_W, BPF_REG_2, BPF_REG_1, 0);		/* data */
	LDX(BPF_W, BPF_REG_3, BPF_REG_1, 4);		/* data_end */
	MOV_X(BPF_REG_4, BPF_REG_2);
	ADD_K(BPF_REG_4, 42);				/* eth + ip + udp */
	jmp_pass(BPF_JGT | BPF_X, BPF_REG_4, BPF_REG_3, 0);
	LDX(BPF_H, BPF_REG_5, BPF_REG_2, 12);		/* ethertype */
	jmp_pass(BPF_JNE | BPF_K, BPF_REG_5, 0, htons(0x0800));
	LDX(BPF_B, BPF_REG_5, BPF_REG_2, 14);		/* version, ihl */
	jmp_pass(BPF_JNE | BPF_K, BPF_REG_5, 0, 0x45);
	LDX(BPF_B, BPF_REG_5, BPF_REG_2, 23);		/* protocol */
	jmp_pass(BPF_JNE | BPF_K, BPF_REG_5, 0, 17);
	LDX(BPF_H, BPF_REG_5, BPF_REG_2, 36);		/* destination port */
	jmp_pass(BPF_JNE | BPF_K, BPF_REG_5, 0, htons(port));
}

/* swap two fields of @len (4 or 2) bytes at @a and @b of the packet in r2 */
static void swap(int sz, int a, int b)
{
	LDX(sz, BPF_REG_4, BPF_REG_2, a);
	LDX(sz, BPF_REG_5, BPF_REG_2, b);
	STX(sz, BPF_REG_2, BPF_REG_5, a);
	STX(sz, BPF_REG_2, BPF_REG_4, b);
}

/* the datagram becomes its own answer; checksums stay valid */
static void answer(void)
{
	swap(BPF_W, 0, 6);	/* MAC addresses */
	swap(BPF_H, 4, 10);
	swap(BPF_W, 26, 30);	/* IP addresses */
	swap(BPF_H, 34, 36);	/* UDP ports */
}

static void finish(void)
{
	int i;

	for (i = 0; i < n_fix; i++)
		prog[pass_fix[i]].off = n_insn - pass_fix[i] - 1;
	ret(XDP_PASS);
}

static int build(const char *what, int port, int ifindex2)
{
	if (!strcmp(what, "pass")) {
		ret(XDP_PASS);
		return 0;
	}
	match_udp(port);
	if (!strcmp(what, "drop")) {
		ret(XDP_DROP);
	} else if (!strcmp(what, "abort")) {
		ret(XDP_ABORTED);
	} else if (!strcmp(what, "tx")) {
		answer();
		ret(XDP_TX);
	} else if (!strcmp(what, "echo") || !strcmp(what, "redirect")) {
		if (!strcmp(what, "echo"))
			answer();
		MOV_K(BPF_REG_1, ifindex2);
		MOV_K(BPF_REG_2, 0);
		CALL(BPF_FUNC_redirect);
		EXIT();
	} else {
		return -1;
	}
	finish();
	return 0;
}

static int load(void)
{
	static char log[65536];
	union bpf_attr a;
	const char *env;
	int fd;

	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_XDP;
	a.insns = (uintptr_t)prog;
	a.insn_cnt = n_insn;
	a.license = (uintptr_t)"GPL";
	a.log_buf = (uintptr_t)log;
	a.log_size = sizeof(log);
	a.log_level = 1;
	env = getenv("XDPLOAD_FRAGS");
	if (env && !strcmp(env, "1"))
		a.prog_flags = BPF_F_XDP_HAS_FRAGS;
	fd = syscall(__NR_bpf, BPF_PROG_LOAD, &a, sizeof(a));
	if (fd < 0)
		fprintf(stderr, "BPF_PROG_LOAD: %s\n%s\n", strerror(errno), log);
	return fd;
}

/* the fd of a program pinned in bpffs */
static int pinned(const char *path)
{
	union bpf_attr a;
	int fd;

	memset(&a, 0, sizeof(a));
	a.pathname = (uintptr_t)path;
	fd = syscall(__NR_bpf, BPF_OBJ_GET, &a, sizeof(a));
	if (fd < 0)
		fprintf(stderr, "BPF_OBJ_GET %s: %s\n", path, strerror(errno));
	return fd;
}

static int attach(int ifindex, int fd)
{
	struct {
		struct nlmsghdr nh;
		struct ifinfomsg ifi;
		char attrs[64];
	} req;
	char buf[4096];
	struct nlattr *nest, *at;
	struct nlmsghdr *nh;
	int s, one = 1, len, ret = -1;
	uint32_t flags = XDP_FLAGS_DRV_MODE;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_type = RTM_SETLINK;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.ifi.ifi_family = AF_UNSPEC;
	req.ifi.ifi_index = ifindex;
	nest = (struct nlattr *)req.attrs;
	nest->nla_type = NLA_F_NESTED | IFLA_XDP;
	at = (struct nlattr *)((char *)nest + NLA_HDRLEN);
	at->nla_type = IFLA_XDP_FD;
	at->nla_len = NLA_HDRLEN + 4;
	memcpy((char *)at + NLA_HDRLEN, &fd, 4);
	at = (struct nlattr *)((char *)at + NLA_ALIGN(at->nla_len));
	at->nla_type = IFLA_XDP_FLAGS;
	at->nla_len = NLA_HDRLEN + 4;
	memcpy((char *)at + NLA_HDRLEN, &flags, 4);
	nest->nla_len = NLA_HDRLEN + 2 * NLA_ALIGN(NLA_HDRLEN + 4);
	req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(req.ifi)) + nest->nla_len;

	s = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (s < 0)
		return -1;
	setsockopt(s, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	if (send(s, &req, req.nh.nlmsg_len, 0) < 0)
		goto out;
	len = recv(s, buf, sizeof(buf), 0);
	for (nh = (struct nlmsghdr *)buf; len > 0 && NLMSG_OK(nh, (unsigned int)len);
	     nh = NLMSG_NEXT(nh, len)) {
		struct nlmsgerr *e = NLMSG_DATA(nh);
		struct nlattr *t;
		int off, rem;

		if (nh->nlmsg_type != NLMSG_ERROR)
			continue;
		ret = e->error;
		if (!ret)
			break;
		fprintf(stderr, "refused: %s", strerror(-ret));
		/* extended ack: attributes after the (capped) request */
		off = sizeof(*e);
		if (!(nh->nlmsg_flags & NLM_F_CAPPED))
			off += e->msg.nlmsg_len - sizeof(e->msg);
		rem = (int)nh->nlmsg_len - NLMSG_HDRLEN - off;
		t = (struct nlattr *)((char *)e + off);
		while ((nh->nlmsg_flags & NLM_F_ACK_TLVS) && rem >= NLA_HDRLEN &&
		       t->nla_len >= NLA_HDRLEN && t->nla_len <= rem) {
			if ((t->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG)
				fprintf(stderr, ": %s", (char *)t + NLA_HDRLEN);
			rem -= NLA_ALIGN(t->nla_len);
			t = (struct nlattr *)((char *)t + NLA_ALIGN(t->nla_len));
		}
		fprintf(stderr, "\n");
		break;
	}
out:
	close(s);
	return ret;
}

/*
 * Generic netlink, as the kernel's netdev family (Documentation/netlink/
 * specs/netdev.yaml) defines it: older releases' headers lack it
 */
#define NETDEV_CMD_DEV_GET_ 1
#define NETDEV_A_DEV_IFINDEX_ 1
#define NETDEV_A_DEV_XDP_FEATURES_ 3

/* one request, one answer: the answer's length, or -errno */
static int genl_call(int s, void *req, size_t len, char *buf, size_t size)
{
	struct nlmsghdr *nh = (struct nlmsghdr *)buf;
	int n;

	if (send(s, req, len, 0) < 0)
		return -errno;
	n = recv(s, buf, size, 0);
	if (n < 0)
		return -errno;
	if (!NLMSG_OK(nh, (unsigned int)n))
		return -EPROTO;
	if (nh->nlmsg_type == NLMSG_ERROR) {
		struct nlmsgerr *e = NLMSG_DATA(nh);

		return e->error ? e->error : -ENODATA;
	}
	return n;
}

/* attribute <type> of a generic netlink answer, or NULL */
static struct nlattr *genl_attr(char *buf, int len, int type)
{
	struct nlmsghdr *nh = (struct nlmsghdr *)buf;
	struct nlattr *at;
	int rem;

	if (len < (int)NLMSG_LENGTH(GENL_HDRLEN) || (int)nh->nlmsg_len > len)
		return NULL;
	rem = (int)nh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	at = (struct nlattr *)((char *)NLMSG_DATA(nh) + GENL_HDRLEN);
	while (rem >= NLA_HDRLEN && at->nla_len >= NLA_HDRLEN &&
	       at->nla_len <= rem) {
		if ((at->nla_type & NLA_TYPE_MASK) == type)
			return at;
		rem -= NLA_ALIGN(at->nla_len);
		at = (struct nlattr *)((char *)at + NLA_ALIGN(at->nla_len));
	}
	return NULL;
}

/* a generic netlink request of family <type>: command <cmd> with one
 * attribute <attr> of <len> bytes
 */
static void genl_req(void *r, size_t size, uint16_t type, uint8_t cmd,
		     uint16_t attr, const void *data, uint16_t len)
{
	struct nlmsghdr *nh = r;
	struct genlmsghdr *g = NLMSG_DATA(nh);
	struct nlattr *at = (struct nlattr *)((char *)g + GENL_HDRLEN);

	memset(r, 0, size);
	nh->nlmsg_type = type;
	nh->nlmsg_flags = NLM_F_REQUEST;
	g->cmd = cmd;
	g->version = 1;
	at->nla_type = attr;
	at->nla_len = NLA_HDRLEN + len;
	memcpy((char *)at + NLA_HDRLEN, data, len);
	nh->nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN) + NLA_ALIGN(at->nla_len);
}

/* prints the device's XDP features by name: 0, 1 on error, 3 if the
 * kernel has no netdev family
 */
static int features(int ifindex)
{
	static const char *const names[] = {
		"basic", "redirect", "ndo-xmit", "xsk-zerocopy",
		"hw-offload", "rx-sg", "ndo-xmit-sg",
	};
	struct {
		struct nlmsghdr nh;
		struct genlmsghdr g;
		char attrs[32];
	} req;
	const char *sep = "";
	char buf[4096];
	struct nlattr *at;
	uint64_t f = 0;
	uint16_t family;
	int s, n, ret = 1;
	unsigned int i;

	s = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (s < 0)
		return 1;
	/* the family's number, by name */
	genl_req(&req, sizeof(req), GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
		 CTRL_ATTR_FAMILY_NAME, "netdev", sizeof("netdev"));
	n = genl_call(s, &req, req.nh.nlmsg_len, buf, sizeof(buf));
	if (n == -ENOENT) {
		fprintf(stderr, "no netdev family in this kernel\n");
		ret = 3;
		goto out;
	}
	at = n > 0 ? genl_attr(buf, n, CTRL_ATTR_FAMILY_ID) : NULL;
	if (!at || at->nla_len < NLA_HDRLEN + 2) {
		fprintf(stderr, "family lookup failed: %s\n",
			n < 0 ? strerror(-n) : "no id");
		goto out;
	}
	memcpy(&family, (char *)at + NLA_HDRLEN, 2);

	genl_req(&req, sizeof(req), family, NETDEV_CMD_DEV_GET_,
		 NETDEV_A_DEV_IFINDEX_, &ifindex, 4);
	n = genl_call(s, &req, req.nh.nlmsg_len, buf, sizeof(buf));
	at = n > 0 ? genl_attr(buf, n, NETDEV_A_DEV_XDP_FEATURES_) : NULL;
	if (!at || at->nla_len < NLA_HDRLEN + 8) {
		fprintf(stderr, "no XDP features in the answer: %s\n",
			n < 0 ? strerror(-n) : "attribute missing");
		goto out;
	}
	memcpy(&f, (char *)at + NLA_HDRLEN, 8);
	if (!f)
		printf("none");
	for (i = 0; i < 64; i++) {
		if (!(f & (1ULL << i)))
			continue;
		f &= ~(1ULL << i);
		if (i < sizeof(names) / sizeof(names[0]))
			printf("%s%s", sep, names[i]);
		else
			printf("%sbit-%u", sep, i);
		sep = " ";
	}
	printf("\n");
	ret = 0;
out:
	close(s);
	return ret;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* a UDP socket connected to <ip>:<port>, or -1 */
static int udp_to(const char *ip, int port)
{
	struct sockaddr_in dst = { .sin_family = AF_INET };
	int s;

	dst.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &dst.sin_addr) != 1)
		return -1;
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s >= 0 && connect(s, (struct sockaddr *)&dst, sizeof(dst))) {
		close(s);
		return -1;
	}
	return s;
}

/* XDPLOAD_SIZE, or the default of 64 bytes */
static int udp_size(void)
{
	const char *env = getenv("XDPLOAD_SIZE");
	int n;

	if (!env || !*env)
		return 64;
	n = atoi(env);
	if (n < 1 || n > UDP_MAX) {
		fprintf(stderr, "XDPLOAD_SIZE: 1..%d\n", UDP_MAX);
		return -1;
	}
	return n;
}

static int udpping(const char *ip, int port, int count, long wait)
{
	static char msg[UDP_MAX] = "xdpload";
	int s, i, got = 0, size = udp_size();
	struct pollfd pfd;
	long t0, ms;

	if (size < 0)
		return 2;
	s = udp_to(ip, port);
	if (s < 0)
		return 2;
	for (i = 0; i < count; i++)
		if (send(s, msg, size, 0) < 0 && errno != ECONNREFUSED)
			break;
	t0 = now_ms();
	pfd.fd = s;
	pfd.events = POLLIN;
	for (;;) {
		ms = wait - (now_ms() - t0);
		if (ms <= 0 || got >= count || poll(&pfd, 1, (int)ms) <= 0)
			break;
		if (recv(s, msg, sizeof(msg), 0) > 0)
			got++;
	}
	printf("sent %d got %d\n", i, got);
	close(s);
	return 0;
}

static int udpflood(const char *ip, int port, long ms)
{
	char msg[64] = "xdpload";
	long end = now_ms() + ms, n = 0;
	int s = udp_to(ip, port), i;

	if (s < 0)
		return 2;
	while (now_ms() < end)
		for (i = 0; i < 256; i++)
			if (send(s, msg, sizeof(msg), 0) >= 0)
				n++;
	printf("sent %ld\n", n);
	close(s);
	return 0;
}

int main(int argc, char **argv)
{
	/* before 5.11 BPF programs count against RLIMIT_MEMLOCK (64 KiB by
	 * default), and freed ones only leave it after a grace period: quick
	 * replacements would run out
	 */
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	int ifindex, ifindex2 = 0, port = 0, fd = -1;

	setrlimit(RLIMIT_MEMLOCK, &unlimited);

	if (argc == 5 && !strcmp(argv[1], "udpflood"))
		return udpflood(argv[2], atoi(argv[3]), atol(argv[4]));
	if ((argc == 5 || argc == 6) && !strcmp(argv[1], "udpping"))
		return udpping(argv[2], atoi(argv[3]), atoi(argv[4]),
			       argc == 6 ? atol(argv[5]) : 2000);
	if (argc < 3) {
		fprintf(stderr, "usage: see the source\n");
		return 2;
	}
	ifindex = (int)if_nametoindex(argv[1]);
	if (!ifindex) {
		fprintf(stderr, "no interface %s\n", argv[1]);
		return 2;
	}
	if (argc == 3 && !strcmp(argv[2], "features"))
		return features(ifindex);
	if (argc == 4 && !strcmp(argv[2], "pinned")) {
		fd = pinned(argv[3]);
		if (fd < 0)
			return 1;
		return attach(ifindex, fd) ? 1 : 0;
	}
	if (argc >= 4)
		port = atoi(argv[3]);
	if (argc >= 5) {
		ifindex2 = (int)if_nametoindex(argv[4]);
		if (!ifindex2) {
			fprintf(stderr, "no interface %s\n", argv[4]);
			return 2;
		}
	}
	if (strcmp(argv[2], "off")) {
		if (build(argv[2], port, ifindex2)) {
			fprintf(stderr, "unknown program %s\n", argv[2]);
			return 2;
		}
		fd = load();
		if (fd < 0)
			return 1;
	}
	if (attach(ifindex, fd))
		return 1;
	return 0;
}
