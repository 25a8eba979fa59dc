// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim receive segment coalescing (RSC), as a Hyper-V host does it
 * when the guest enabled it (OID_TCP_OFFLOAD_PARAMETERS rsc_ip_v4/v6 = 2):
 * consecutive in-order TCP segments of one flow, queued on one channel, go
 * to the guest as one large segment.  The rules are those of a classic LRO:
 *
 *   - plain TCP over IPv4 (no options, not a fragment) or IPv6 (no extension
 *     headers), the same Ethernet header, VLAN tag, addresses, ports, TOS or
 *     traffic class, TTL or hop limit and TCP option layout;
 *   - ACK set; no SYN, FIN, RST, URG, ECE or CWR; only the timestamp option;
 *   - data in every segment, sequence numbers contiguous, checksums valid;
 *   - ACK numbers and timestamps never go back; the newest ACK, window and
 *     timestamps win; PSH ends the batch;
 *   - at most HS_RSC_MAX_SEGS segments and 64 KiB of IP datagram.
 *
 * Only what is queued when the receive work runs is coalesced (no timers).
 * The result gets a fresh IP length and checksum and a fresh TCP checksum.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/if_vlan.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/tcp.h>
#include "hostsim.h"

#define HS_SEG_HDR_MAX	(ETH_HLEN + sizeof(struct ipv6hdr) + 60)

/* One TCP segment as the coalescer sees it. */
struct hs_seg {
	bool v6;
	u32 l4;			/* TCP header offset */
	u32 hlen;		/* Ethernet + IP + TCP header bytes */
	u32 plen;		/* TCP payload bytes */
	u32 seq, ack;
	u8 flags;		/* TCP flag byte */
	bool ts;
	u32 tsval;
	u8 hdr[HS_SEG_HDR_MAX];
};

#define HS_TCP_BAD_FLAGS	(TCPHDR_SYN | TCPHDR_FIN | TCPHDR_RST | TCPHDR_URG | \
				 TCPHDR_ECE | TCPHDR_CWR)

static bool hs_seg_csum_ok(struct sk_buff *skb, const struct hs_seg *s)
{
	u32 len = skb->len - s->l4;
	__wsum sum = skb_checksum(skb, s->l4, len, 0);

	if (s->v6) {
		const struct ipv6hdr *ip6 = (const void *)(s->hdr + ETH_HLEN);

		return !csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len, IPPROTO_TCP, sum);
	}
	return !csum_tcpudp_magic(((const struct iphdr *)(s->hdr + ETH_HLEN))->saddr,
				  ((const struct iphdr *)(s->hdr + ETH_HLEN))->daddr,
				  len, IPPROTO_TCP, sum);
}

/* Is @skb a TCP segment the host may coalesce?  Fills @s. */
static bool hs_seg_parse(struct hs_dev *d, struct sk_buff *skb, struct hs_seg *s)
{
	const struct tcphdr *th;
	__be16 proto;
	u32 doff;

	if (skb->len < ETH_HLEN + sizeof(struct iphdr) + sizeof(struct tcphdr) ||
	    skb_copy_bits(skb, 0, s->hdr, min_t(u32, skb->len, sizeof(s->hdr))))
		return false;
	proto = ((const struct ethhdr *)s->hdr)->h_proto;
	if (proto == htons(ETH_P_IP)) {
		const struct iphdr *ip = (const void *)(s->hdr + ETH_HLEN);

		if (ip->version != 4 || ip->ihl != 5 || ip->protocol != IPPROTO_TCP ||
		    ip->frag_off & htons(IP_MF | IP_OFFSET) ||
		    ETH_HLEN + ntohs(ip->tot_len) != skb->len ||
		    ip_fast_csum(ip, ip->ihl))
			return false;
		s->v6 = false;
		s->l4 = ETH_HLEN + sizeof(*ip);
	} else if (proto == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6 = (const void *)(s->hdr + ETH_HLEN);

		if (skb->len < ETH_HLEN + sizeof(*ip6) + sizeof(struct tcphdr) ||
		    ip6->version != 6 || ip6->nexthdr != IPPROTO_TCP ||
		    ETH_HLEN + sizeof(*ip6) + ntohs(ip6->payload_len) != skb->len)
			return false;
		s->v6 = true;
		s->l4 = ETH_HLEN + sizeof(*ip6);
	} else {
		return false;
	}
	if (!hs_rndis_rsc_on(d, s->v6))
		return false;
	th = (const void *)(s->hdr + s->l4);
	doff = th->doff * 4;
	s->hlen = s->l4 + doff;
	if (doff < sizeof(*th) || s->hlen >= skb->len)
		return false;	/* header only, or cut off */
	s->flags = tcp_flag_byte(th);
	if (!(s->flags & TCPHDR_ACK) || s->flags & HS_TCP_BAD_FLAGS)
		return false;
	s->ts = false;
	if (doff == sizeof(*th) + TCPOLEN_TSTAMP_ALIGNED) {
		const u8 *o = s->hdr + s->l4 + sizeof(*th);

		if (o[0] != TCPOPT_NOP || o[1] != TCPOPT_NOP ||
		    o[2] != TCPOPT_TIMESTAMP || o[3] != TCPOLEN_TIMESTAMP)
			return false;
		s->ts = true;
		s->tsval = get_unaligned_be32(o + 4);
	} else if (doff != sizeof(*th)) {
		return false;
	}
	s->plen = skb->len - s->hlen;
	s->seq = ntohl(th->seq);
	s->ack = ntohl(th->ack_seq);
	return hs_seg_csum_ok(skb, s);
}

