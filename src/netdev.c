// SPDX-License-Identifier: GPL-2.0
/*
 * net_device layer: net_device_ops, NAPI per channel, multi-queue
 * transmit with checksum/LSO/VLAN per-packet info, receive into GRO,
 * statistics, MTU and address changes, packet filter, link state, and the
 * rebuild of the device underneath (attach/detach) that keeps the user's
 * settings.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/jhash.h>
#include <linux/rtnetlink.h>
#include <net/flow_dissector.h>
#include <net/ip6_checksum.h>
#include "compat.h"
#include "netdev.h"

#define HVN_LINKCHANGE_DELAY	(2 * HZ)

#define HVN_HW_FEATURES \
	(NETIF_F_RXCSUM | NETIF_F_SG | NETIF_F_RXHASH | NETIF_F_IP_CSUM | \
	 NETIF_F_TSO | NETIF_F_IPV6_CSUM | NETIF_F_TSO6 | NETIF_F_LRO)

/* a counter kept per channel by the NVSP layer */
static u64 hvn_chan_stat(const struct hvn_nvsp_chan *nc,
			 enum hvn_dev_stat which)
{
	switch (which) {
	case HVN_ST_TX_BUSY:
		return READ_ONCE(nc->tx_busy);
	case HVN_ST_TX_SEND_FULL:
		return READ_ONCE(nc->tx_send_full);
	case HVN_ST_TX_SCATTERED:
		return READ_ONCE(nc->tx_linearized);
	case HVN_ST_TX_SEND_SECTION:
		return READ_ONCE(nc->tx_copied);
	case HVN_ST_TX_PAGE_BUFFER:
		return READ_ONCE(nc->tx_pagebuf);
	case HVN_ST_RX_COMP_BUSY:
		return READ_ONCE(nc->rx_comp_busy);
	default:
		return 0;
	}
}

/* the channel counters of one device instance */
static u64 hvn_rdev_stat(struct hvn_rndis_dev *r, enum hvn_dev_stat which)
{
	u64 v = 0;
	u32 q;

	for (q = 0; q < HVN_MAX_CHANNELS; q++)
		if (r->nvsp.ch[q])
			v += hvn_chan_stat(r->nvsp.ch[q], which);
	return v;
}

/* a counter kept per queue by the receive path */
static u64 hvn_queue_stat(const struct hvn_queue *hq, enum hvn_dev_stat which)
{
	switch (which) {
	case HVN_ST_RX_RSC_PACKETS:
		return READ_ONCE(hq->rsc_pkts);
	case HVN_ST_RX_RSC_FRAGS:
		return READ_ONCE(hq->rsc_frags);
	case HVN_ST_RX_CSUM_OK:
		return READ_ONCE(hq->csum_ok);
	case HVN_ST_RX_CSUM_BAD:
		return READ_ONCE(hq->csum_bad);
	case HVN_ST_RX_CSUM_NONE:
		return READ_ONCE(hq->csum_none);
	default:
		return 0;
	}
}

/**
 * hvn_dev_stat() - one device-wide counter
 * @p: device
 * @which: counter
 *
 * Return: its value over the life of the interface: the device-wide
 * count, the per-queue counts and the per-channel counts of the device in
 * use (RTNL held); those of earlier device instances were added to the
 * device-wide count when they were detached.
 */
u64 hvn_dev_stat(struct hvn_priv *p, enum hvn_dev_stat which)
{
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);
	u64 v = atomic64_read(&p->stats[which]);
	u32 q;

	for (q = 0; q < HVN_MAX_CHANNELS; q++)
		v += hvn_queue_stat(&p->q[q], which);
	if (r)
		v += hvn_rdev_stat(r, which);
	return v;
}

/**
 * hvn_get_viol() - all protocol violations seen on this interface
 * @p: device (RTNL held)
 * @sum: set to the counters
 */
void hvn_get_viol(struct hvn_priv *p, struct hvn_violations *sum)
{
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);

	*sum = p->viol_base;
	if (r)
		hvn_rndis_sum_viol(r, sum);
}

/**
 * hvn_qstats_read() - consistent read of a queue's counters
 * @s: counters
 * @packets: set to packets
 * @bytes: set to bytes
 */
void hvn_qstats_read(struct hvn_qstats *s, u64 *packets, u64 *bytes)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		*packets = u64_stats_read(&s->packets);
		*bytes = u64_stats_read(&s->bytes);
	} while (u64_stats_fetch_retry(&s->syncp, start));
}

static void hvn_qstats_add(struct hvn_qstats *s, u64 packets, u64 bytes)
{
	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->packets, packets);
	u64_stats_add(&s->bytes, bytes);
	u64_stats_update_end(&s->syncp);
}

/* ---- callbacks from the RNDIS layer ---- */

