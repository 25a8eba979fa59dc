// SPDX-License-Identifier: GPL-2.0
/*
 * hv_netvsc (hv-netvsc-dkms): module entry, VMBus driver registration.
 *
 * The data path is layered VMBus channel -> NVSP -> RNDIS -> net_device, one
 * file per layer; this file only binds the driver to the synthetic NIC class.
 */
#include <linux/module.h>
#include <linux/hyperv.h>
#include "compat.h"

#define HVN_DRV_NAME "hv_netvsc"

static const struct hv_vmbus_device_id hvn_id_table[] = {
	{ HV_NIC_GUID, },	/* synthetic network adapter */
	{ },
};
MODULE_DEVICE_TABLE(vmbus, hvn_id_table);

static int hvn_probe(struct hv_device *hdev, const struct hv_vmbus_device_id *id)
{
	/* The device layers are not in this tree yet (issue 4). */
	dev_info(&hdev->device, "%s %s: no data path in this build yet\n",
		 HVN_DRV_NAME, HVN_VERSION);
	return -ENODEV;
}

static void hvn_remove(struct hv_device *hdev)
{
}

HVN_DEFINE_HV_REMOVE(hvn_remove)

static struct hv_driver hvn_driver = {
	.name = HVN_DRV_NAME,
	.id_table = hvn_id_table,
	.probe = hvn_probe,
	HVN_HV_REMOVE(hvn_remove),
	.driver = {
		.probe_type = PROBE_FORCE_SYNCHRONOUS,
	},
};

static int __init hvn_init(void)
{
	pr_info("%s %s (compat fallbacks: %s)\n", HVN_DRV_NAME, HVN_VERSION,
		hvn_compat_fallbacks[0] ? hvn_compat_fallbacks : "none");
	return vmbus_driver_register(&hvn_driver);
}

static void __exit hvn_exit(void)
{
	vmbus_driver_unregister(&hvn_driver);
}

module_init(hvn_init);
module_exit(hvn_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Microsoft Hyper-V network driver (hv-netvsc-dkms)");
MODULE_VERSION(HVN_VERSION);
MODULE_ALIAS("vmbus:hv_netvsc");
