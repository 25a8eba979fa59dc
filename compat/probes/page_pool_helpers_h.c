// SPDX-License-Identifier: GPL-2.0
/* Probe: net/page_pool/helpers.h (page_pool.h split). */
#include <net/page_pool/helpers.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	(void)page_pool_dev_alloc_pages(NULL);
}
