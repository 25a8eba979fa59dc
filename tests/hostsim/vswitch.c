// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim virtual switch port: a netdev in the guest that stands for the
 * host's switch.  Frames the synthetic NIC sends come out of it; frames sent
 * into it go to the synthetic NIC (RSS picks the channel).
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include "hostsim.h"

struct hs_port {
	struct hs_dev *dev;
};

static netdev_tx_t hs_port_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct hs_port *pp = netdev_priv(ndev);
	struct hs_dev *d = pp->dev;
	struct hs_chan *hc;
	u32 q;

	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		goto drop;
	if (skb_headlen(skb) < ETH_HLEN)
		goto drop;
	/* data path switched to the VF: the VF gets it, unfiltered here */
	if (hs_vf_xmit(d, skb))
		return NETDEV_TX_OK;
	if (!hs_rndis_accepts(d, skb))
		goto drop;
	q = hs_rndis_pick_channel(d, skb);
	spin_lock(&d->chan_lock);
	hc = q < HS_MAX_CHANNELS ? d->chan[q] : NULL;
	if (!hc)
		hc = d->chan[0];
	if (!hc || !hc->opened || skb_queue_len(&hc->rxq) >= HS_RXQ_LIMIT) {
		if (hc)
			hc->rx_drops++;
		spin_unlock(&d->chan_lock);
		goto drop;
	}
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += skb->len;
	skb_orphan(skb);
	skb_queue_tail(&hc->rxq, skb);
	hs_kick_rx(hc);
	spin_unlock(&d->chan_lock);
	return NETDEV_TX_OK;
drop:
	ndev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

/* A frame from the synthetic NIC enters the switch port's stack. */
void hs_port_deliver(struct hs_dev *d, struct sk_buff *skb)
{
	struct net_device *ndev = d->port;

	skb->dev = ndev;
	skb->protocol = eth_type_trans(skb, ndev);
	ndev->stats.rx_packets++;
	ndev->stats.rx_bytes += skb->len + ETH_HLEN;
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 18, 0)
	netif_rx_ni(skb);
#else
	netif_rx(skb);
#endif
}

static int hs_port_open(struct net_device *ndev)
{
	netif_carrier_on(ndev);
	netif_start_queue(ndev);
	return 0;
}

static int hs_port_stop(struct net_device *ndev)
{
	netif_stop_queue(ndev);
	return 0;
}

static const struct net_device_ops hs_port_ops = {
	.ndo_open = hs_port_open,
	.ndo_stop = hs_port_stop,
	.ndo_start_xmit = hs_port_xmit,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

static void hs_port_setup(struct net_device *ndev)
{
	ether_setup(ndev);
	ndev->netdev_ops = &hs_port_ops;
	ndev->needs_free_netdev = true;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = 65521;
	ndev->features |= NETIF_F_SG | NETIF_F_HW_VLAN_CTAG_TX;
	ndev->hw_features |= NETIF_F_SG;
	eth_hw_addr_random(ndev);
}

int hs_port_create(struct hs_dev *d)
{
	struct net_device *ndev;
	char name[IFNAMSIZ];
	int err;

	snprintf(name, sizeof(name), "hsw%d", d->id);
	ndev = alloc_netdev(sizeof(struct hs_port), name, NET_NAME_USER,
			    hs_port_setup);
	if (!ndev)
		return -ENOMEM;
	((struct hs_port *)netdev_priv(ndev))->dev = d;
	err = register_netdev(ndev);
	if (err) {
		free_netdev(ndev);
		return err;
	}
	d->port = ndev;
	return 0;
}

void hs_port_destroy(struct hs_dev *d)
{
	if (d->port)
		unregister_netdev(d->port);
	d->port = NULL;
}
