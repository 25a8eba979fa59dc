// SPDX-License-Identifier: GPL-2.0
/* Probe: struct vmbus_gpadl: GPADL establish/teardown take a handle struct. */
#include <linux/hyperv.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct vmbus_gpadl g;

	(void)vmbus_establish_gpadl(c, NULL, 0, &g);
	(void)vmbus_teardown_gpadl(c, &g);
}
