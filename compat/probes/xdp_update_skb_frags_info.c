// SPDX-License-Identifier: GPL-2.0
/* Probe: xdp_update_skb_frags_info() (was xdp_update_skb_shared_info()). */
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct xdp_buff x = {};

	xdp_update_skb_frags_info(s, 0, 0, 0, xdp_buff_get_skb_flags(&x));
}
