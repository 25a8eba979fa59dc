// SPDX-License-Identifier: GPL-2.0
/* Probe: timer_container_of() (from_timer renamed). */
#include <linux/timer.h>

struct x { struct timer_list t; };

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct timer_list *t = NULL;
	struct x *p = timer_container_of(p, t, t);

	(void)p;
}