static void hvn_event(void *up, u16 q)
{
	struct hvn_priv *p = up;
	struct hvn_queue *hq = &p->q[q];

	if (napi_schedule_prep(&hq->napi)) {
		hvn_rndis_begin_read(hq->r, q);
		__napi_schedule_irqoff(&hq->napi);
	}
}

static int hvn_poll(struct napi_struct *napi, int budget)
{
	struct hvn_queue *hq = container_of(napi, struct hvn_queue, napi);
	struct net_device *ndev = hq->priv->ndev;
	struct hvn_rndis_dev *r = hq->r;
	struct netdev_queue *txq;
	int work;

	work = hvn_rndis_poll(r, hq->q, budget);
	hvn_xdp_poll_end(hq);

	if (hq->q < ndev->real_num_tx_queues) {
		txq = netdev_get_tx_queue(ndev, hq->q);
		if (hvn_rndis_batch_pending(r, hq->q)) {
			__netif_tx_lock(txq, smp_processor_id());
			hvn_rndis_flush(r, hq->q);
			__netif_tx_unlock(txq);
		}
		if (netif_tx_queue_stopped(txq) && netif_carrier_ok(ndev) &&
		    hvn_rndis_tx_avail_pct(r, hq->q) > HVN_RING_HIWATER) {
			netif_tx_wake_queue(txq);
			hvn_stat_inc(hq->priv, HVN_ST_WAKE_QUEUE);
		}
	}

	if (work < budget && napi_complete_done(napi, work) &&
	    hvn_rndis_end_read(r, hq->q) && napi_schedule_prep(napi)) {
		hvn_rndis_begin_read(r, hq->q);
		__napi_schedule(napi);
	}
	return min(work, budget);
}

static int hvn_chan_up(void *up, struct hvn_rndis_dev *r, u16 q)
{
	struct hvn_priv *p = up;
	struct hvn_queue *hq = &p->q[q];

	hq->r = r;
	netif_napi_add(p->ndev, &hq->napi, hvn_poll);
	napi_enable(&hq->napi);
	hq->napi_on = true;
	return hvn_xdp_rxq_reg(hq);
}

static void hvn_chan_down(void *up, u16 q)
{
	struct hvn_priv *p = up;
	struct hvn_queue *hq = &p->q[q];

	if (!hq->napi_on)
		return;
	napi_disable(&hq->napi);
	hvn_xdp_rxq_unreg(hq);
	netif_napi_del(&hq->napi);
	hq->napi_on = false;
}

/* the host's checksum verdict; a failure leaves the check to the stack */
static void hvn_rx_csum(struct hvn_queue *hq, struct sk_buff *skb,
			const struct hvn_rndis_rx_pkt *meta)
{
	if (hvn_rndis_rx_csum_bad(meta)) {
		WRITE_ONCE(hq->csum_bad, hq->csum_bad + 1);
	} else if ((skb->dev->features & NETIF_F_RXCSUM) &&
		   hvn_rndis_rx_csum_ok(meta)) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		WRITE_ONCE(hq->csum_ok, hq->csum_ok + 1);
	} else {
		WRITE_ONCE(hq->csum_none, hq->csum_none + 1);
	}
}

/*
 * A TCP packet the host coalesced (RSC) is larger than the MTU: describe
 * it as GSO with the segment size the MTU allows, as hardware LRO does, so
 * that GRO, segmentation on the way out (forwarding, tc, taps) and the
 * LRO checks of the stack see a consistent packet.  skb->data is at the
 * network header.
 */
static void hvn_rx_rsc_gso(struct sk_buff *skb, unsigned int mtu)
{
	unsigned int l3len, hlen, payload, mss;
	const struct tcphdr *th;
	u32 type;

	if (skb->protocol == htons(ETH_P_IP)) {
		const struct iphdr *iph = (const void *)skb->data;

		if (skb_headlen(skb) < sizeof(*iph) ||
		    iph->protocol != IPPROTO_TCP || ip_is_fragment(iph))
			return;
		l3len = iph->ihl * 4;
		type = SKB_GSO_TCPV4;
	} else if (skb->protocol == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6 = (const void *)skb->data;

		if (skb_headlen(skb) < sizeof(*ip6) || ip6->nexthdr != IPPROTO_TCP)
			return;
		l3len = sizeof(*ip6);
		type = SKB_GSO_TCPV6;
	} else {
		return;
	}
	if (skb_headlen(skb) < l3len + sizeof(*th))
		return;
	th = (const void *)(skb->data + l3len);
	hlen = l3len + th->doff * 4;
	if (skb_headlen(skb) < hlen || mtu <= hlen)
		return;
	payload = skb->len - hlen;
	mss = mtu - hlen;
	if (payload <= mss)
		return;
	skb_shinfo(skb)->gso_type = type;
	skb_shinfo(skb)->gso_size = mss;
	skb_shinfo(skb)->gso_segs = DIV_ROUND_UP(payload, mss);
}

