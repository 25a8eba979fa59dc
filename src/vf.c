// SPDX-License-Identifier: GPL-2.0
/*
 * SR-IOV VF failover (Accelerated Networking).
 *
 * The host may give the guest a PCI Virtual Function beside the synthetic
 * NIC, with the same MAC address, and names it in a VF association
 * message (its PCI slot number, the "serial").  A netdevice notifier finds
 * that VF, makes it a slave of the synthetic interface (upper link, an rx
 * handler that hands its frames to the synthetic interface) and, once it
 * runs, asks the host to deliver through it (SWITCH_DATA_PATH).  Transmit
 * then goes through the VF as well.  Everything the user sees stays on
 * the synthetic interface: addresses, MTU, offload features, the XDP
 * program, and it keeps working when the VF goes away, because the data
 * path is switched back before the VF is released.
 *
 * All state changes happen under RTNL: in the notifier, in the workers
 * (which take RTNL) and in the ndo hooks.  The transmit path reads the VF
 * pointer under RCU.  The host's association message arrives in NAPI
 * context; it is stored per NVSP session and handled by a worker.
 *
 * What the host says is not trusted beyond selecting a device: a serial
 * only picks a VF that also carries our MAC address, and a withdrawn
 * association releases the VF.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/netpoll.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <net/net_namespace.h>
#include <net/sch_generic.h>
#include "compat.h"
#include "netdev.h"
#include "proto/hvn_vf.h"

/* Delay between joining a VF and configuring and opening it */
#define HVN_VF_TAKEOVER_DELAY	(HZ / 10)
/* How long a running VF waits for the host's association (seconds) */
#define HVN_VF_ASSOC_WAIT_S	30
#define HVN_VF_ASSOC_WAIT	(HVN_VF_ASSOC_WAIT_S * HZ)

/* hvn_vf.waiting */
#define HVN_VF_WAIT_NO		0
#define HVN_VF_WAIT_YES		1
#define HVN_VF_WAIT_EXPIRED	2

/* Synthetic interfaces of this driver, for matching VFs (RTNL) */
static LIST_HEAD(hvn_vf_list);

static struct hvn_priv *hvn_vf_priv_of(struct hvn_vf *vf)
{
	return container_of(vf, struct hvn_priv, vf);
}

/* ---- finding the VF ---- */

/*
 * The PCI device under a netdev: the first PCI device on the way up its
 * parents.  The in-tree driver looks at the direct parent only; walking up
 * also finds NICs whose netdev hangs off a bus device of their own, as
 * virtio-net (virtio device, then PCI) or auxiliary-bus drivers.
 */
static struct pci_dev *hvn_vf_pci(const struct net_device *dev)
{
	struct device *d;

	for (d = dev->dev.parent; d; d = d->parent)
		if (dev_is_pci(d))
			return to_pci_dev(d);
	return NULL;
}

/* A device that could be a VF at all: PCI Ethernet, not ours, no master */
static bool hvn_vf_candidate(struct net_device *dev)
{
	if (hvn_is_ours(dev))
		return false;
	if (dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN)
		return false;
	/* same MAC, but never the VF itself */
	if (is_vlan_dev(dev) || netif_is_bond_master(dev))
		return false;
	return hvn_vf_pci(dev);
}

/*
 * Before registration (NETDEV_POST_INIT) perm_addr is still empty, so the
 * current address counts as well.
 */
static bool hvn_vf_same_mac(struct hvn_priv *p, const struct net_device *dev)
{
	const u8 *ours = p->ndev->perm_addr;

	return ether_addr_equal(dev->perm_addr, ours) ||
	       ether_addr_equal(dev->dev_addr, ours);
}

/* The PCI slot name as a serial number; false if it is not one */
static bool hvn_vf_slot_serial(const struct net_device *dev, u32 *serial)
{
	struct pci_dev *pdev = hvn_vf_pci(dev);

	if (!pdev || !pdev->slot)
		return false;
	return hvn_vf_slot_number(pci_slot_name(pdev->slot), serial);
}

/**
 * hvn_vf_match() - the synthetic interface a device is the VF of
 * @dev: a candidate (RTNL held)
 *
 * First the interface whose host named @dev's PCI slot in its association
 * (and whose MAC @dev carries), then any interface with @dev's MAC whose
 * host has not withdrawn its VF.  Interfaces that have a VF are skipped.
 *
 * Return: the interface, or NULL.
 */
static struct hvn_priv *hvn_vf_match(struct net_device *dev)
{
	enum hvn_vf_rank rank, best_rank = HVN_VF_RANK_NONE;
	struct hvn_priv *p, *best = NULL;
	bool has_serial;
	u32 serial = 0;

