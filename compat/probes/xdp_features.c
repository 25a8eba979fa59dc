// SPDX-License-Identifier: GPL-2.0
/* Probe: xdp_features_t and xdp_set_features_flag(). */
#include <linux/netdevice.h>
#include <net/xdp.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	xdp_features_t f = NETDEV_XDP_ACT_BASIC | NETDEV_XDP_ACT_REDIRECT;

	xdp_set_features_flag(d, f);
}
