// SPDX-License-Identifier: GPL-2.0
/* Probe: vmbus_sendpacket_getid(). */
#include <linux/hyperv.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	u64 id;

	(void)vmbus_sendpacket_getid(c, NULL, 0, 0, &id, VM_PKT_DATA_INBAND, 0);
}