	has_serial = hvn_vf_slot_serial(dev, &serial);
	list_for_each_entry(p, &hvn_vf_list, vf.node) {
		if (rtnl_dereference(p->vf.dev))
			continue;
		rank = hvn_vf_rank(atomic64_read(&p->vf.assoc), has_serial,
				   serial, hvn_vf_same_mac(p, dev));
		if (rank > best_rank) {
			best = p;
			best_rank = rank;
		}
	}
	return best;
}

/* The synthetic interface @dev is enslaved to, if it is */
static struct hvn_priv *hvn_vf_owner(struct net_device *dev)
{
	struct hvn_priv *p;

	list_for_each_entry(p, &hvn_vf_list, vf.node)
		if (rtnl_dereference(p->vf.dev) == dev)
			return p;
	return NULL;
}

/* ---- data path ---- */

/*
 * Stop transmitting through the VF and tell the host (RTNL).  In a new
 * session whose host has associated a VF, the host may still deliver
 * through it (a host may keep the VF path across a restart of the
 * synthetic device) to a VF that is joined but unusable: say synthetic
 * once then, too.
 */
static void hvn_vf_to_synthetic(struct hvn_priv *p)
{
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);
	bool was = READ_ONCE(p->vf.dp_vf);

	if (!was && !(p->vf.dp_unsure && rtnl_dereference(p->vf.dev) &&
		      hvn_vf_assoc_offered(atomic64_read(&p->vf.assoc))))
		return;
	WRITE_ONCE(p->vf.dp_vf, false);
	if (!r || hvn_nvsp_switch_data_path(&r->nvsp, false))
		return;
	p->vf.dp_unsure = false;
	if (was)
		netdev_info(p->ndev, "data path switched to synthetic\n");
}

/*
 * Bring the data path in line with the VF: through it while it runs with
 * a carrier and the host has associated it in this session, synthetic
 * otherwise.  Waiting for the carrier, not only for the VF to be up, keeps
 * the host from sending to a VF whose link is still negotiating (and the
 * link going away puts the host back on the synthetic path).  A VF that
 * runs before the association waits HVN_VF_ASSOC_WAIT for it.
 * @going_down: the VF is about to stop (still running).
 */
static void hvn_vf_sync_dp(struct hvn_priv *p, bool going_down)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);
	struct hvn_rndis_dev *r = rtnl_dereference(p->rdev);
	u64 a = atomic64_read(&p->vf.assoc);
	bool up = vf && !going_down && netif_running(vf) &&
		  netif_carrier_ok(vf);

	if (up && !hvn_vf_assoc_offered(a) && r) {
		if (p->vf.waiting == HVN_VF_WAIT_NO) {
			p->vf.waiting = HVN_VF_WAIT_YES;
			p->vf.wait_until = jiffies + HVN_VF_ASSOC_WAIT;
			netdev_info(p->ndev, "VF %s runs; waiting up to %u s for the host's association\n",
				    vf->name, HVN_VF_ASSOC_WAIT_S);
		}
		if (p->vf.waiting == HVN_VF_WAIT_YES) {
			if (time_after_eq(jiffies, p->vf.wait_until)) {
				p->vf.waiting = HVN_VF_WAIT_EXPIRED;
				netdev_warn(p->ndev, "no VF association from the host; data path stays synthetic\n");
			} else {
				/* look again at the deadline (if nothing sooner) */
				schedule_delayed_work(&p->vf.work,
						      p->vf.wait_until - jiffies);
			}
		}
	} else {
		p->vf.waiting = HVN_VF_WAIT_NO;
	}

	if (!up || !r || !hvn_vf_assoc_offered(a)) {
		hvn_vf_to_synthetic(p);
		return;
	}
	if (READ_ONCE(p->vf.dp_vf))
		return;
	if (hvn_nvsp_switch_data_path(&r->nvsp, true)) {
		netdev_err(p->ndev, "data path not switched to VF %s\n",
			   vf->name);
		return;
	}
	WRITE_ONCE(p->vf.dp_vf, true);
	p->vf.dp_unsure = false;
	netdev_info(p->ndev, "data path switched to VF %s\n", vf->name);
}

/* ---- what follows the synthetic interface onto the VF ---- */

/*
 * The offloads the user can change on the synthetic interface follow onto
 * the VF; what only the VF has stays as its own settings.  Checksum offload
 * is one switch for the user: the synthetic interface names it per IP
 * version, a VF may have the protocol-independent bit instead.  VF ops
 * lock held.
 */
