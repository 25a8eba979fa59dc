// SPDX-License-Identifier: GPL-2.0
/* Probe: page_pool_put_full_page(). */

#if __has_include("net/page_pool/helpers.h")
#include <net/page_pool/helpers.h>
#else
#include <net/page_pool.h>
#endif

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	page_pool_put_full_page(NULL, NULL, false);
}