static void hvn_rx_frame(void *up, u16 q, const struct hvn_rsc *rsc)
{
	struct hvn_priv *p = up;
	struct hvn_queue *hq = &p->q[q];
	struct net_device *ndev = p->ndev;
	const struct hvn_rndis_rx_pkt *meta = &rsc->meta;
	struct bpf_prog *prog;
	struct sk_buff *skb;
	u32 i;

	hvn_qstats_add(&hq->rx, 1, rsc->pktlen);
	prog = rcu_dereference(p->xdp_prog);
	if (prog) {
		skb = hvn_xdp_rx(hq, prog, rsc);
		if (!skb)
			return;
	} else {
		skb = napi_alloc_skb(&hq->napi, rsc->pktlen);
		if (!skb) {
			hvn_stat_inc(p, HVN_ST_RX_NO_MEMORY);
			dev_core_stats_rx_dropped_inc(ndev);
			return;
		}
		for (i = 0; i < rsc->cnt; i++)
			skb_put_data(skb, rsc->frag[i].data, rsc->frag[i].len);
	}
	skb->protocol = eth_type_trans(skb, ndev);
	hvn_rx_csum(hq, skb, meta);
	if (rsc->cnt > 1) {
		WRITE_ONCE(hq->rsc_pkts, hq->rsc_pkts + 1);
		WRITE_ONCE(hq->rsc_frags, hq->rsc_frags + rsc->cnt);
		if (skb->ip_summed == CHECKSUM_UNNECESSARY)
			hvn_rx_rsc_gso(skb, READ_ONCE(ndev->mtu));
	}
	if ((ndev->features & NETIF_F_RXHASH) && (meta->flags & HVN_RX_HASH))
		skb_set_hash(skb, meta->hash, PKT_HASH_TYPE_L4);
	if (meta->flags & HVN_RX_VLAN)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), meta->vlan_tci);
	skb_record_rx_queue(skb, q);
	napi_gro_receive(&hq->napi, skb);
}

static void hvn_tx_done(void *up, u16 q, struct sk_buff *skb)
{
	dev_consume_skb_any(skb);
}

static void hvn_status(void *up, u32 status)
{
	struct hvn_priv *p = up;

	if (status == HVN_RNDIS_STATUS_LINK_SPEED_CHANGE)
		return;
	if (status == HVN_RNDIS_STATUS_NETWORK_CHANGE)
		set_bit(HVN_LINK_EV_NETCHANGE, &p->link_events);
	else
		set_bit(HVN_LINK_EV_CHANGE, &p->link_events);
	mod_delayed_work(system_wq, &p->link_work, 0);
}

static void hvn_vf_assoc(void *up, bool allocated, u32 serial)
{
	hvn_vf_assoc_event(up, allocated, serial);
}

static void hvn_vf_dp_synthetic(void *up)
{
	hvn_vf_dp_synthetic_event(up);
}

static const struct hvn_rndis_ops hvn_rndis_ops = {
	.event = hvn_event,
	.chan_up = hvn_chan_up,
	.chan_down = hvn_chan_down,
	.rx_frame = hvn_rx_frame,
	.tx_done = hvn_tx_done,
	.status = hvn_status,
	.vf_assoc = hvn_vf_assoc,
	.vf_dp_synthetic = hvn_vf_dp_synthetic,
};

/* ---- link state ---- */

static void hvn_link_work(struct work_struct *w)
{
	struct hvn_priv *p = container_of(to_delayed_work(w), struct hvn_priv,
					  link_work);
	struct net_device *ndev = p->ndev;
	struct hvn_rndis_dev *r;
	bool up;

	mutex_lock(&p->cfg_lock);
	r = hvn_rdev(p);
	/* no carrier changes once unregistered: linkwatch would hold it */
	if (!r || ndev->reg_state != NETREG_REGISTERED) {
		mutex_unlock(&p->cfg_lock);
		return;
	}
	up = READ_ONCE(r->link_up);
	if (test_and_clear_bit(HVN_LINK_EV_NETCHANGE, &p->link_events) && up) {
		/* let the stack see the network change (DHCP renews) */
		netif_carrier_off(ndev);
		set_bit(HVN_LINK_EV_RESTORE, &p->link_events);
		mod_delayed_work(system_wq, &p->link_work, HVN_LINKCHANGE_DELAY);
		mutex_unlock(&p->cfg_lock);
		return;
	}
	clear_bit(HVN_LINK_EV_RESTORE, &p->link_events);
	clear_bit(HVN_LINK_EV_CHANGE, &p->link_events);
	if (up) {
		if (!netif_carrier_ok(ndev)) {
			netif_carrier_on(ndev);
			netif_tx_wake_all_queues(ndev);
		}
	} else if (netif_carrier_ok(ndev)) {
		netif_carrier_off(ndev);
		netif_tx_stop_all_queues(ndev);
	}
	mutex_unlock(&p->cfg_lock);
}

