// SPDX-License-Identifier: GPL-2.0
/*
 * ethtool: driver info, link, statistics (with the protocol violation
 * counters), channels, ring sizes (buffer sections), RSS key and table,
 * and the rx-flow-hash fields used for transmit queue selection.
 *
 * Handlers use the newest prototypes; compat/compat.h adapts them where
 * the kernel's ethtool_ops differ.  RTNL is held by the ethtool core.
 */
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include "compat.h"
#include "netdev.h"

static const char * const hvn_dev_stat_names[HVN_ST_NR] = {
	[HVN_ST_TX_SCATTERED]	= "tx_scattered",
	[HVN_ST_TX_NO_MEMORY]	= "tx_no_memory",
	[HVN_ST_TX_NO_SPACE]	= "tx_no_space",
	[HVN_ST_TX_TOO_BIG]	= "tx_too_big",
	[HVN_ST_TX_BUSY]	= "tx_busy",
	[HVN_ST_TX_SEND_FULL]	= "tx_send_full",
	[HVN_ST_RX_COMP_BUSY]	= "rx_comp_busy",
	[HVN_ST_RX_NO_MEMORY]	= "rx_no_memory",
	[HVN_ST_STOP_QUEUE]	= "stop_queue",
	[HVN_ST_WAKE_QUEUE]	= "wake_queue",
	[HVN_ST_VLAN_ERROR]	= "vlan_error",
	[HVN_ST_TX_SEND_SECTION] = "tx_send_section",
	[HVN_ST_TX_PAGE_BUFFER]	= "tx_page_buffer",
	[HVN_ST_RX_RSC_PACKETS]	= "rx_rsc_packets",
	[HVN_ST_RX_RSC_FRAGS]	= "rx_rsc_frags",
	[HVN_ST_RX_CSUM_OK]	= "rx_csum_ok",
	[HVN_ST_RX_CSUM_BAD]	= "rx_csum_bad",
	[HVN_ST_RX_CSUM_NONE]	= "rx_csum_none",
};

/* tx packets, bytes, xdp_xmit; rx packets, bytes, xdp_drop, _redirect, _tx */
#define HVN_QUEUE_STATS		8
#define HVN_VIOL_STATS		(HVN_V_NR + 1)	/* each check, and the total */

static struct hvn_rndis_dev *hvn_et_rdev(struct net_device *ndev)
{
	struct hvn_priv *p = netdev_priv(ndev);

	return rtnl_dereference(p->rdev);
}

static void hvn_get_drvinfo(struct net_device *ndev,
			    struct ethtool_drvinfo *info)
{
	strscpy(info->driver, HVN_DRV_NAME, sizeof(info->driver));
	strscpy(info->version, HVN_VERSION, sizeof(info->version));
	strscpy(info->fw_version, "N/A", sizeof(info->fw_version));
	strscpy(info->bus_info, "VMBUS", sizeof(info->bus_info));
}

static int hvn_get_link_ksettings(struct net_device *ndev,
				  struct ethtool_link_ksettings *cmd)
{
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);

	cmd->base.speed = r && r->link_mbps ? r->link_mbps : SPEED_UNKNOWN;
	cmd->base.duplex = DUPLEX_FULL;
	cmd->base.port = PORT_OTHER;
	return 0;
}

static int hvn_get_sset_count(struct net_device *ndev, int sset)
{
	if (sset != ETH_SS_STATS)
		return -EINVAL;
	return HVN_ST_NR + hvn_vf_stats_count(false) + HVN_VIOL_STATS +
	       ndev->real_num_tx_queues * HVN_QUEUE_STATS +
	       hvn_vf_stats_count(true);
}

