// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time exercise of every shim in compat.h, built only for matrix and
 * CI builds (HVN_COMPAT_SELFTEST=1): a shim that stops compiling on some
 * kernel fails the matrix even before the driver uses it.  Nothing here runs.
 */
#include "compat.h"

static void hvn_st_get_ring(struct net_device *dev, struct ethtool_ringparam *r,
			    struct kernel_ethtool_ringparam *k,
			    struct netlink_ext_ack *extack)
{
}

static int hvn_st_set_ring(struct net_device *dev, struct ethtool_ringparam *r,
			   struct kernel_ethtool_ringparam *k,
			   struct netlink_ext_ack *extack)
{
	return 0;
}

static int hvn_st_get_rxfh(struct net_device *dev, struct ethtool_rxfh_param *p)
{
	return 0;
}

static int hvn_st_set_rxfh(struct net_device *dev, struct ethtool_rxfh_param *p,
			   struct netlink_ext_ack *extack)
{
	return 0;
}

static int hvn_st_get_fields(struct net_device *dev,
			     struct ethtool_rxfh_fields *f)
{
	return 0;
}

static int hvn_st_set_fields(struct net_device *dev,
			     const struct ethtool_rxfh_fields *f,
			     struct netlink_ext_ack *extack)
{
	return 0;
}

static u32 hvn_st_ring_count(struct net_device *dev)
{
	return 1;
}

HVN_DEFINE_ETHTOOL_RINGPARAM(hvn_st_get_ring, hvn_st_set_ring)
HVN_DEFINE_ETHTOOL_RXFH(hvn_st_get_rxfh, hvn_st_set_rxfh)
HVN_DEFINE_ETHTOOL_RXFH_FIELDS(hvn_st_get_fields, hvn_st_set_fields,
			       hvn_st_ring_count)

static const struct ethtool_ops hvn_st_ethtool_ops __used = {
	HVN_ETHTOOL_RINGPARAM(hvn_st_get_ring, hvn_st_set_ring),
	HVN_ETHTOOL_RXFH(hvn_st_get_rxfh, hvn_st_set_rxfh),
	HVN_ETHTOOL_RXFH_FIELDS(hvn_st_get_fields, hvn_st_set_fields,
				hvn_st_ring_count),
};

static void hvn_st_remove(struct hv_device *dev)
{
}

HVN_DEFINE_HV_REMOVE(hvn_st_remove)

static struct hv_driver hvn_st_driver __used = {
	HVN_HV_REMOVE(hvn_st_remove),
};

static void hvn_st_qrx(struct net_device *dev, int i,
		       struct netdev_queue_stats_rx *s)
{
}

static const struct netdev_stat_ops hvn_st_stat_ops = {
	.get_queue_stats_rx = hvn_st_qrx,
};

struct hvn_st_timer {
	struct timer_list timer;
};

static void hvn_st_timer_fn(struct timer_list *t)
{
	struct hvn_st_timer *st = timer_container_of(st, t, timer);

	(void)st;
}

static int hvn_st_poll(struct napi_struct *napi, int budget)
{
	return 0;
}

static unsigned long hvn_st_event(unsigned long event)
{
	return event;
}

void hvn_compat_selftest(struct net_device *dev, struct napi_struct *napi,
			 struct sk_buff *skb, struct vmbus_channel *chan,
			 struct xdp_buff *xdp, struct xdp_frame *xdpf,
			 struct page_pool *pool, struct page *page);
void hvn_compat_selftest(struct net_device *dev, struct napi_struct *napi,
			 struct sk_buff *skb, struct vmbus_channel *chan,
			 struct xdp_buff *xdp, struct xdp_frame *xdpf,
			 struct page_pool *pool, struct page *page)
{
	static const u8 addr[ETH_ALEN] = { 0x02 };
	struct netdev_bpf bpf = { .command = XDP_SETUP_PROG };
	struct xdp_rxq_info rxq;
	struct vmbus_gpadl gpadl;
	struct hvn_st_timer st;
	netdevice_tracker tracker;
	u8 strings[2 * ETH_GSTRING_LEN];
	u8 *p = strings;
	u64 id;

	timer_setup(&st.timer, hvn_st_timer_fn, 0);
	mod_timer(&st.timer, jiffies + secs_to_jiffies(2));
	timer_delete(&st.timer);
	timer_delete_sync(&st.timer);

	netif_napi_add(dev, napi, hvn_st_poll);
	netif_napi_add_weight(dev, napi, hvn_st_poll, 64);
	netif_set_tso_max_size(dev, 62780);
	netif_set_tso_max_segs(dev, 64);
	(void)netif_set_real_num_queues(dev, 1, 1);
	netif_queue_set_napi(dev, 0, NETDEV_QUEUE_TYPE_RX, napi);
	eth_hw_addr_set(dev, addr);
	dev_addr_set(dev, addr);
	dev_core_stats_rx_dropped_inc(dev);
	netdev_hold(dev, &tracker, GFP_KERNEL);
	netdev_put(dev, &tracker);
	netdev_lock_ops(dev);
	netdev_unlock_ops(dev);
	dev->priv_flags |= IFF_NO_ADDRCONF;
	(void)hvn_st_event(NETDEV_POST_INIT);
	netdev_set_stat_ops(dev, &hvn_st_stat_ops);

	skb_frag_fill_page_desc(&skb_shinfo(skb)->frags[0], page, 0, 64);
	(void)napi_build_skb(NULL, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);

	xdp_set_features_flag(dev, NETDEV_XDP_ACT_BASIC | NETDEV_XDP_ACT_REDIRECT);
	xdp_set_features_flag_locked(dev, NETDEV_XDP_ACT_BASIC);
	xdp_init_buff(xdp, PAGE_SIZE, &rxq);
	xdp_prepare_buff(xdp, page_address(page), 256, 64, false);
	(void)xdp_rxq_info_reg(&rxq, dev, 0, napi->napi_id);
	(void)xdp_buff_has_frags(xdp);
	(void)xdp_convert_buff_to_frame(xdp);
	(void)xdp_get_frame_len(xdpf);
	xdp_do_flush();
	bpf_warn_invalid_xdp_action(dev, NULL, 7);
	(void)netif_xdp_propagate(dev, &bpf);
	page_pool_put_full_page(pool, page, false);
	(void)xdp_buff_add_frag(xdp, page_to_netmem(page), 0, 64, PAGE_SIZE);
	(void)xdp_get_buff_len(xdp);
	(void)xdp_frame_has_frags(xdpf);
	xdp_update_skb_frags_info(skb, 1, 64, PAGE_SIZE,
				  xdp_buff_get_skb_flags(xdp));
	hvn_skb_mark_for_recycle(skb, pool);
	(void)hvn_xdp_prog_frags(NULL);

	ethtool_sprintf(&p, "tx_queue_%u_packets", 0U);
	ethtool_puts(&p, "rx_packets");

	(void)hv_is_isolation_supported();
	(void)vmbus_establish_gpadl(chan, NULL, PAGE_SIZE, &gpadl);
	(void)vmbus_teardown_gpadl(chan, &gpadl);
	(void)vmbus_sendpacket_getid(chan, NULL, 0, 1, &id, VM_PKT_DATA_INBAND,
				     VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED);
	hvn_chan_set_max_pkt_size(chan, 4096);
	(void)vmbus_sendpacket_mpb_desc(chan, NULL, 0, NULL, 0, 1);
	kfree(kzalloc_obj(id, GFP_KERNEL));
	kvfree(kvzalloc_obj(id, GFP_KERNEL));
}
