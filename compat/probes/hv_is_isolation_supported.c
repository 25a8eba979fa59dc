// SPDX-License-Identifier: GPL-2.0
/* Probe: hv_is_isolation_supported() (Confidential VMs). */
#include <linux/hyperv.h>
#include <asm/mshyperv.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	(void)hv_is_isolation_supported();
}