static netdev_features_t hvn_vf_csum_map(netdev_features_t f)
{
	if (f & (NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM))
		f |= NETIF_F_HW_CSUM;
	return f;
}

static void hvn_vf_push_features(struct net_device *vf,
				 const struct net_device *ndev,
				 netdev_features_t features)
{
	netdev_features_t mask = hvn_vf_csum_map(ndev->hw_features) &
				 vf->hw_features;

	vf->wanted_features = (vf->wanted_features & ~mask) |
			      (hvn_vf_csum_map(features) & mask);
	netdev_update_features(vf);
}

/* Install @prog (or none) on the VF; VF ops lock held */
static int hvn_vf_xdp_install(struct net_device *vf, struct bpf_prog *prog,
			      struct netlink_ext_ack *extack)
{
	struct netdev_bpf bpf = {
		.command = XDP_SETUP_PROG,
		.prog = prog,
		.extack = extack,
	};
	int ret;

	if (!vf->netdev_ops->ndo_bpf) {
		if (prog)
			netdev_warn(vf, "no native XDP: its frames bypass the program\n");
		return 0;
	}
	/* the VF driver keeps a reference of its own */
	if (prog)
		bpf_prog_inc(prog);
	ret = netif_xdp_propagate(vf, &bpf);
	if (ret && prog)
		bpf_prog_put(prog);
	return ret;
}

/* Hold promiscuous / all-multicast on the VF as @want says (RTNL) */
static void hvn_vf_rx_flags(struct hvn_priv *p, struct net_device *vf,
			    unsigned int want)
{
	unsigned int have = p->vf.rx_flags;

	if (((want ^ have) & IFF_PROMISC) &&
	    !dev_set_promiscuity(vf, want & IFF_PROMISC ? 1 : -1))
		have ^= IFF_PROMISC;
	if (((want ^ have) & IFF_ALLMULTI) &&
	    !dev_set_allmulti(vf, want & IFF_ALLMULTI ? 1 : -1))
		have ^= IFF_ALLMULTI;
	p->vf.rx_flags = have;
}

/* ---- join and release ---- */

/* The VF's frames are ours from here on */
static rx_handler_result_t hvn_vf_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct hvn_priv *p = rcu_dereference(skb->dev->rx_handler_data);
	struct hvn_vf_pcpu *st;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb))
		return RX_HANDLER_CONSUMED;
	*pskb = skb;
	skb->dev = p->ndev;

	st = this_cpu_ptr(p->vf.stats);
	u64_stats_update_begin(&st->syncp);
	u64_stats_inc(&st->rx_packets);
	u64_stats_add(&st->rx_bytes, skb->len);
	u64_stats_update_end(&st->syncp);
	return RX_HANDLER_ANOTHER;
}

/*
 * Make @vf a slave of @p (RTNL, and the VF ops lock where the kernel has
 * one: the core holds it around NETDEV_REGISTER).  Configuration and
 * opening follow in the takeover work.
 */
static int hvn_vf_join(struct hvn_priv *p, struct net_device *vf)
{
	struct net_device *ndev = p->ndev;
	int ret;

	if (netdev_master_upper_dev_get(vf))
		return -EBUSY;
	ret = netdev_rx_handler_register(vf, hvn_vf_rx, p);
	if (ret) {
		netdev_warn(ndev, "VF %s: rx handler not registered: %d\n",
			    vf->name, ret);
		return ret;
	}
	ret = netdev_master_upper_dev_link(vf, ndev, NULL, NULL, NULL);
	if (ret) {
		netdev_warn(ndev, "VF %s: not linked: %d\n", vf->name, ret);
		netdev_rx_handler_unregister(vf);
		return ret;
	}
	vf->flags |= IFF_SLAVE;
	vf->priv_flags |= IFF_NO_ADDRCONF;
	netdev_hold(vf, &p->vf.tracker, GFP_KERNEL);
	p->vf.taken_over = false;
	p->vf.rx_flags = 0;
	rcu_assign_pointer(p->vf.dev, vf);
	if (vf->needed_headroom > ndev->needed_headroom)
		ndev->needed_headroom = vf->needed_headroom;
	call_netdevice_notifiers(NETDEV_JOIN, vf);
	netdev_info(ndev, "VF %s joined\n", vf->name);
	schedule_delayed_work(&p->vf.takeover, HVN_VF_TAKEOVER_DELAY);
	return 0;
}

/*
 * Give the VF up (RTNL): data path back to synthetic first, then undo
 * what was set on it, unlink it and drop the rx handler.  @dying: the VF
 * unregisters (its own state goes with it).
 */