/* ---- packet filter ---- */

static void hvn_rx_mode_work(struct work_struct *w)
{
	struct hvn_priv *p = container_of(w, struct hvn_priv, rx_mode_work);
	struct net_device *ndev = p->ndev;
	struct hvn_rndis_dev *r;
	unsigned int flags = READ_ONCE(ndev->flags);
	u32 filter = 0;
	int ret;

	mutex_lock(&p->cfg_lock);
	r = hvn_rdev(p);
	if (r) {
		if (flags & IFF_UP)
			filter = hvn_rndis_packet_filter(flags & IFF_PROMISC,
							 (flags & IFF_ALLMULTI) ||
							 !netdev_mc_empty(ndev),
							 flags & IFF_BROADCAST);
		ret = hvn_rndis_set_filter(r, filter);
		if (ret && ret != -ENODEV)
			netdev_warn(ndev, "packet filter %#x not set: %d\n", filter,
				    ret);
	}
	mutex_unlock(&p->cfg_lock);
}

static void hvn_set_rx_mode(struct net_device *ndev)
{
	struct hvn_priv *p = netdev_priv(ndev);

	hvn_vf_set_rx_mode(p);
	schedule_work(&p->rx_mode_work);
}

static void hvn_change_rx_flags(struct net_device *ndev, int change)
{
	hvn_vf_change_rx_flags(netdev_priv(ndev), change);
}

/* ---- transmit ---- */

static u32 hvn_l4hash_bit(__be16 proto, u8 ip_proto)
{
	bool v6 = proto == htons(ETH_P_IPV6);

	if (proto != htons(ETH_P_IP) && !v6)
		return 0;
	if (ip_proto == IPPROTO_TCP)
		return v6 ? HVN_L4HASH_TCP6 : HVN_L4HASH_TCP4;
	if (ip_proto == IPPROTO_UDP)
		return v6 ? HVN_L4HASH_UDP6 : HVN_L4HASH_UDP4;
	return 0;
}

/* Flow hash for queue selection: L4, or addresses only where set so */
static u32 hvn_tx_hash(struct hvn_priv *p, struct sk_buff *skb)
{
	u32 l4 = READ_ONCE(p->set.l4hash);
	struct flow_keys k;
	u32 bit;

	if (l4 == HVN_L4HASH_ALL || !skb_flow_dissect_flow_keys(skb, &k, 0))
		return skb_get_hash(skb);
	bit = hvn_l4hash_bit(k.basic.n_proto, k.basic.ip_proto);
	if (!bit || (l4 & bit))
		return skb_get_hash(skb);
	if (k.control.addr_type == FLOW_DISSECTOR_KEY_IPV4_ADDRS)
		return jhash_2words((__force u32)k.addrs.v4addrs.src,
				   (__force u32)k.addrs.v4addrs.dst, 0);
	if (k.control.addr_type == FLOW_DISSECTOR_KEY_IPV6_ADDRS)
		return jhash2((const u32 *)&k.addrs.v6addrs,
			      sizeof(k.addrs.v6addrs) / sizeof(u32), 0);
	return skb_get_hash(skb);
}

static u16 hvn_select_queue(struct net_device *ndev, struct sk_buff *skb,
			    struct net_device *sb_dev)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u32 nq = ndev->real_num_tx_queues;
	struct hvn_rndis_dev *r;

	hvn_vf_select_queue(p, skb, sb_dev);
	if (nq <= 1)
		return 0;
	r = rcu_dereference_bh(p->rdev);
	if (!r)
		return 0;
	return hvn_rndis_send_queue(r, hvn_tx_hash(p, skb), nq);
}

/*
 * The host takes 802.1Q tags only as per-packet info.  A frame that carries
 * its tag in the data (AF_PACKET senders) has it moved out of band.
 */
static int hvn_tx_vlan_out_of_band(struct sk_buff *skb)
{
	u16 tci;

	if (skb->protocol != htons(ETH_P_8021Q) || skb_vlan_tag_present(skb))
		return 0;
	skb_reset_mac_header(skb);
	if (!eth_type_vlan(eth_hdr(skb)->h_proto))
		return 0;
	if (__skb_vlan_pop(skb, &tci))
		return -EINVAL;
	__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tci);
	return 0;
}

