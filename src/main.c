// SPDX-License-Identifier: GPL-2.0
/*
 * hv_netvsc (hv-netvsc-dkms): module entry, VMBus driver registration,
 * probe, remove (also after a host rescind), suspend and resume.
 *
 * The data path is layered VMBus channel -> NVSP -> RNDIS -> net_device,
 * one file per layer (channel.c, nvsp.c, rndis.c, netdev.c); this file
 * creates and destroys the interface.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/hyperv.h>
#include "compat.h"
#include "netdev.h"

static unsigned int ring_size = HVN_DEFAULT_RING_PAGES;
module_param(ring_size, uint, 0444);
MODULE_PARM_DESC(ring_size, "Ring buffer size (# of 4K pages)");

static int debug = -1;
module_param(debug, int, 0444);
MODULE_PARM_DESC(debug, "Debug level (0=none,...,16=all)");

static const struct hv_vmbus_device_id hvn_id_table[] = {
	{ HV_NIC_GUID, },	/* synthetic network adapter */
	{ },
};
MODULE_DEVICE_TABLE(vmbus, hvn_id_table);

static int hvn_probe(struct hv_device *hdev, const struct hv_vmbus_device_id *id)
{
	struct net_device *ndev;
	struct hvn_rndis_dev *r;
	struct hvn_priv *p;
	int ret;

	ndev = alloc_etherdev_mq(sizeof(*p), HVN_MAX_CHANNELS);
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &hdev->device);
	hvn_netdev_setup(ndev, hdev);
	p = netdev_priv(ndev);
	ret = hvn_vf_init(p);
	if (ret)
		goto free;
	p->set.ring_pages = max_t(u32, ring_size, HVN_MIN_RING_PAGES);
	p->set.rx_sections = HVN_DEFAULT_RX_SECTIONS;
	p->set.tx_sections = HVN_DEFAULT_TX_SECTIONS;
	hv_set_drvdata(hdev, ndev);

	ret = hvn_attach(p);
	if (ret) {
		dev_err(&hdev->device, "device setup failed: %d\n", ret);
		goto free;
	}
	r = rcu_dereference_protected(p->rdev, true);
	eth_hw_addr_set(ndev, r->perm_mac);
	/* the host may allow less than the default MTU */
	if (r->max_frame >= HVN_MTU_MIN && r->max_frame < ndev->mtu)
		ndev->mtu = r->max_frame;

	ret = register_netdev(ndev);
	if (ret) {
		dev_err(&hdev->device, "register_netdev failed: %d\n", ret);
		goto detach;
	}
	if (r->friendly[0] && strcmp(r->friendly, "Network Adapter"))
		dev_set_alias(ndev, r->friendly, strlen(r->friendly));
	netdev_info(ndev, "%s %s: NVSP %#x, %u channel(s), MAC %pM\n",
		    HVN_DRV_NAME, HVN_VERSION, r->nvsp.ver, r->num_chn,
		    ndev->dev_addr);
	return 0;

detach:
	rtnl_lock();
	hvn_detach(p);
	rtnl_unlock();
free:
	hvn_netdev_teardown(p);
	hv_set_drvdata(hdev, NULL);
	free_netdev(ndev);
	return ret;
}

static void hvn_remove(struct hv_device *hdev)
{
	struct net_device *ndev = hv_get_drvdata(hdev);
	struct hvn_priv *p;

	if (!ndev)
		return;
	p = netdev_priv(ndev);
	unregister_netdev(ndev);
	rtnl_lock();
	hvn_detach(p);
	rtnl_unlock();
	hvn_netdev_teardown(p);
	hv_set_drvdata(hdev, NULL);
	free_netdev(ndev);
}

HVN_DEFINE_HV_REMOVE(hvn_remove)

/* Hibernation: close the channels, keep the interface and its settings */
static int hvn_suspend(struct hv_device *hdev)
{
	struct net_device *ndev = hv_get_drvdata(hdev);

	rtnl_lock();
	netif_device_detach(ndev);
	hvn_detach(netdev_priv(ndev));
	rtnl_unlock();
	return 0;
}

static int hvn_resume(struct hv_device *hdev)
{
	struct net_device *ndev = hv_get_drvdata(hdev);
	int ret;

	rtnl_lock();
	ret = hvn_attach(netdev_priv(ndev));
	if (!ret)
		netif_device_attach(ndev);
	rtnl_unlock();
	return ret;
}

static struct hv_driver hvn_driver = {
	.name = HVN_DRV_NAME,
	.id_table = hvn_id_table,
	.probe = hvn_probe,
	HVN_HV_REMOVE(hvn_remove),
	.suspend = hvn_suspend,
	.resume = hvn_resume,
	.driver = {
		.probe_type = PROBE_FORCE_SYNCHRONOUS,
	},
};

static int __init hvn_init(void)
{
	int ret;

	if (ring_size < HVN_MIN_RING_PAGES) {
		pr_info("%s: ring_size raised to %u pages\n", HVN_DRV_NAME,
			HVN_MIN_RING_PAGES);
		ring_size = HVN_MIN_RING_PAGES;
	}
	pr_info("%s %s (compat fallbacks: %s)\n", HVN_DRV_NAME, HVN_VERSION,
		hvn_compat_fallbacks[0] ? hvn_compat_fallbacks : "none");
	/* before the driver: a VF already present is found at probe */
	ret = hvn_vf_register_notifier();
	if (ret)
		return ret;
	ret = vmbus_driver_register(&hvn_driver);
	if (ret)
		hvn_vf_unregister_notifier();
	return ret;
}

static void __exit hvn_exit(void)
{
	/* each interface releases its VF as it unregisters */
	vmbus_driver_unregister(&hvn_driver);
	hvn_vf_unregister_notifier();
}

module_init(hvn_init);
module_exit(hvn_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Microsoft Hyper-V network driver (hv-netvsc-dkms)");
MODULE_VERSION(HVN_VERSION);
MODULE_ALIAS("vmbus:hv_netvsc");
