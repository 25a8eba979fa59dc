/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the e2e XDP test programs: find IPv4 UDP datagrams to the test
 * port.  Every access is bounds-checked against data_end, as the verifier
 * of every kernel since 5.10 wants it; IP options are allowed.
 */
#ifndef TEST_UDP_H
#define TEST_UDP_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

/* the UDP port the scenarios send to (sc-xdp.sh: XDP_PORT) */
#ifndef TEST_UDP_PORT
#define TEST_UDP_PORT 7777
#endif

/* true for an IPv4 UDP datagram to TEST_UDP_PORT, not a fragment's tail */
static __always_inline int test_udp_match(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct udphdr *udp;
	__u32 hlen;

	if ((void *)(eth + 1) > end)
		return 0;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return 0;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end)
		return 0;
	if (ip->version != 4 || ip->ihl < 5 || ip->protocol != IPPROTO_UDP)
		return 0;
	/* later fragments carry no UDP header */
	if (ip->frag_off & bpf_htons(0x1fff))
		return 0;
	hlen = ip->ihl * 4;
	udp = (void *)ip + hlen;
	if ((void *)(udp + 1) > end)
		return 0;
	return udp->dest == bpf_htons(TEST_UDP_PORT);
}

#endif /* TEST_UDP_H */
