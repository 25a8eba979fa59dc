// SPDX-License-Identifier: GPL-2.0
/* Probe: IFF_NO_ADDRCONF private flag (before it, IFF_SLAVE kept addrconf off). */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	d->priv_flags |= IFF_NO_ADDRCONF;
}