static void hvn_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	u32 i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < HVN_ST_NR; i++)
		ethtool_puts(&data, hvn_dev_stat_names[i]);
	hvn_vf_stats_strings(&data, false);
	for (i = 0; i < ndev->real_num_tx_queues; i++) {
		ethtool_sprintf(&data, "tx_queue_%u_packets", i);
		ethtool_sprintf(&data, "tx_queue_%u_bytes", i);
		ethtool_sprintf(&data, "tx_queue_%u_xdp_xmit", i);
		ethtool_sprintf(&data, "rx_queue_%u_packets", i);
		ethtool_sprintf(&data, "rx_queue_%u_bytes", i);
		ethtool_sprintf(&data, "rx_queue_%u_xdp_drop", i);
		ethtool_sprintf(&data, "rx_queue_%u_xdp_redirect", i);
		ethtool_sprintf(&data, "rx_queue_%u_xdp_tx", i);
	}
	ethtool_puts(&data, "host_violations");
	for (i = 0; i < HVN_V_NR; i++)
		ethtool_sprintf(&data, "host_violation_%s", hvn_viol_name(i));
	hvn_vf_stats_strings(&data, true);
}

static void hvn_get_ethtool_stats(struct net_device *ndev,
				  struct ethtool_stats *stats, u64 *data)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_violations v;
	u32 i;

	for (i = 0; i < HVN_ST_NR; i++)
		*data++ = hvn_dev_stat(p, i);
	hvn_vf_stats_fill(p, &data, false);
	for (i = 0; i < ndev->real_num_tx_queues; i++) {
		struct hvn_queue *hq = &p->q[i];

		hvn_qstats_read(&hq->tx, &data[0], &data[1]);
		data[2] = READ_ONCE(hq->xdp_xmit);
		hvn_qstats_read(&hq->rx, &data[3], &data[4]);
		data[5] = READ_ONCE(hq->xdp_drop);
		data[6] = READ_ONCE(hq->xdp_redirect);
		data[7] = READ_ONCE(hq->xdp_tx);
		data += HVN_QUEUE_STATS;
	}
	hvn_get_viol(p, &v);
	*data++ = v.total;
	for (i = 0; i < HVN_V_NR; i++)
		*data++ = v.cnt[i];
	hvn_vf_stats_fill(p, &data, true);
}

/* ethtool -d: the host's send indirection table, as the in-tree driver */
#define HVN_REGS_VERSION	1

static int hvn_get_regs_len(struct net_device *ndev)
{
	return HVN_NVSP_SEND_TABLE_SIZE * sizeof(u32);
}

static void hvn_get_regs(struct net_device *ndev, struct ethtool_regs *regs,
			 void *p)
{
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);

	regs->version = HVN_REGS_VERSION;
	memset(p, 0, HVN_NVSP_SEND_TABLE_SIZE * sizeof(u32));
	if (r)
		hvn_nvsp_get_send_table(&r->nvsp, p);
}

static u32 hvn_max_channels(struct hvn_rndis_dev *r)
{
	if (!r || !r->has_rss || r->nvsp.ver < HVN_NVSP_VERSION_5)
		return 1;
	return min_t(u32, r->rss.num_queues, HVN_MAX_CHANNELS);
}

static void hvn_get_channels(struct net_device *ndev,
			     struct ethtool_channels *ch)
{
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);

	ch->max_combined = hvn_max_channels(r);
	ch->combined_count = r ? r->num_chn : 0;
}

static int hvn_set_channels(struct net_device *ndev,
			    struct ethtool_channels *ch)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);
	u32 old = p->set.channels;
	int ret;

	if (!r)
		return -ENODEV;
	if (ch->rx_count || ch->tx_count || ch->other_count ||
	    !ch->combined_count || ch->combined_count > hvn_max_channels(r))
		return -EINVAL;
	if (ch->combined_count == r->num_chn)
		return 0;
	/* a table the user set stays (the core checked it fits) */
	p->set.channels = ch->combined_count;
	ret = hvn_reattach(p);
	if (ret) {
		p->set.channels = old;
		if (hvn_attach(p))
			netdev_err(ndev, "device lost\n");
	}
	return ret;
}

static u32 hvn_max_rx_sections(struct hvn_rndis_dev *r)
{
	u32 ver = r ? r->nvsp.ver : HVN_NVSP_VERSION_61;

	return hvn_nvsp_max_recv_buf(ver) / HVN_RECV_SECTION_HINT;
}

