// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim SR-IOV data path: the VF's port on the host switch.
 *
 * The VF is a real PCI NIC of the test VM (hot-plugged by the e2e harness)
 * whose link partner is another NIC of the same VM, the "VF port".  The
 * emulator takes over the VF port with an rx handler, so that:
 *   - frames the guest sends through its VF come out of the switch port
 *     (hswN), as if the host's NIC had forwarded them to the switch;
 *   - while the guest has switched its data path to the VF, every frame
 *     the switch port sends towards the synthetic NIC is sent to the VF
 *     instead (the synthetic channels see none of it), and back on the
 *     synthetic path once the guest switches back (or the host withdraws
 *     the VF).
 * Frames are counted per path; frames arriving on the path the data path
 * does not name are counted too (the guest may send on either while it
 * switches).
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/nsproxy.h>
#include <linux/if_arp.h>
#include <net/net_namespace.h>
#include "hostsim.h"

/* A frame the VF sent reaches the switch: into the switch port's stack. */
static rx_handler_result_t hs_vf_port_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct hs_dev *d = rcu_dereference(skb->dev->rx_handler_data);
	struct net_device *port = d->port;

	if (skb->pkt_type == PACKET_LOOPBACK || !port)
		return RX_HANDLER_PASS;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return RX_HANDLER_CONSUMED;
	/* back to the Ethernet header the VF port's driver pulled */
	skb_push(skb, skb->data - skb_mac_header(skb));
	atomic64_inc(&d->vf_tx_frames);
	atomic64_add(skb->len, &d->vf_tx_bytes);
	if (!READ_ONCE(d->dp_vf))
		atomic64_inc(&d->vf_tx_offpath);
	skb_scrub_packet(skb, !net_eq(dev_net(skb->dev), dev_net(port)));
	skb->dev = port;
	skb->protocol = eth_type_trans(skb, port);
	port->stats.rx_packets++;
	port->stats.rx_bytes += skb->len + ETH_HLEN;
	netif_rx(skb);
	return RX_HANDLER_CONSUMED;
}

/*
 * The switch port sends a frame towards the NIC: while the data path is the
 * VF (and the VF port is up), it goes to the VF.  Returns true if it took
 * the frame.  Runs in the switch port's ndo_start_xmit (RCU-bh held).
 */
bool hs_vf_xmit(struct hs_dev *d, struct sk_buff *skb)
{
	struct net_device *vf;

	if (!READ_ONCE(d->dp_vf))
		return false;
	vf = rcu_dereference_bh(d->vf_port);
	if (!vf || !netif_running(vf)) {
		atomic64_inc(&d->vf_rx_nopath);
		return false;
	}
	atomic64_inc(&d->vf_rx_frames);
	atomic64_add(skb->len, &d->vf_rx_bytes);
	d->port->stats.tx_packets++;
	d->port->stats.tx_bytes += skb->len;
	skb_scrub_packet(skb, !net_eq(dev_net(skb->dev), dev_net(vf)));
	skb->dev = vf;
	dev_queue_xmit(skb);
	return true;
}

static void hs_vf_port_clear(struct hs_dev *d)
{
	struct net_device *ndev = rtnl_dereference(d->vf_port);

	ASSERT_RTNL();
	if (!ndev)
		return;
	netdev_rx_handler_unregister(ndev);
	dev_set_promiscuity(ndev, -1);
	RCU_INIT_POINTER(d->vf_port, NULL);
	synchronize_net();
	hs_hist(d, "VF port %s released", ndev->name);
	dev_put(ndev);
}

/*
 * debugfs vf_port: the name of the VF port in the writer's network
 * namespace; an empty name releases it.  Set it after the port has reached
 * its namespace: moving it releases it (it unregisters there).
 */
int hs_vf_port_set(struct hs_dev *d, const char *name)
{
	struct net_device *ndev;
	int err = 0;

	rtnl_lock();
	hs_vf_port_clear(d);
	if (!name[0])
		goto out;
	ndev = __dev_get_by_name(current->nsproxy->net_ns, name);
	if (!ndev) {
		err = -ENODEV;
		goto out;
	}
	if (ndev == d->port || ndev->type != ARPHRD_ETHER) {
		err = -EINVAL;
		goto out;
	}
	/* a switch port: it takes frames for any address (the VF's sends) */
	err = dev_set_promiscuity(ndev, 1);
	if (err)
		goto out;
	err = netdev_rx_handler_register(ndev, hs_vf_port_rx, d);
	if (err) {
		dev_set_promiscuity(ndev, -1);
		goto out;
	}
	dev_hold(ndev);
	rcu_assign_pointer(d->vf_port, ndev);
	hs_hist(d, "VF port %s", ndev->name);
out:
	rtnl_unlock();
	return err;
}

void hs_vf_port_show(struct seq_file *m, struct hs_dev *d)
{
	struct net_device *ndev;

	rcu_read_lock();
	ndev = rcu_dereference(d->vf_port);
	seq_printf(m, "vf_port %s\n", ndev ? ndev->name : "none");
	rcu_read_unlock();
	seq_printf(m, "vf_path tx %lld/%lld rx %lld/%lld\n",
		   atomic64_read(&d->vf_tx_frames), atomic64_read(&d->vf_tx_bytes),
		   atomic64_read(&d->vf_rx_frames), atomic64_read(&d->vf_rx_bytes));
	seq_printf(m, "vf_tx_offpath %lld\n", atomic64_read(&d->vf_tx_offpath));
	seq_printf(m, "syn_tx_offpath %lld\n", atomic64_read(&d->syn_tx_offpath));
	seq_printf(m, "vf_rx_nopath %lld\n", atomic64_read(&d->vf_rx_nopath));
	seq_printf(m, "datapath_forced %llu\n", d->dp_forced);
}

/* The VF port goes away (its driver, the device, a namespace move). */
static int hs_vf_port_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *ndev = netdev_notifier_info_to_dev(ptr);
	int i;

	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;
	for (i = 0; i < hs_ndevs; i++)
		if (hs_devs[i] && rtnl_dereference(hs_devs[i]->vf_port) == ndev)
			hs_vf_port_clear(hs_devs[i]);
	return NOTIFY_DONE;
}

static struct notifier_block hs_vf_port_nb = {
	.notifier_call = hs_vf_port_event,
};

int hs_vf_port_init(void)
{
	return register_netdevice_notifier(&hs_vf_port_nb);
}

void hs_vf_port_exit(void)
{
	int i;

	unregister_netdevice_notifier(&hs_vf_port_nb);
	rtnl_lock();
	for (i = 0; i < hs_ndevs; i++)
		if (hs_devs[i])
			hs_vf_port_clear(hs_devs[i]);
	rtnl_unlock();
}