static void hvn_vf_release(struct hvn_priv *p, bool dying)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);
	struct net_device *ndev = p->ndev;

	if (!vf)
		return;
	cancel_delayed_work(&p->vf.takeover);	/* it rechecks under RTNL */
	hvn_vf_to_synthetic(p);
	p->vf.waiting = HVN_VF_WAIT_NO;
	RCU_INIT_POINTER(p->vf.dev, NULL);

	if (p->vf.taken_over) {
		if (!dying) {
			hvn_vf_rx_flags(p, vf, 0);
			if (rtnl_dereference(p->xdp_prog)) {
				netdev_lock_ops(vf);
				hvn_vf_xdp_install(vf, NULL, NULL);
				netdev_unlock_ops(vf);
			}
		}
		dev_uc_unsync(vf, ndev);
		dev_mc_unsync(vf, ndev);
	}
	p->vf.taken_over = false;
	p->vf.rx_flags = 0;

	netdev_upper_dev_unlink(vf, ndev);
	netdev_rx_handler_unregister(vf);	/* waits for readers */
	vf->flags &= ~IFF_SLAVE;
	vf->priv_flags &= ~IFF_NO_ADDRCONF;
	ndev->needed_headroom = HVN_RNDIS_TX_HDR_MAX;
	netdev_info(ndev, "VF %s released\n", vf->name);
	netdev_put(vf, &p->vf.tracker);
}

/* Configure the joined VF like the synthetic interface and open it */
static void hvn_vf_takeover_work(struct work_struct *w)
{
	struct hvn_vf *v = container_of(to_delayed_work(w), struct hvn_vf,
					takeover);
	struct hvn_priv *p = hvn_vf_priv_of(v);
	struct net_device *ndev = p->ndev;
	struct net_device *vf;
	struct bpf_prog *prog;
	int ret;

	rtnl_lock();
	vf = rtnl_dereference(v->dev);
	if (!vf || v->taken_over)
		goto out;
	v->taken_over = true;

	netdev_lock_ops(vf);
	hvn_vf_push_features(vf, ndev, ndev->features);
	prog = rtnl_dereference(p->xdp_prog);
	ret = prog ? hvn_vf_xdp_install(vf, prog, NULL) : 0;
	netdev_unlock_ops(vf);
	if (ret)
		netdev_warn(ndev, "XDP program not set on VF %s: %d\n",
			    vf->name, ret);

	if (vf->mtu != ndev->mtu) {
		ret = dev_set_mtu(vf, ndev->mtu);
		if (ret)
			netdev_warn(ndev, "VF %s keeps MTU %u (not %u): %d\n",
				    vf->name, vf->mtu, ndev->mtu, ret);
	}
	hvn_vf_rx_flags(p, vf, ndev->flags & (IFF_PROMISC | IFF_ALLMULTI));
	netif_addr_lock_bh(ndev);
	dev_uc_sync(vf, ndev);
	dev_mc_sync(vf, ndev);
	netif_addr_unlock_bh(ndev);

	if (netif_running(ndev) && !netif_running(vf)) {
		ret = dev_open(vf, NULL);	/* its carrier switches the path */
		if (ret)
			netdev_warn(ndev, "VF %s not opened: %d\n", vf->name,
				    ret);
	}
	hvn_vf_sync_dp(p, false);
out:
	rtnl_unlock();
}

/*
 * The first matching VF in any namespace that no other device owns, with
 * a reference, or NULL (RTNL held).
 */
static struct net_device *hvn_vf_search(struct hvn_priv *p)
{
	struct net_device *dev, *found = NULL;
	struct net *net;

	rcu_read_lock();
	for_each_net_rcu(net) {
		for_each_netdev_rcu(net, dev) {
			if (dev->reg_state != NETREG_REGISTERED ||
			    !hvn_vf_candidate(dev) ||
			    netdev_master_upper_dev_get(dev) ||
			    hvn_vf_match(dev) != p)
				continue;
			dev_hold(dev);
			found = dev;
			goto out;
		}
	}
out:
	rcu_read_unlock();
	return found;
}

/*
 * Association changes, a VF that registered before this interface or in
 * another namespace, and the end of the wait for an association.
 */
