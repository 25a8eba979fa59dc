// SPDX-License-Identifier: GPL-2.0
/* Probe: kzalloc_obj() and kvzalloc_obj() (typed allocation helpers). */
#include <linux/slab.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	u64 *a = kzalloc_obj(*a, GFP_KERNEL);
	u64 *b = kvzalloc_obj(*b, GFP_KERNEL);

	kfree(a);
	kvfree(b);
}
