// SPDX-License-Identifier: GPL-2.0
/* Probe: page_to_netmem() / netmem_to_page(). */
#include <net/netmem.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct page *pg = NULL;
	netmem_ref m = page_to_netmem(pg);

	(void)netmem_to_page(m);
}