/* Decide the per-packet info; may fall back to software checksum */
static int hvn_tx_info(struct hvn_priv *p, struct hvn_rndis_dev *r,
		       struct sk_buff *skb, struct hvn_rndis_tx_info *ti)
{
	__be16 proto = vlan_get_protocol(skb);
	bool v6 = proto == htons(ETH_P_IPV6);
	u8 l4;

	if (p->ndev->real_num_tx_queues > 1) {
		ti->flags |= HVN_TX_HASH;
		ti->hash = skb_get_hash(skb);
	}
	if (skb_vlan_tag_present(skb)) {
		ti->flags |= HVN_TX_VLAN;
		ti->vlan_tci = skb_vlan_tag_get(skb);
	}

	if (skb_is_gso(skb)) {
		if (!(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
			return -EINVAL;
		v6 = skb_shinfo(skb)->gso_type & SKB_GSO_TCPV6;
		if (v6) {
			tcp_v6_gso_csum_prep(skb);
			ti->flags |= HVN_TX_IPV6;
		} else {
			struct iphdr *iph = ip_hdr(skb);

			iph->tot_len = 0;
			iph->check = 0;
			tcp_hdr(skb)->check = ~csum_tcpudp_magic(iph->saddr,
								 iph->daddr, 0,
								 IPPROTO_TCP, 0);
		}
		ti->flags |= HVN_TX_LSO;
		ti->mss = skb_shinfo(skb)->gso_size;
		ti->l4_offset = skb_transport_offset(skb);
		return 0;
	}

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	if (proto == htons(ETH_P_IP))
		l4 = ip_hdr(skb)->protocol;
	else if (v6)
		l4 = ipv6_hdr(skb)->nexthdr;
	else
		return skb_checksum_help(skb);

	if (l4 == IPPROTO_TCP &&
	    (v6 ? r->plan.tx_csum_tcp6 : r->plan.tx_csum_tcp4)) {
		ti->flags |= HVN_TX_CSUM;
	} else if (l4 == IPPROTO_UDP &&
		   (v6 ? r->plan.tx_csum_udp6 : r->plan.tx_csum_udp4)) {
		ti->flags |= HVN_TX_CSUM | HVN_TX_UDP;
	} else {
		return skb_checksum_help(skb);
	}
	if (v6)
		ti->flags |= HVN_TX_IPV6;
	ti->l4_offset = skb_transport_offset(skb);
	return 0;
}

static netdev_tx_t hvn_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u16 q = skb_get_queue_mapping(skb);
	struct hvn_rndis_tx_info ti = {};
	struct hvn_rndis_dev *r;
	struct netdev_queue *txq;
	struct net_device *vf;
	u32 len = skb->len, segs;
	int ret;

	vf = hvn_vf_tx_dev(p);
	if (vf)
		return hvn_vf_xmit(p, vf, skb);

	r = rcu_dereference_bh(p->rdev);
	if (unlikely(!r || q >= r->num_chn))
		goto drop;
	txq = netdev_get_tx_queue(ndev, q);
	segs = skb_is_gso(skb) ? skb_shinfo(skb)->gso_segs : 1;

	if (skb_cow_head(skb, HVN_RNDIS_TX_HDR_MAX)) {
		hvn_stat_inc(p, HVN_ST_TX_NO_MEMORY);
		goto drop_flush;
	}
	if (unlikely(hvn_tx_vlan_out_of_band(skb))) {
		hvn_stat_inc(p, HVN_ST_VLAN_ERROR);
		goto drop_flush;
	}
	len = skb->len;
	if (hvn_tx_info(p, r, skb, &ti)) {
		hvn_stat_inc(p, HVN_ST_TX_TOO_BIG);
		goto drop_flush;
	}
	ret = hvn_rndis_xmit(r, q, skb, &ti, !(ti.flags & HVN_TX_LSO),
			     netdev_xmit_more() && !netif_xmit_stopped(txq));
	if (likely(!ret)) {
		hvn_qstats_add(&p->q[q].tx, segs, len);
		if (hvn_rndis_tx_avail_pct(r, q) < HVN_RING_LOWATER) {
			netif_tx_stop_queue(txq);
			hvn_stat_inc(p, HVN_ST_STOP_QUEUE);
			hvn_rndis_flush(r, q);
		}
		return NETDEV_TX_OK;
	}
	if (ret == -EAGAIN) {
		netif_tx_stop_queue(txq);
		hvn_stat_inc(p, HVN_ST_STOP_QUEUE);
		/* nothing in flight would wake the queue: drop instead */
		if (!hvn_rndis_tx_pending(r, q)) {
			netif_tx_wake_queue(txq);
			hvn_stat_inc(p, HVN_ST_TX_NO_SPACE);
			goto drop_flush;
		}
		return NETDEV_TX_BUSY;
	}
	hvn_stat_inc(p, ret == -ENOMEM ? HVN_ST_TX_NO_MEMORY : HVN_ST_TX_TOO_BIG);
drop_flush:
	/* frames batched before this one must not wait for another xmit */
	hvn_rndis_flush(r, q);
drop:
	dev_core_stats_tx_dropped_inc(ndev);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

/* ---- open, stop, stats, MTU, address, features ---- */

static int hvn_open(struct net_device *ndev)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);

