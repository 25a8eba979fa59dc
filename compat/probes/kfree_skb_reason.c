// SPDX-License-Identifier: GPL-2.0
/* Probe: kfree_skb_reason() with drop reasons. */
#include <linux/skbuff.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	kfree_skb_reason(s, SKB_DROP_REASON_NOT_SPECIFIED);
}
