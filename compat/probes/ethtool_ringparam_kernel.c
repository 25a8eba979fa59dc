// SPDX-License-Identifier: GPL-2.0
/* Probe: get/set_ringparam take struct kernel_ethtool_ringparam and extack. */
#include <linux/ethtool.h>
#include <linux/netdevice.h>

static void get(struct net_device *d, struct ethtool_ringparam *r,
		struct kernel_ethtool_ringparam *k, struct netlink_ext_ack *e)
{
}

static const struct ethtool_ops ops = { .get_ringparam = get };

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	d->ethtool_ops = &ops;
}