static void hvn_get_ringparam(struct net_device *ndev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	struct hvn_priv *p = netdev_priv(ndev);

	ring->rx_max_pending = hvn_max_rx_sections(hvn_et_rdev(ndev));
	ring->tx_max_pending = HVN_NVSP_SEND_BUF_MAX / HVN_SEND_SECTION_HINT;
	ring->rx_pending = p->set.rx_sections;
	ring->tx_pending = p->set.tx_sections;
}

static int hvn_set_ringparam(struct net_device *ndev,
			     struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring,
			     struct netlink_ext_ack *extack)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u32 orx = p->set.rx_sections, otx = p->set.tx_sections;
	int ret;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending) {
		NL_SET_ERR_MSG_MOD(extack, "only rx and tx sections can be set");
		return -EINVAL;
	}
	if (ring->rx_pending < HVN_MIN_SECTIONS ||
	    ring->tx_pending < HVN_MIN_SECTIONS) {
		NL_SET_ERR_MSG_MOD(extack, "too few rx or tx sections");
		return -EINVAL;
	}
	if (ring->rx_pending > hvn_max_rx_sections(hvn_et_rdev(ndev)) ||
	    ring->tx_pending > HVN_NVSP_SEND_BUF_MAX / HVN_SEND_SECTION_HINT) {
		NL_SET_ERR_MSG_MOD(extack, "more sections than the host's buffer limit");
		return -EINVAL;
	}
	if (ring->rx_pending == orx && ring->tx_pending == otx)
		return 0;
	p->set.rx_sections = ring->rx_pending;
	p->set.tx_sections = ring->tx_pending;
	ret = hvn_reattach(p);
	if (ret) {
		p->set.rx_sections = orx;
		p->set.tx_sections = otx;
		if (hvn_attach(p))
			netdev_err(ndev, "device lost\n");
	}
	return ret;
}

static u32 hvn_get_rxfh_key_size(struct net_device *ndev)
{
	return HVN_RSS_KEY_SIZE;
}

static u32 hvn_get_rxfh_indir_size(struct net_device *ndev)
{
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);

	return r && r->num_chn > 1 ? r->itab_len : 0;
}

static int hvn_get_rxfh(struct net_device *ndev, struct ethtool_rxfh_param *rxfh)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);

	rxfh->hfunc = ETH_RSS_HASH_TOP;
	if (rxfh->key)
		memcpy(rxfh->key, p->set.rss_key, HVN_RSS_KEY_SIZE);
	if (rxfh->indir) {
		if (!r || r->num_chn <= 1)
			return -EOPNOTSUPP;
		memcpy(rxfh->indir, r->itab, r->itab_len * sizeof(u32));
	}
	return 0;
}

static int hvn_set_rxfh(struct net_device *ndev, struct ethtool_rxfh_param *rxfh,
			struct netlink_ext_ack *extack)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);
	u8 key[HVN_RSS_KEY_SIZE];
	const u32 *itab;
	int ret;

	if (rxfh->hfunc != ETH_RSS_HASH_NO_CHANGE &&
	    rxfh->hfunc != ETH_RSS_HASH_TOP)
		return -EOPNOTSUPP;
	if (!r || r->num_chn <= 1)
		return -EOPNOTSUPP;
	itab = rxfh->indir ? rxfh->indir : r->itab;
	if (hvn_indir_check(itab, r->itab_len, r->num_chn))
		return -EINVAL;
	memcpy(key, rxfh->key ? rxfh->key : p->set.rss_key, sizeof(key));
	ret = hvn_rndis_set_rss(r, key, itab, r->itab_len);
	if (ret)
		return ret;
	memcpy(p->set.rss_key, key, sizeof(key));
	if (rxfh->indir) {
		memcpy(p->set.itab, r->itab, r->itab_len * sizeof(u32));
		p->set.itab_len = r->itab_len;
	}
	return 0;
}

