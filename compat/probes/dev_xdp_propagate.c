// SPDX-License-Identifier: GPL-2.0
/* Probe: dev_xdp_propagate(): set an XDP program on a lower device. */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct netdev_bpf b = { .command = XDP_SETUP_PROG };
	(void)dev_xdp_propagate(d, &b);
}
