// SPDX-License-Identifier: GPL-2.0
/* Probe: vmbus_channel.max_pkt_size. */
#include <linux/hyperv.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	c->max_pkt_size = 4096;
}
