// SPDX-License-Identifier: GPL-2.0
/* Probe: net/netdev_lock.h: per-device instance lock around ndo and ethtool ops. */
#include <linux/netdevice.h>
#include <net/netdev_lock.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	netdev_lock_ops(d);
	netdev_unlock_ops(d);
}