	if (!r)
		return -ENODEV;
	schedule_work(&p->rx_mode_work);
	if (r->link_up) {
		netif_carrier_on(ndev);
		netif_tx_wake_all_queues(ndev);
	}
	return hvn_vf_open(p);
}

static int hvn_stop(struct net_device *ndev)
{
	struct hvn_priv *p = netdev_priv(ndev);

	hvn_vf_stop(p);
	netif_tx_disable(ndev);
	schedule_work(&p->rx_mode_work);	/* filter 0: IFF_UP is clear */
	return 0;
}

static void hvn_get_stats64(struct net_device *ndev,
			    struct rtnl_link_stats64 *st)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u64 pk, by;
	u32 q;

	for (q = 0; q < HVN_MAX_CHANNELS; q++) {
		hvn_qstats_read(&p->q[q].rx, &pk, &by);
		st->rx_packets += pk;
		st->rx_bytes += by;
		hvn_qstats_read(&p->q[q].tx, &pk, &by);
		st->tx_packets += pk;
		st->tx_bytes += by;
	}
	if (p->vf.stats) {
		u64 rxp, rxb, txp, txb;

		hvn_vf_totals(p, &rxp, &rxb, &txp, &txb);
		st->rx_packets += rxp;
		st->rx_bytes += rxb;
		st->tx_packets += txp;
		st->tx_bytes += txb;
	}
	/* drops are in the core's counters, which the core adds */
}

static int hvn_change_mtu(struct net_device *ndev, int mtu)
{
	struct hvn_priv *p = netdev_priv(ndev);
	int old = ndev->mtu;
	int ret;

	if (hvn_xdp_single_buf(p) && mtu > hvn_xdp_max_mtu()) {
		netdev_warn(ndev, "MTU %d: with XDP at most %u\n", mtu,
			    hvn_xdp_max_mtu());
		return -EINVAL;
	}
	/* the VF first: a VF that cannot carry the MTU refuses it */
	ret = hvn_vf_change_mtu(p, mtu);
	if (ret)
		return ret;

	hvn_detach(p);
	WRITE_ONCE(ndev->mtu, mtu);
	ret = hvn_attach(p);
	if (ret) {
		netdev_err(ndev, "MTU %d not accepted (%d), back to %d\n", mtu,
			   ret, old);
		WRITE_ONCE(ndev->mtu, old);
		if (hvn_attach(p))
			netdev_err(ndev, "device lost\n");
		hvn_vf_change_mtu(p, old);
	}
	return ret;
}

static int hvn_set_mac_address(struct net_device *ndev, void *addr)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);
	struct sockaddr *sa = addr;
	int ret;

	if (!r)
		return -ENODEV;
	ret = eth_prepare_mac_addr_change(ndev, addr);
	if (ret)
		return ret;
	ret = hvn_rndis_set_mac(r, sa->sa_data);
	if (ret)
		return ret == -EIO ? -EADDRNOTAVAIL : ret;
	eth_commit_mac_addr_change(ndev, addr);
	return 0;
}

/* LRO stays off while a single-buffer XDP program is attached */
static netdev_features_t hvn_fix_features(struct net_device *ndev,
					  netdev_features_t features)
{
	struct hvn_priv *p = netdev_priv(ndev);

	if ((features & NETIF_F_LRO) && hvn_xdp_single_buf(p)) {
		if (ndev->wanted_features & NETIF_F_LRO)
			netdev_info(ndev, "LRO stays off while an XDP program is attached\n");
		features &= ~NETIF_F_LRO;
	}
	return features;
}

static int hvn_set_features(struct net_device *ndev, netdev_features_t features)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);
	netdev_features_t change = features ^ ndev->features;
	int ret;

	if ((change & NETIF_F_LRO) && r) {
		ret = hvn_rndis_set_offload(r, features & NETIF_F_LRO);
		if (ret)
			return ret;
	}
	/* what the synthetic NIC took, the VF follows */
	hvn_vf_set_features(p, features);
	return 0;
}

