/* SPDX-License-Identifier: GPL-2.0 */
/*
 * net_device layer: the interface the stack sees, on top of the RNDIS
 * layer.  Shared by netdev.c, ethtool.c and main.c.
 */
#ifndef HVN_NETDEV_H
#define HVN_NETDEV_H

#include <linux/netdevice.h>
#include <linux/bpf.h>
#include <net/xdp.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include "rndis.h"
#include "vf.h"

#define HVN_DRV_NAME		"hv_netvsc"

/* rx-flow-hash: L4 (ports) hashing per flow type, as ethtool -N sets it */
#define HVN_L4HASH_TCP4		BIT(0)
#define HVN_L4HASH_TCP6		BIT(1)
#define HVN_L4HASH_UDP4		BIT(2)
#define HVN_L4HASH_UDP6		BIT(3)
#define HVN_L4HASH_ALL		0xf

/* Outbound ring: stop below, wake above (percent free) */
#define HVN_RING_LOWATER	10
#define HVN_RING_HIWATER	20

/**
 * struct hvn_qstats - packet and byte counters of one direction of a queue
 * @syncp: 64-bit consistency
 * @packets: packets
 * @bytes: bytes
 */
struct hvn_qstats {
	struct u64_stats_sync syncp;
	u64_stats_t packets;
	u64_stats_t bytes;
};

struct hvn_priv;

/**
 * struct hvn_queue - one queue pair (one channel)
 * @napi: receive and completion polling
 * @priv: owner
 * @r: RNDIS device while the channel is open
 * @q: index
 * @napi_on: @napi added and enabled
 * @rx: receive counters
 * @tx: transmit counters
 * @rsc_pkts: frames the host coalesced from several segments (RSC)
 * @rsc_frags: RNDIS fragments they arrived in
 * @csum_ok: frames passed up as checksum-verified by the host
 * @csum_bad: frames the host found a bad checksum in
 * @csum_none: frames passed up without a verdict (none, or rx off)
 * @xdp_rxq: XDP receive queue info (registered while the channel is open)
 * @xdp_rxq_on: @xdp_rxq registered
 * @pool: page pool the frames the program sees are copied into
 * @xdp_redirected: frames redirected in this poll (flush at its end)
 * @xdp_drop: frames the program dropped (or aborted on)
 * @xdp_redirect: frames the program redirected
 * @xdp_tx: frames the program sent back out
 * @xdp_xmit: frames other devices redirected into this queue (under the
 *	TX queue lock)
 *
 * The other u64 counters are written by this queue's NAPI poll only.
 */
struct hvn_queue {
	struct napi_struct napi;
	struct hvn_priv *priv;
	struct hvn_rndis_dev *r;
	u16 q;
	bool napi_on;
	struct hvn_qstats rx;
	struct hvn_qstats tx;
	u64 rsc_pkts;
	u64 rsc_frags;
	u64 csum_ok;
	u64 csum_bad;
	u64 csum_none;
	struct xdp_rxq_info xdp_rxq;
	bool xdp_rxq_on;
	struct page_pool *pool;
	u32 xdp_redirected;
	u64 xdp_drop;
	u64 xdp_redirect;
	u64 xdp_tx;
	u64 xdp_xmit;
};

/**
 * struct hvn_settings - what the user chose; survives device rebuilds
 * @channels: channels wanted (0: default)
 * @rx_sections: receive sections
 * @tx_sections: send sections
 * @ring_pages: ring size
 * @rss_key: Toeplitz key
 * @itab: receive indirection table set by the user
 * @itab_len: its entries (0: default spread)
 * @l4hash: HVN_L4HASH_* bits
 */
struct hvn_settings {
	u32 channels;
	u32 rx_sections;
	u32 tx_sections;
	u32 ring_pages;
	u8 rss_key[HVN_RSS_KEY_SIZE];
	u32 itab[HVN_RSS_ITAB_MAX];
	u32 itab_len;
	u32 l4hash;
};

