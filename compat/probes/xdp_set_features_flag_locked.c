// SPDX-License-Identifier: GPL-2.0
/* Probe: xdp_set_features_flag_locked(). */
#include <linux/netdevice.h>
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	xdp_set_features_flag_locked(d, NETDEV_XDP_ACT_BASIC);
}