static void hvn_vf_work(struct work_struct *w)
{
	struct hvn_vf *v = container_of(to_delayed_work(w), struct hvn_vf,
					work);
	struct hvn_priv *p = hvn_vf_priv_of(v);
	struct net_device *ndev = p->ndev;
	struct net_device *vf;
	int ret;

	rtnl_lock();
	if (ndev->reg_state != NETREG_REGISTERED || !v->listed)
		goto out;
	vf = rtnl_dereference(v->dev);
	if (vf && hvn_vf_assoc_withdrawn(atomic64_read(&v->assoc))) {
		netdev_info(ndev, "host withdrew VF %s\n", vf->name);
		hvn_vf_release(p, false);
		vf = NULL;
	}
	if (!vf) {
		vf = hvn_vf_search(p);
		if (vf && net_eq(dev_net(vf), dev_net(ndev))) {
			netdev_lock_ops(vf);
			hvn_vf_join(p, vf);
			netdev_unlock_ops(vf);
		} else if (vf) {
			/* it registers again there, and joins then */
			ret = dev_change_net_namespace(vf, dev_net(ndev), "eth%d");
			if (ret) {
				netdev_err(ndev, "VF %s not moved to this namespace: %d\n",
					   vf->name, ret);
				vf->flags &= ~IFF_SLAVE;
				vf->priv_flags &= ~IFF_NO_ADDRCONF;
			} else {
				netdev_info(ndev, "VF %s moved to this namespace\n",
					    vf->name);
			}
		}
		if (vf)
			dev_put(vf);
	}
	hvn_vf_sync_dp(p, false);
out:
	rtnl_unlock();
}

/* ---- netdevice events ---- */

/* Events of our own interfaces: list membership, VF search, release */
static void hvn_vf_own_event(struct hvn_priv *p, unsigned long event)
{
	switch (event) {
	case NETDEV_REGISTER:
		if (!p->vf.listed) {
			list_add_tail(&p->vf.node, &hvn_vf_list);
			p->vf.listed = true;
		}
		mod_delayed_work(system_wq, &p->vf.work, 0);
		break;
	case NETDEV_UNREGISTER:
		/* also when moving to another namespace: found again there */
		hvn_vf_release(p, false);
		if (p->vf.listed) {
			list_del_init(&p->vf.node);
			p->vf.listed = false;
		}
		break;
	}
}

/* A candidate registered: join it, or have it moved here first */
static void hvn_vf_registered(struct net_device *dev)
{
	struct hvn_priv *p = hvn_vf_match(dev);

	if (!p)
		return;
	if (!net_eq(dev_net(dev), dev_net(p->ndev))) {
		/* not from inside its own registration */
		mod_delayed_work(system_wq, &p->vf.work, 0);
		return;
	}
	if (hvn_vf_join(p, dev)) {
		dev->flags &= ~IFF_SLAVE;
		dev->priv_flags &= ~IFF_NO_ADDRCONF;
	}
}

static int hvn_vf_netdev_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct hvn_priv *p;

	if (hvn_is_ours(dev)) {
		hvn_vf_own_event(netdev_priv(dev), event);
		return NOTIFY_DONE;
	}
	if (!hvn_vf_candidate(dev))
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_POST_INIT:
		/* a slave before user space sees it: no addresses, no DHCP */
		if (hvn_vf_match(dev)) {
			dev->flags |= IFF_SLAVE;
			dev->priv_flags |= IFF_NO_ADDRCONF;
		}
		break;
	case NETDEV_REGISTER:
		hvn_vf_registered(dev);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_GOING_DOWN:
		p = hvn_vf_owner(dev);
		if (p)
			hvn_vf_sync_dp(p, event == NETDEV_GOING_DOWN);
		break;
	case NETDEV_UNREGISTER:
		p = hvn_vf_owner(dev);
		if (p)
			hvn_vf_release(p, true);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block hvn_vf_notifier = {
	.notifier_call = hvn_vf_netdev_event,
};

/**
 * hvn_vf_register_notifier() - start watching netdevices (module init)
 *
 * Return: 0 or a negative errno.
 */
int hvn_vf_register_notifier(void)
{
	return register_netdevice_notifier(&hvn_vf_notifier);
}

/**
 * hvn_vf_unregister_notifier() - stop watching (module exit, after the
 * last interface is gone)
 */
void hvn_vf_unregister_notifier(void)
{
	unregister_netdevice_notifier(&hvn_vf_notifier);
}

/* ---- hooks for the synthetic interface ---- */

/**
 * hvn_vf_init() - VF state of a new interface
 * @p: device
 *
 * Return: 0 or -ENOMEM.
 */
int hvn_vf_init(struct hvn_priv *p)
{
	INIT_LIST_HEAD(&p->vf.node);
	INIT_DELAYED_WORK(&p->vf.takeover, hvn_vf_takeover_work);
	INIT_DELAYED_WORK(&p->vf.work, hvn_vf_work);
	atomic64_set(&p->vf.assoc, HVN_VF_ASSOC_NONE);
	p->vf.stats = netdev_alloc_pcpu_stats(struct hvn_vf_pcpu);
	return p->vf.stats ? 0 : -ENOMEM;
}

