// SPDX-License-Identifier: GPL-2.0
/* Probe: bpf_warn_invalid_xdp_action(dev, prog, act). */
#include <linux/filter.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	bpf_warn_invalid_xdp_action(d, NULL, 0);
}
