// SPDX-License-Identifier: GPL-2.0
/* Probe: netif_txq_maybe_stop(): lockless queue stop/wake helpers. */
#include <linux/netdevice.h>
#include <net/netdev_queues.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

void probe(struct net_device *d, struct napi_struct *n, struct sk_buff *s,
	   struct vmbus_channel *c);
void probe(struct net_device *d, struct napi_struct *n, struct sk_buff *s,
	   struct vmbus_channel *c)
{
	struct netdev_queue *q = netdev_get_tx_queue(d, 0);

	(void)netif_txq_maybe_stop(q, 1, 1, 2);
}
