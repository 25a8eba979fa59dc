// SPDX-License-Identifier: GPL-2.0
/* Probe: ethtool get_rx_ring_count op (replaces ETHTOOL_GRXRINGS). */
#include <linux/ethtool.h>
#include <linux/netdevice.h>

static u32 cnt(struct net_device *d) { return 1; }
static const struct ethtool_ops ops = { .get_rx_ring_count = cnt };

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	d->ethtool_ops = &ops;
}
