// SPDX-License-Identifier: GPL-2.0
/* Probe: skb_shared_info.xdp_frags_truesize. */
#include <linux/skbuff.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	skb_shinfo(s)->xdp_frags_truesize = 0;
}
