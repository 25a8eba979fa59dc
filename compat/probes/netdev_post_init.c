// SPDX-License-Identifier: GPL-2.0
/* Probe: NETDEV_POST_INIT notifier event (before a device registers). */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	unsigned long event = NETDEV_POST_INIT;

	(void)event;
}
