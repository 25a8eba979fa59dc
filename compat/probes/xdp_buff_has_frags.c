// SPDX-License-Identifier: GPL-2.0
/* Probe: multi-buffer XDP: xdp_buff_has_frags(). */
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct xdp_buff x = {};

	(void)xdp_buff_has_frags(&x);
}
