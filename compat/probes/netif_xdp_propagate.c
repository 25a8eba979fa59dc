// SPDX-License-Identifier: GPL-2.0
/* Probe: netif_xdp_propagate(): dev_xdp_propagate() renamed for the instance lock. */
#include <linux/netdevice.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct netdev_bpf b = { .command = XDP_SETUP_PROG };
	(void)netif_xdp_propagate(d, &b);
}
