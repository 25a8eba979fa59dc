// SPDX-License-Identifier: GPL-2.0
/* Probe: timer_delete_sync() (del_timer_sync renamed). */
#include <linux/timer.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct timer_list t;

	(void)timer_delete_sync(&t);
}
