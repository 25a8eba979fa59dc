// SPDX-License-Identifier: GPL-2.0
/* Probe: xdp_buff_add_frag() on a netmem. */
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct xdp_buff x = {};
	struct page *pg = NULL;

	(void)xdp_buff_add_frag(&x, page_to_netmem(pg), 0, 0, PAGE_SIZE);
}
