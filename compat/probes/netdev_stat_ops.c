// SPDX-License-Identifier: GPL-2.0
/* Probe: struct netdev_stat_ops: per-queue statistics through netlink. */
#include <linux/netdevice.h>
#include <net/netdev_queues.h>

static void rx(struct net_device *d, int i, struct netdev_queue_stats_rx *s) { }
static const struct netdev_stat_ops ops = { .get_queue_stats_rx = rx };

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	d->stat_ops = &ops;
}
