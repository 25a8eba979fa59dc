// SPDX-License-Identifier: GPL-2.0
/* Probe: dev_core_stats_rx_dropped_inc(): core drop counters. */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	dev_core_stats_rx_dropped_inc(d);
}