static const struct net_device_ops hvn_netdev_ops = {
	.ndo_open = hvn_open,
	.ndo_stop = hvn_stop,
	.ndo_start_xmit = hvn_start_xmit,
	.ndo_select_queue = hvn_select_queue,
	.ndo_set_rx_mode = hvn_set_rx_mode,
	.ndo_change_rx_flags = hvn_change_rx_flags,
	.ndo_get_stats64 = hvn_get_stats64,
	.ndo_change_mtu = hvn_change_mtu,
	.ndo_set_mac_address = hvn_set_mac_address,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_fix_features = hvn_fix_features,
	.ndo_set_features = hvn_set_features,
	.ndo_bpf = hvn_xdp_bpf,
	.ndo_xdp_xmit = hvn_xdp_xmit,
};

/**
 * hvn_is_ours() - whether a netdev is a synthetic interface of this driver
 * @dev: any netdev
 *
 * Return: true for ours.
 */
bool hvn_is_ours(const struct net_device *dev)
{
	return dev->netdev_ops == &hvn_netdev_ops;
}

/* ---- attach and detach the device underneath ---- */

static void hvn_set_hw_features(struct hvn_priv *p, struct hvn_rndis_dev *r,
				bool first)
{
	struct net_device *ndev = p->ndev;
	netdev_features_t hw = NETIF_F_RXCSUM | NETIF_F_SG | NETIF_F_RXHASH;

	if (r->plan.tx_csum_tcp4)
		hw |= NETIF_F_IP_CSUM;
	if (r->plan.tso4)
		hw |= NETIF_F_TSO;
	if (r->plan.tx_csum_tcp6)
		hw |= NETIF_F_IPV6_CSUM;
	if (r->plan.tso6)
		hw |= NETIF_F_TSO6;
	if (r->plan.rsc)
		hw |= NETIF_F_LRO;
	netif_set_tso_max_size(ndev, r->plan.gso_max_size);

	ndev->hw_features = (ndev->hw_features & ~HVN_HW_FEATURES) | hw;
	if (first) {
		ndev->features = hw | NETIF_F_HIGHDMA | NETIF_F_HW_VLAN_CTAG_TX |
				 NETIF_F_HW_VLAN_CTAG_RX;
		ndev->vlan_features = ndev->features;
	} else {
		ndev->features &= ~HVN_HW_FEATURES | hw;
	}
}

/* Tell the stack which NAPI serves each queue (netlink queue-get). */
static void hvn_link_queues(struct hvn_priv *p, u32 n, bool on)
{
	u32 q;

	for (q = 0; q < n; q++) {
		struct napi_struct *napi = on && p->q[q].napi_on ?
					   &p->q[q].napi : NULL;

		netif_queue_set_napi(p->ndev, q, NETDEV_QUEUE_TYPE_RX, napi);
		netif_queue_set_napi(p->ndev, q, NETDEV_QUEUE_TYPE_TX, napi);
	}
}

/**
 * hvn_attach() - build the device underneath with the current settings
 * @p: device (RTNL held once registered)
 *
 * Return: 0 or a negative errno.
 */
int hvn_attach(struct hvn_priv *p)
{
	struct net_device *ndev = p->ndev;
	struct hvn_rndis_cfg cfg = {
		.nvsp = {
			.mtu = ndev->mtu,
			.ring_pages = p->set.ring_pages,
			.rx_sections = p->set.rx_sections,
			.tx_sections = p->set.tx_sections,
		},
		.channels = p->set.channels,
		.lro = ndev->reg_state == NETREG_UNINITIALIZED ||
		       (ndev->features & NETIF_F_LRO),
		.rss_key = p->set.rss_key,
		/* the user's table; otherwise spread over the channels */
		.itab = p->set.itab_len && netif_is_rxfh_configured(ndev) ?
			p->set.itab : NULL,
		.itab_len = p->set.itab_len,
	};
	bool first = ndev->reg_state == NETREG_UNINITIALIZED;
	struct hvn_rndis_dev *r;
	int ret;

	r = hvn_rndis_open(p->hdev, &cfg, &hvn_rndis_ops, p);
	if (IS_ERR(r))
		return PTR_ERR(r);

	ret = netif_set_real_num_queues(ndev, r->num_chn, r->num_chn);
	if (ret) {
		hvn_rndis_close(r);
		return ret;
	}
	hvn_link_queues(p, r->num_chn, true);
	hvn_set_hw_features(p, r, first);
	ndev->max_mtu = hvn_nvsp_max_mtu(r->nvsp.ver);
	if (!first && !ether_addr_equal(ndev->dev_addr, r->perm_mac) &&
	    hvn_rndis_set_mac(r, ndev->dev_addr))
		netdev_warn(ndev, "address %pM not restored\n", ndev->dev_addr);

	mutex_lock(&p->cfg_lock);
	rcu_assign_pointer(p->rdev, r);
	mutex_unlock(&p->cfg_lock);

	if (!first) {
		hvn_vf_attached(p);
		netdev_update_features(ndev);
		if (netif_running(ndev)) {
			schedule_work(&p->rx_mode_work);
			if (r->link_up) {
				netif_carrier_on(ndev);
				netif_tx_wake_all_queues(ndev);
			}
		}
	}
	return 0;
}