/**
 * hvn_vf_fini() - stop the workers and free (interface unregistered, RTNL
 * not held)
 * @p: device
 */
void hvn_vf_fini(struct hvn_priv *p)
{
	cancel_delayed_work_sync(&p->vf.takeover);
	cancel_delayed_work_sync(&p->vf.work);
	free_percpu(p->vf.stats);
	p->vf.stats = NULL;
}

/**
 * hvn_vf_assoc_event() - the host's VF association message (NAPI context)
 * @p: device
 * @allocated: a VF is assigned (else withdrawn)
 * @serial: its PCI slot number
 */
void hvn_vf_assoc_event(struct hvn_priv *p, bool allocated, u32 serial)
{
	atomic64_set(&p->vf.assoc, hvn_vf_assoc_word(allocated, serial));
	mod_delayed_work(system_wq, &p->vf.work, 0);
}

/**
 * hvn_vf_dp_synthetic_event() - the host went back to synthetic by itself
 * (NAPI context)
 * @p: device
 */
void hvn_vf_dp_synthetic_event(struct hvn_priv *p)
{
	if (READ_ONCE(p->vf.dp_vf))
		netdev_info(p->ndev, "host switched the data path to synthetic\n");
	WRITE_ONCE(p->vf.dp_vf, false);
}

/**
 * hvn_vf_detached() - the NVSP session ends (device underneath torn down)
 * @p: device
 *
 * Closing the channels puts the host back on the synthetic path, and
 * the association belongs to the session: a new one must come.
 */
void hvn_vf_detached(struct hvn_priv *p)
{
	WRITE_ONCE(p->vf.dp_vf, false);
	p->vf.dp_unsure = true;
	atomic64_set(&p->vf.assoc, HVN_VF_ASSOC_NONE);
	p->vf.waiting = HVN_VF_WAIT_NO;
}

/**
 * hvn_vf_attached() - a new NVSP session runs (rebuild, resume)
 * @p: device
 */
void hvn_vf_attached(struct hvn_priv *p)
{
	if (p->ndev->reg_state == NETREG_REGISTERED)
		mod_delayed_work(system_wq, &p->vf.work, 0);
}

/**
 * hvn_vf_tx_dev() - the VF to transmit through, if any
 * @p: device (in ndo_start_xmit)
 *
 * Return: the VF while the data path is on it and it runs with a carrier,
 * never for netpoll; else NULL.
 */
struct net_device *hvn_vf_tx_dev(struct hvn_priv *p)
{
	struct net_device *vf = rcu_dereference_bh(p->vf.dev);

	if (!vf || !READ_ONCE(p->vf.dp_vf) || !netif_running(vf) ||
	    !netif_carrier_ok(vf) || netpoll_tx_running(p->ndev))
		return NULL;
	return vf;
}

/**
 * hvn_vf_xmit() - send a frame through the VF
 * @p: device
 * @vf: from hvn_vf_tx_dev()
 * @skb: the frame
 *
 * The queue the VF would pick (hvn_vf_select_queue()) goes along as a
 * hint for its own queue selection.
 *
 * Return: NETDEV_TX_OK; the frame is consumed.
 */
netdev_tx_t hvn_vf_xmit(struct hvn_priv *p, struct net_device *vf,
			struct sk_buff *skb)
{
	unsigned int len = skb->len;
	struct hvn_vf_pcpu *st;
	int rc;

	skb->dev = vf;
	skb_record_rx_queue(skb, qdisc_skb_cb(skb)->slave_dev_queue_mapping);
	rc = dev_queue_xmit(skb);

	st = this_cpu_ptr(p->vf.stats);
	u64_stats_update_begin(&st->syncp);
	if (likely(rc == NET_XMIT_SUCCESS || rc == NET_XMIT_CN)) {
		u64_stats_inc(&st->tx_packets);
		u64_stats_add(&st->tx_bytes, len);
	} else {
		u64_stats_inc(&st->tx_dropped);
	}
	u64_stats_update_end(&st->syncp);
	return NETDEV_TX_OK;
}

/**
 * hvn_vf_select_queue() - note the VF's queue for a frame
 * @p: device (in ndo_select_queue)
 * @skb: the frame
 * @sb_dev: subordinate device (unused by the VF)
 *
 * The VF may have more queues than the synthetic interface: its choice
 * is kept in the qdisc control block for hvn_vf_xmit().
 */
