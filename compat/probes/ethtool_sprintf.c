// SPDX-License-Identifier: GPL-2.0
/* Probe: ethtool_sprintf(). */
#include <linux/ethtool.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	u8 *p = NULL;

	ethtool_sprintf(&p, "q%u", 1U);
}
