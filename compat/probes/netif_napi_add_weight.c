// SPDX-License-Identifier: GPL-2.0
/* Probe: netif_napi_add_weight(); netif_napi_add() lost its weight argument. */
#include <linux/netdevice.h>

static int poll(struct napi_struct *n, int b) { return 0; }

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	netif_napi_add_weight(d, n, poll, 64);
}