/*
 * Send what xmit left batched (more frames were announced, then the queue
 * was disabled) while the RNDIS device still runs: after HALT the host
 * takes no data, and poll must find nothing left to flush.  The TX lock
 * orders this against the flush in hvn_poll().
 */
static void hvn_tx_quiesce(struct hvn_priv *p, struct hvn_rndis_dev *r)
{
	struct netdev_queue *txq;
	u32 q, lost = 0;
	int tries;
	bool busy;

	for (q = 0; q < r->num_chn; q++) {
		txq = netdev_get_tx_queue(p->ndev, q);
		for (tries = 0; ; tries++) {
			__netif_tx_lock_bh(txq);
			busy = hvn_rndis_flush(r, q) == -EAGAIN;
			if (busy && tries >= 200) {	/* ~0.2 s of a full ring */
				lost += hvn_rndis_drop_batch(r, q);
				busy = false;
			}
			__netif_tx_unlock_bh(txq);
			if (!busy)
				break;
			usleep_range(500, 1000);
		}
	}
	while (lost--)
		dev_core_stats_tx_dropped_inc(p->ndev);
}

/**
 * hvn_detach() - tear the device underneath down (interface stays)
 * @p: device (RTNL held once registered)
 */
void hvn_detach(struct hvn_priv *p)
{
	struct net_device *ndev = p->ndev;
	struct hvn_rndis_dev *r;
	enum hvn_dev_stat st;

	/*
	 * Carrier first: hvn_poll() wakes queues only with a carrier.  After
	 * unregister a carrier event would outlive the interface.
	 */
	if (ndev->reg_state == NETREG_REGISTERED)
		netif_carrier_off(ndev);
	hvn_vf_detached(p);
	netif_tx_disable(ndev);
	mutex_lock(&p->cfg_lock);
	r = hvn_rdev(p);
	RCU_INIT_POINTER(p->rdev, NULL);
	mutex_unlock(&p->cfg_lock);
	if (!r)
		return;
	synchronize_net();
	hvn_tx_quiesce(p, r);
	hvn_link_queues(p, r->num_chn, false);
	hvn_rndis_sum_viol(r, &p->viol_base);
	for (st = 0; st < HVN_ST_NR; st++)
		atomic64_add(hvn_rdev_stat(r, st), &p->stats[st]);
	hvn_rndis_close(r);
}

/**
 * hvn_reattach() - rebuild the device underneath after a settings change
 * @p: device (RTNL held)
 *
 * Return: 0 or a negative errno.
 */
int hvn_reattach(struct hvn_priv *p)
{
	hvn_detach(p);
	return hvn_attach(p);
}

/**
 * hvn_netdev_teardown() - stop the workers before the interface is freed
 * @p: device, detached
 */
void hvn_netdev_teardown(struct hvn_priv *p)
{
	cancel_work_sync(&p->rx_mode_work);
	cancel_delayed_work_sync(&p->link_work);
	hvn_vf_fini(p);
	hvn_xdp_teardown(p);
}

/**
 * hvn_netdev_setup() - initialise a fresh interface
 * @ndev: from alloc_etherdev_mq()
 * @hdev: VMBus device
 */
void hvn_netdev_setup(struct net_device *ndev, struct hv_device *hdev)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u32 q;

	p->ndev = ndev;
	p->hdev = hdev;
	mutex_init(&p->cfg_lock);
	INIT_WORK(&p->rx_mode_work, hvn_rx_mode_work);
	INIT_DELAYED_WORK(&p->link_work, hvn_link_work);
	for (q = 0; q < HVN_MAX_CHANNELS; q++) {
		p->q[q].priv = p;
		p->q[q].q = q;
		u64_stats_init(&p->q[q].rx.syncp);
		u64_stats_init(&p->q[q].tx.syncp);
	}
	p->set.l4hash = HVN_L4HASH_ALL;
	memcpy(p->set.rss_key, hvn_rndis_default_key, HVN_RSS_KEY_SIZE);

	ndev->netdev_ops = &hvn_netdev_ops;
	ndev->ethtool_ops = &hvn_ethtool_ops;
	ndev->needed_headroom = HVN_RNDIS_TX_HDR_MAX;
	ndev->min_mtu = HVN_MTU_MIN;
	ndev->max_mtu = HVN_MTU_MAX;
	xdp_set_features_flag(ndev, NETDEV_XDP_ACT_BASIC |
			      NETDEV_XDP_ACT_REDIRECT |
			      NETDEV_XDP_ACT_NDO_XMIT |
			      NETDEV_XDP_ACT_RX_SG);
	netif_carrier_off(ndev);
}
