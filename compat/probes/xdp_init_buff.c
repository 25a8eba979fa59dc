// SPDX-License-Identifier: GPL-2.0
/* Probe: xdp_init_buff()/xdp_prepare_buff(). */
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct xdp_buff x;

	xdp_init_buff(&x, 4096, NULL);
	xdp_prepare_buff(&x, NULL, 256, 0, false);
}