static u32 hvn_flow_bit(u32 flow_type)
{
	switch (flow_type) {
	case TCP_V4_FLOW:
		return HVN_L4HASH_TCP4;
	case TCP_V6_FLOW:
		return HVN_L4HASH_TCP6;
	case UDP_V4_FLOW:
		return HVN_L4HASH_UDP4;
	case UDP_V6_FLOW:
		return HVN_L4HASH_UDP6;
	default:
		return 0;
	}
}

static int hvn_get_rxfh_fields(struct net_device *ndev,
			       struct ethtool_rxfh_fields *f)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u32 bit = hvn_flow_bit(f->flow_type);

	f->data = RXH_IP_SRC | RXH_IP_DST;
	if (bit) {
		if (READ_ONCE(p->set.l4hash) & bit)
			f->data |= RXH_L4_B_0_1 | RXH_L4_B_2_3;
		return 0;
	}
	if (f->flow_type == IPV4_FLOW || f->flow_type == IPV6_FLOW)
		return 0;
	f->data = 0;
	return -EOPNOTSUPP;
}

static int hvn_set_rxfh_fields(struct net_device *ndev,
			       const struct ethtool_rxfh_fields *f,
			       struct netlink_ext_ack *extack)
{
	struct hvn_priv *p = netdev_priv(ndev);
	u32 bit = hvn_flow_bit(f->flow_type);
	const u64 l3 = RXH_IP_SRC | RXH_IP_DST;
	const u64 l4 = l3 | RXH_L4_B_0_1 | RXH_L4_B_2_3;

	if (!bit) {
		NL_SET_ERR_MSG_MOD(extack, "hash level is set for tcp4, tcp6, udp4 and udp6 only");
		return -EOPNOTSUPP;
	}
	if (f->data == l4) {
		WRITE_ONCE(p->set.l4hash, p->set.l4hash | bit);
	} else if (f->data == l3) {
		WRITE_ONCE(p->set.l4hash, p->set.l4hash & ~bit);
	} else {
		/* the ioctl path has no extack: say it in the log too */
		NL_SET_ERR_MSG_MOD(extack, "only sd (L3) and sdfn (L4) are supported");
		netdev_info(ndev, "rx-flow-hash: only sd (L3) and sdfn (L4) are supported\n");
		return -EINVAL;
	}
	return 0;
}

static u32 hvn_get_rx_ring_count(struct net_device *ndev)
{
	struct hvn_rndis_dev *r = hvn_et_rdev(ndev);

	return r ? r->num_chn : 1;
}

HVN_DEFINE_ETHTOOL_RINGPARAM(hvn_get_ringparam, hvn_set_ringparam)
HVN_DEFINE_ETHTOOL_RXFH(hvn_get_rxfh, hvn_set_rxfh)
HVN_DEFINE_ETHTOOL_RXFH_FIELDS(hvn_get_rxfh_fields, hvn_set_rxfh_fields,
			       hvn_get_rx_ring_count)

const struct ethtool_ops hvn_ethtool_ops = {
	.get_drvinfo = hvn_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_link_ksettings = hvn_get_link_ksettings,
	.get_regs_len = hvn_get_regs_len,
	.get_regs = hvn_get_regs,
	.get_sset_count = hvn_get_sset_count,
	.get_strings = hvn_get_strings,
	.get_ethtool_stats = hvn_get_ethtool_stats,
	.get_channels = hvn_get_channels,
	.set_channels = hvn_set_channels,
	.get_rxfh_key_size = hvn_get_rxfh_key_size,
	.get_rxfh_indir_size = hvn_get_rxfh_indir_size,
	HVN_ETHTOOL_RINGPARAM(hvn_get_ringparam, hvn_set_ringparam),
	HVN_ETHTOOL_RXFH(hvn_get_rxfh, hvn_set_rxfh),
	HVN_ETHTOOL_RXFH_FIELDS(hvn_get_rxfh_fields, hvn_set_rxfh_fields,
				hvn_get_rx_ring_count),
};
