// SPDX-License-Identifier: GPL-2.0
/* Probe: netdev_hold()/netdev_put() with a reference tracker. */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	netdevice_tracker t;

	netdev_hold(d, &t, GFP_KERNEL);
	netdev_put(d, &t);
}
