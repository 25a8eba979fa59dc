/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SR-IOV VF failover: the synthetic interface enslaves the VF the host
 * assigns to it and moves the data path onto it while it runs.
 */
#ifndef HVN_VF_H
#define HVN_VF_H

#include <linux/netdevice.h>
#include <linux/netpoll.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

struct hvn_priv;

/**
 * struct hvn_vf_pcpu - per-CPU counters of traffic through the VF
 * @syncp: 64-bit consistency
 * @rx_packets: frames the VF received and the handler passed up as ours
 * @rx_bytes: their bytes
 * @tx_packets: frames sent through the VF
 * @tx_bytes: their bytes
 * @tx_dropped: frames the VF refused
 */
struct hvn_vf_pcpu {
	struct u64_stats_sync syncp;
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t tx_dropped;
};

/**
 * struct hvn_vf - VF state of one synthetic interface
 * @node: in the list of synthetic interfaces (RTNL)
 * @listed: @node is in the list
 * @dev: the enslaved VF (RCU for the data path, changed under RTNL)
 * @tracker: reference on @dev
 * @dp_vf: the host delivers through the VF and transmit uses it
 * @taken_over: the takeover work configured @dev
 * @rx_flags: IFF_PROMISC/IFF_ALLMULTI counts this driver holds on @dev
 * @assoc: the host's VF association of the current NVSP session
 *	(HVN_VF_ASSOC_*, serial in the low 32 bits)
 * @waiting: HVN_VF_WAIT_*: a running VF waits for the association
 * @wait_until: until when (jiffies)
 * @takeover: configures and opens a freshly joined VF
 * @work: association changes, VF search and namespace moves, data path
 * @stats: per-CPU counters
 */
struct hvn_vf {
	struct list_head node;
	bool listed;
	struct net_device __rcu *dev;
	netdevice_tracker tracker;
	bool dp_vf;
	bool dp_unsure;		/* new session: the host's path is not known */
	bool taken_over;
	unsigned int rx_flags;
	atomic64_t assoc;
	u8 waiting;
	unsigned long wait_until;
	struct delayed_work takeover;
	struct delayed_work work;
	struct hvn_vf_pcpu __percpu *stats;
};

/* ethtool -S: the totals, then four counters per present CPU */
#define HVN_VF_STATS		5
#define HVN_VF_PCPU_STATS	4

int hvn_vf_register_notifier(void);
void hvn_vf_unregister_notifier(void);

int hvn_vf_init(struct hvn_priv *p);
void hvn_vf_fini(struct hvn_priv *p);

void hvn_vf_assoc_event(struct hvn_priv *p, bool allocated, u32 serial);
void hvn_vf_dp_synthetic_event(struct hvn_priv *p);
void hvn_vf_detached(struct hvn_priv *p);
void hvn_vf_attached(struct hvn_priv *p);

struct net_device *hvn_vf_tx_dev(struct hvn_priv *p);
netdev_tx_t hvn_vf_xmit(struct hvn_priv *p, struct net_device *vf,
			struct sk_buff *skb);
void hvn_vf_select_queue(struct hvn_priv *p, struct sk_buff *skb,
			 struct net_device *sb_dev);
struct net_device *hvn_vf_xdp_dev(struct hvn_priv *p);

int hvn_vf_open(struct hvn_priv *p);
void hvn_vf_stop(struct hvn_priv *p);
int hvn_vf_change_mtu(struct hvn_priv *p, int mtu);
void hvn_vf_set_features(struct hvn_priv *p, netdev_features_t features);
void hvn_vf_set_rx_mode(struct hvn_priv *p);
void hvn_vf_change_rx_flags(struct hvn_priv *p, int change);
int hvn_vf_set_xdp(struct hvn_priv *p, struct bpf_prog *prog,
		   struct netlink_ext_ack *extack);

u32 hvn_vf_stats_count(bool pcpu);
void hvn_vf_stats_strings(u8 **data, bool pcpu);
void hvn_vf_stats_fill(struct hvn_priv *p, u64 **data, bool pcpu);
void hvn_vf_totals(struct hvn_priv *p, u64 *rxp, u64 *rxb, u64 *txp,
		   u64 *txb);

#endif /* HVN_VF_H */
