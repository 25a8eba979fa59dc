// SPDX-License-Identifier: GPL-2.0
/* Probe: hv_driver.remove returns void. */
#include <linux/hyperv.h>

static void rm(struct hv_device *h) { }
static struct hv_driver drv = { .remove = rm };

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	(void)drv;
}