/* May @c follow @h (the batch head), @last being the newest segment so far? */
static bool hs_seg_follows(const struct hs_seg *h, const struct hs_seg *last,
			   const struct hs_seg *c, u32 next_seq, u32 ip_len)
{
	const struct tcphdr *th = (const void *)(h->hdr + h->l4);
	const struct tcphdr *tc = (const void *)(c->hdr + c->l4);

	if (c->v6 != h->v6 || c->hlen != h->hlen ||
	    memcmp(h->hdr, c->hdr, ETH_HLEN) ||
	    th->source != tc->source || th->dest != tc->dest)
		return false;
	if (h->v6) {
		const struct ipv6hdr *a = (const void *)(h->hdr + ETH_HLEN);
		const struct ipv6hdr *b = (const void *)(c->hdr + ETH_HLEN);

		/* version, traffic class, flow label; hop limit; addresses */
		if (memcmp(a, b, 4) || a->hop_limit != b->hop_limit ||
		    memcmp(&a->saddr, &b->saddr, 2 * sizeof(a->saddr)))
			return false;
	} else {
		const struct iphdr *a = (const void *)(h->hdr + ETH_HLEN);
		const struct iphdr *b = (const void *)(c->hdr + ETH_HLEN);

		if (a->tos != b->tos || a->ttl != b->ttl ||
		    a->frag_off != b->frag_off || a->saddr != b->saddr ||
		    a->daddr != b->daddr)
			return false;
	}
	if (c->seq != next_seq || last->flags & TCPHDR_PSH ||
	    before(c->ack, last->ack) || c->ts != h->ts ||
	    (c->ts && before(c->tsval, last->tsval)))
		return false;
	return ip_len + c->plen <= 65535;
}

/*
 * Collect the segments that coalesce with @first (already dequeued) from the
 * head of the channel's queue into @segs (@segs[0] = @first).  Returns their
 * count; 1 when nothing coalesces.
 */
u32 hs_rsc_gather(struct hs_chan *hc, struct sk_buff *first, struct sk_buff **segs)
{
	struct hs_seg h, s[2];
	u32 n = 1, next_seq, ip_len;
	struct sk_buff *skb;
	int cur = 0;

	segs[0] = first;
	if (!hc->rscbuf || !hs_seg_parse(hc->dev, first, &h))
		return 1;
	s[0] = h;
	next_seq = h.seq + h.plen;
	/* the length field that must stay within 16 bits */
	ip_len = first->len - ETH_HLEN - (h.v6 ? sizeof(struct ipv6hdr) : 0);
	while (n < HS_RSC_MAX_SEGS && (skb = skb_peek(&hc->rxq))) {
		struct hs_seg *c = &s[!cur];

		if (skb_vlan_tag_present(skb) != skb_vlan_tag_present(first) ||
		    (skb_vlan_tag_present(skb) &&
		     skb_vlan_tag_get(skb) != skb_vlan_tag_get(first)))
			break;
		if (!hs_seg_parse(hc->dev, skb, c) ||
		    !hs_seg_follows(&h, &s[cur], c, next_seq, ip_len))
			break;
		segs[n++] = skb_dequeue(&hc->rxq);
		next_seq += c->plen;
		ip_len += c->plen;
		cur = !cur;
	}
	return n;
}

/*
 * Build the coalesced frame of @segs in hc->rscbuf: the first segment's
 * headers with the newest ACK, window, flags and timestamps, then every
 * payload.  Returns the frame length.
 */
int hs_rsc_build(struct hs_chan *hc, struct sk_buff **segs, u32 n)
{
	u8 *buf = hc->rscbuf;
	u32 hlen, l4, pos, i, tlen;
	struct tcphdr *th;
	struct hs_seg h;
	__be32 seq;
	bool v6;

	if (!buf || !hs_seg_parse(hc->dev, segs[0], &h))
		return -EINVAL;
	hlen = h.hlen;
	l4 = h.l4;
	v6 = h.v6;
	/* headers of the first segment, then the last one's TCP header */
	if (skb_copy_bits(segs[0], 0, buf, hlen))
		return -EFAULT;
	th = (struct tcphdr *)(buf + l4);
	seq = th->seq;
	if (skb_copy_bits(segs[n - 1], l4, buf + l4, hlen - l4))
		return -EFAULT;
	th->seq = seq;
	pos = hlen;
	for (i = 0; i < n; i++) {
		u32 plen = segs[i]->len - hlen;

		if (pos + plen > HS_RSC_BUF ||
		    skb_copy_bits(segs[i], hlen, buf + pos, plen))
			return -EFAULT;
		pos += plen;
	}
	tlen = pos - l4;
	th->check = 0;
	th->urg_ptr = 0;
	if (v6) {
		struct ipv6hdr *ip6 = (struct ipv6hdr *)(buf + ETH_HLEN);

		ip6->payload_len = htons(tlen);
		th->check = csum_ipv6_magic(&ip6->saddr, &ip6->daddr, tlen,
					    IPPROTO_TCP, csum_partial(th, tlen, 0));
	} else {
		struct iphdr *ip = (struct iphdr *)(buf + ETH_HLEN);

		ip->tot_len = htons(pos - ETH_HLEN);
		ip->check = 0;
		ip->check = ip_fast_csum(ip, ip->ihl);
		th->check = csum_tcpudp_magic(ip->saddr, ip->daddr, tlen,
					      IPPROTO_TCP, csum_partial(th, tlen, 0));
	}
	return pos;
}
