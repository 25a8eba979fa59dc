// SPDX-License-Identifier: GPL-2.0
/* Probe: get/set_rxfh_fields: flow-hash fields split out of rxnfc. */
#include <linux/ethtool.h>
#include <linux/netdevice.h>

static int get(struct net_device *d, struct ethtool_rxfh_fields *f) { return 0; }
static const struct ethtool_ops ops = { .get_rxfh_fields = get };

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	d->ethtool_ops = &ops;
}
