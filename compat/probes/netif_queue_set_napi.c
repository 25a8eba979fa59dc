// SPDX-License-Identifier: GPL-2.0
/* Probe: netif_queue_set_napi(): queue to NAPI mapping for netlink. */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	netif_queue_set_napi(d, 0, NETDEV_QUEUE_TYPE_RX, n);
}