void hvn_vf_select_queue(struct hvn_priv *p, struct sk_buff *skb,
			 struct net_device *sb_dev)
{
	struct net_device *vf = rcu_dereference_bh(p->vf.dev);
	const struct net_device_ops *ops;
	u16 q;

	if (!vf || !READ_ONCE(p->vf.dp_vf))
		return;
	ops = vf->netdev_ops;
	if (ops->ndo_select_queue)
		q = ops->ndo_select_queue(vf, skb, NULL);
	else
		q = netdev_pick_tx(vf, skb, NULL);
	qdisc_skb_cb(skb)->slave_dev_queue_mapping = q;
}

/**
 * hvn_vf_xdp_dev() - the VF to hand redirected XDP frames to, if any
 * @p: device (RCU held)
 *
 * Return: the VF while the data path is on it and it can take XDP frames.
 */
struct net_device *hvn_vf_xdp_dev(struct hvn_priv *p)
{
	struct net_device *vf = rcu_dereference(p->vf.dev);

	if (!vf || !READ_ONCE(p->vf.dp_vf) || !netif_running(vf) ||
	    !vf->netdev_ops->ndo_xdp_xmit)
		return NULL;
	return vf;
}

/**
 * hvn_vf_open() - the synthetic interface opens: so does its VF
 * @p: device (RTNL)
 *
 * Return: 0; a VF that does not open is logged and left.
 */
int hvn_vf_open(struct hvn_priv *p)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);
	int ret;

	if (!vf || !p->vf.taken_over || netif_running(vf))
		return 0;
	ret = dev_open(vf, NULL);
	if (ret)
		netdev_warn(p->ndev, "VF %s not opened: %d\n", vf->name, ret);
	return 0;
}

/**
 * hvn_vf_stop() - the synthetic interface stops: so does its VF
 * @p: device (RTNL)
 */
void hvn_vf_stop(struct hvn_priv *p)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);

	if (vf && p->vf.taken_over)
		dev_close(vf);	/* NETDEV_GOING_DOWN switches the path */
}

/**
 * hvn_vf_change_mtu() - apply an MTU to the VF first
 * @p: device (RTNL)
 * @mtu: new MTU
 *
 * Return: 0, or the VF's error (the synthetic interface keeps its MTU).
 */
int hvn_vf_change_mtu(struct hvn_priv *p, int mtu)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);
	int ret;

	if (!vf || !p->vf.taken_over || vf->mtu == mtu)
		return 0;
	ret = dev_set_mtu(vf, mtu);
	if (ret)
		netdev_warn(p->ndev, "VF %s refused MTU %d: %d\n", vf->name,
			    mtu, ret);
	return ret;
}

/**
 * hvn_vf_set_features() - offload changes follow onto the VF
 * @p: device (RTNL)
 * @features: the new features of the synthetic interface
 */
void hvn_vf_set_features(struct hvn_priv *p, netdev_features_t features)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);

	if (!vf || !p->vf.taken_over)
		return;
	netdev_lock_ops(vf);
	hvn_vf_push_features(vf, p->ndev, features);
	netdev_unlock_ops(vf);
}

/**
 * hvn_vf_set_rx_mode() - unicast and multicast lists follow onto the VF
 * @p: device (its address lock held, as in ndo_set_rx_mode)
 */
void hvn_vf_set_rx_mode(struct hvn_priv *p)
{
	struct net_device *vf;

	rcu_read_lock();
	vf = rcu_dereference(p->vf.dev);
	if (vf && READ_ONCE(p->vf.taken_over)) {
		dev_uc_sync(vf, p->ndev);
		dev_mc_sync(vf, p->ndev);
	}
	rcu_read_unlock();
}

/**
 * hvn_vf_change_rx_flags() - promiscuous and all-multicast follow
 * @p: device (RTNL)
 * @change: flags that changed
 */
void hvn_vf_change_rx_flags(struct hvn_priv *p, int change)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);

	if (!vf || !p->vf.taken_over ||
	    !(change & (IFF_PROMISC | IFF_ALLMULTI)))
		return;
	hvn_vf_rx_flags(p, vf, p->ndev->flags & (IFF_PROMISC | IFF_ALLMULTI));
}

/**
 * hvn_vf_set_xdp() - put the synthetic interface's XDP program on the VF
 * @p: device (RTNL)
 * @prog: the program, or NULL to remove it
 * @extack: error report
 *
 * A VF not taken over yet gets the program in the takeover work.
 *
 * Return: 0 or the VF's error.
 */
