// SPDX-License-Identifier: GPL-2.0
/* Probe: xdp_rxq_info_reg() takes a NAPI id. */
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct xdp_rxq_info r;

	(void)xdp_rxq_info_reg(&r, d, 0, 0);
}