/* Device-wide counters (ethtool -S names of the in-tree driver) */
enum hvn_dev_stat {
	HVN_ST_TX_SCATTERED,
	HVN_ST_TX_NO_MEMORY,
	HVN_ST_TX_NO_SPACE,
	HVN_ST_TX_TOO_BIG,
	HVN_ST_TX_BUSY,
	HVN_ST_TX_SEND_FULL,
	HVN_ST_RX_COMP_BUSY,
	HVN_ST_RX_NO_MEMORY,
	HVN_ST_STOP_QUEUE,
	HVN_ST_WAKE_QUEUE,
	HVN_ST_VLAN_ERROR,
	/* beyond the in-tree driver's set */
	HVN_ST_TX_SEND_SECTION,
	HVN_ST_TX_PAGE_BUFFER,
	HVN_ST_RX_RSC_PACKETS,
	HVN_ST_RX_RSC_FRAGS,
	HVN_ST_RX_CSUM_OK,
	HVN_ST_RX_CSUM_BAD,
	HVN_ST_RX_CSUM_NONE,
	HVN_ST_NR
};

/**
 * struct hvn_priv - net_device private data
 * @ndev: the interface
 * @hdev: the VMBus device
 * @rdev: the RNDIS device while attached (RCU for the data path; changed
 *	under RTNL and @cfg_lock)
 * @cfg_lock: attach/detach against the workers
 * @set: user settings
 * @q: queues
 * @rx_mode_work: sets the packet filter (may sleep)
 * @link_work: applies host link indications
 * @link_events: pending link events (HVN_LINK_EV_*)
 * @stats: device-wide counters
 * @viol_base: violations of earlier device instances (rebuilds)
 * @xdp_prog: XDP program (one reference; RCU for the data path, set under
 *	RTNL); kept across device rebuilds
 * @vf: SR-IOV VF failover state (vf.c)
 */
struct hvn_priv {
	struct net_device *ndev;
	struct hv_device *hdev;
	struct hvn_rndis_dev __rcu *rdev;
	struct mutex cfg_lock;	/* attach/detach against the workers */
	struct hvn_settings set;
	struct hvn_queue q[HVN_MAX_CHANNELS];
	struct work_struct rx_mode_work;
	struct delayed_work link_work;
	unsigned long link_events;
	atomic64_t stats[HVN_ST_NR];
	struct hvn_violations viol_base;
	struct bpf_prog __rcu *xdp_prog;
	struct hvn_vf vf;
};

#define HVN_LINK_EV_CHANGE	0	/* connect/disconnect */
#define HVN_LINK_EV_NETCHANGE	1	/* network change: bounce the carrier */
#define HVN_LINK_EV_RESTORE	2	/* end of a bounce */

static inline struct hvn_rndis_dev *hvn_rdev(struct hvn_priv *p)
{
	return rcu_dereference_protected(p->rdev, lockdep_is_held(&p->cfg_lock) ||
					 lockdep_rtnl_is_held());
}

static inline void hvn_stat_inc(struct hvn_priv *p, enum hvn_dev_stat which)
{
	atomic64_inc(&p->stats[which]);
}

extern const struct ethtool_ops hvn_ethtool_ops;

/* xdp.c */
int hvn_xdp_bpf(struct net_device *ndev, struct netdev_bpf *bpf);
int hvn_xdp_xmit(struct net_device *ndev, int n, struct xdp_frame **frames,
		 u32 flags);
u32 hvn_xdp_max_mtu(void);
bool hvn_xdp_single_buf(struct hvn_priv *p);
int hvn_xdp_rxq_reg(struct hvn_queue *hq);
void hvn_xdp_rxq_unreg(struct hvn_queue *hq);
struct sk_buff *hvn_xdp_rx(struct hvn_queue *hq, struct bpf_prog *prog,
			   const struct hvn_rsc *rsc);
void hvn_xdp_poll_end(struct hvn_queue *hq);
void hvn_xdp_teardown(struct hvn_priv *p);

bool hvn_is_ours(const struct net_device *dev);
void hvn_netdev_setup(struct net_device *ndev, struct hv_device *hdev);
int hvn_attach(struct hvn_priv *p);
void hvn_detach(struct hvn_priv *p);
int hvn_reattach(struct hvn_priv *p);
void hvn_netdev_teardown(struct hvn_priv *p);
void hvn_get_viol(struct hvn_priv *p, struct hvn_violations *sum);
u64 hvn_dev_stat(struct hvn_priv *p, enum hvn_dev_stat which);
void hvn_qstats_read(struct hvn_qstats *s, u64 *packets, u64 *bytes);

#endif /* HVN_NETDEV_H */