int hvn_vf_set_xdp(struct hvn_priv *p, struct bpf_prog *prog,
		   struct netlink_ext_ack *extack)
{
	struct net_device *vf = rtnl_dereference(p->vf.dev);
	int ret;

	if (!vf || !p->vf.taken_over)
		return 0;
	netdev_lock_ops(vf);
	ret = hvn_vf_xdp_install(vf, prog, extack);
	netdev_unlock_ops(vf);
	if (ret)
		netdev_err(p->ndev, "XDP program not set on VF %s: %d\n",
			   vf->name, ret);
	return ret;
}

/* ---- statistics ---- */

static const char * const hvn_vf_stat_names[HVN_VF_STATS] = {
	"vf_rx_packets", "vf_rx_bytes", "vf_tx_packets", "vf_tx_bytes",
	"vf_tx_dropped",
};

static const char * const hvn_vf_pcpu_names[HVN_VF_PCPU_STATS] = {
	"cpu%u_vf_rx_packets", "cpu%u_vf_rx_bytes",
	"cpu%u_vf_tx_packets", "cpu%u_vf_tx_bytes",
};

/* One CPU's counters: rx packets, rx bytes, tx packets, tx bytes, drops */
static void hvn_vf_read_cpu(struct hvn_priv *p, int cpu, u64 *v)
{
	const struct hvn_vf_pcpu *st = per_cpu_ptr(p->vf.stats, cpu);
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&st->syncp);
		v[0] = u64_stats_read(&st->rx_packets);
		v[1] = u64_stats_read(&st->rx_bytes);
		v[2] = u64_stats_read(&st->tx_packets);
		v[3] = u64_stats_read(&st->tx_bytes);
		v[4] = u64_stats_read(&st->tx_dropped);
	} while (u64_stats_fetch_retry(&st->syncp, start));
}

/**
 * hvn_vf_stats_count() - number of ethtool -S entries
 * @pcpu: the per-CPU ones (else the totals)
 *
 * Return: count.
 */
u32 hvn_vf_stats_count(bool pcpu)
{
	return pcpu ? num_present_cpus() * HVN_VF_PCPU_STATS : HVN_VF_STATS;
}

/**
 * hvn_vf_stats_strings() - names, in the in-tree driver's spelling
 * @data: where to write; advanced
 * @pcpu: the per-CPU ones (else the totals)
 */
void hvn_vf_stats_strings(u8 **data, bool pcpu)
{
	unsigned int cpu;
	u32 i;

	if (!pcpu) {
		for (i = 0; i < HVN_VF_STATS; i++)
			ethtool_puts(data, hvn_vf_stat_names[i]);
		return;
	}
	for_each_present_cpu(cpu)
		for (i = 0; i < HVN_VF_PCPU_STATS; i++)
			ethtool_sprintf(data, hvn_vf_pcpu_names[i], cpu);
}

/**
 * hvn_vf_stats_fill() - values, in the order of hvn_vf_stats_strings()
 * @p: device
 * @data: where to write; advanced
 * @pcpu: the per-CPU ones (else the totals)
 */
void hvn_vf_stats_fill(struct hvn_priv *p, u64 **data, bool pcpu)
{
	u64 v[HVN_VF_STATS], sum[HVN_VF_STATS] = {};
	unsigned int cpu;
	u32 i;

	if (pcpu) {
		for_each_present_cpu(cpu) {
			hvn_vf_read_cpu(p, cpu, v);
			for (i = 0; i < HVN_VF_PCPU_STATS; i++)
				*(*data)++ = v[i];
		}
		return;
	}
	for_each_possible_cpu(cpu) {
		hvn_vf_read_cpu(p, cpu, v);
		for (i = 0; i < HVN_VF_STATS; i++)
			sum[i] += v[i];
	}
	for (i = 0; i < HVN_VF_STATS; i++)
		*(*data)++ = sum[i];
}

/**
 * hvn_vf_totals() - traffic through the VF, for the interface's counters
 * @p: device
 * @rxp: received packets
 * @rxb: received bytes
 * @txp: sent packets
 * @txb: sent bytes
 */
void hvn_vf_totals(struct hvn_priv *p, u64 *rxp, u64 *rxb, u64 *txp, u64 *txb)
{
	u64 v[HVN_VF_STATS];
	unsigned int cpu;

	*rxp = 0;
	*rxb = 0;
	*txp = 0;
	*txb = 0;
	for_each_possible_cpu(cpu) {
		hvn_vf_read_cpu(p, cpu, v);
		*rxp += v[0];
		*rxb += v[1];
		*txp += v[2];
		*txb += v[3];
	}
}
