// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim module: host profiles, the emulated NICs, load and unload.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/random.h>
#include <hvn/nvsp.h>
#include "hostsim.h"

const struct hs_profile hs_profiles[HS_PROFILE_COUNT] = {
	[HS_PROFILE_WS2012R2] = {
		.name = "ws2012r2", .vmbus_version = VERSION_WIN8_1,
		.nvsp_max = HVN_NVSP_VERSION_4, .udp_csum = false,
		.ipv6_csum = true, .rsc = false, .rss = false, .max_queues = 1,
		.link_speed = 10000000000ULL,
	},
	[HS_PROFILE_WS2016] = {
		.name = "ws2016", .vmbus_version = VERSION_WIN10,
		.nvsp_max = HVN_NVSP_VERSION_5, .udp_csum = true,
		.ipv6_csum = true, .rsc = false, .rss = true, .max_queues = 8,
		.link_speed = 10000000000ULL,
	},
	[HS_PROFILE_AZURE] = {
		.name = "azure", .vmbus_version = VERSION_WIN10_V5_2,
		.nvsp_max = HVN_NVSP_VERSION_61, .udp_csum = true,
		.ipv6_csum = true, .rsc = true, .rss = true, .max_queues = 16,
		.link_speed = 40000000000ULL,
	},
};

static char *profile = "azure";
module_param(profile, charp, 0444);
MODULE_PARM_DESC(profile, "host profile: ws2012r2, ws2016, azure");
static int nics = 1;
module_param(nics, int, 0444);
MODULE_PARM_DESC(nics, "synthetic NICs to offer (1-4)");

struct hs_dev *hs_devs[HS_MAX_NICS];
int hs_ndevs;
u32 hs_vmbus_version;

static void hs_dev_destroy(struct hs_dev *d)
{
	hs_ctl_del_dev(d);
	cancel_delayed_work_sync(&d->vf_reoffer);
	hs_dev_rescind(d);
	hs_port_destroy(d);
	hs_rndis_free(d);
	hs_nvsp_free(d);
	kfree(d);
}

static int __init hs_init(void)
{
	const struct hs_profile *prof = NULL;
	int i, err;

	for (i = 0; i < HS_PROFILE_COUNT; i++)
		if (!strcmp(profile, hs_profiles[i].name))
			prof = &hs_profiles[i];
	if (!prof) {
		pr_err("hvn_hostsim: unknown profile %s\n", profile);
		return -EINVAL;
	}
	if (nics < 1 || nics > HS_MAX_NICS)
		return -EINVAL;
	hs_vmbus_version = prof->vmbus_version;
	err = hs_bind_init();
	if (err)
		return err;
	err = hs_vmbus_init();
	if (err)
		goto unbind;
	hs_ctl_init();
	for (i = 0; i < nics; i++) {
		struct hs_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

		err = -ENOMEM;
		if (!d)
			goto undo;
		d->id = i;
		d->prof = prof;
		d->link_up = true;
		hs_dev_init_common(d);
		/* 00:15:5d is Hyper-V's MAC prefix */
		d->mac[0] = 0x00;
		d->mac[1] = 0x15;
		d->mac[2] = 0x5d;
		get_random_bytes(&d->mac[3], 3);
		d->instance = GUID_INIT(0x4e455456, 0x0000 + i, 0x4853, 0x80, 0x00,
					0x00, 0x15, 0x5d, 0x00, 0x00, i);
		if (hs_nvsp_alloc(d) || hs_rndis_alloc(d)) {
			hs_nvsp_free(d);
			kfree(d);
			goto undo;
		}
		hs_nvsp_reset(d);
		hs_devs[hs_ndevs++] = d;
		hs_ctl_add_dev(d);
		err = hs_port_create(d);
		if (err)
			goto undo;
		err = hs_dev_offer(d);
		if (err)
			goto undo;
	}
	err = hs_vf_port_init();
	if (err)
		goto undo;
	pr_info("hvn_hostsim: profile %s, %d NIC(s), VMBus %u.%u\n", prof->name,
		nics, prof->vmbus_version >> 16, prof->vmbus_version & 0xffff);
	return 0;
undo:
	while (hs_ndevs)
		hs_dev_destroy(hs_devs[--hs_ndevs]);
	hs_ctl_exit();
	hs_vmbus_exit();
unbind:
	hs_bind_exit();
	return err;
}

static void __exit hs_exit(void)
{
	hs_vf_port_exit();
	while (hs_ndevs)
		hs_dev_destroy(hs_devs[--hs_ndevs]);
	hs_ctl_exit();
	hs_vmbus_exit();
	hs_bind_exit();
}

module_init(hs_init);
module_exit(hs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Hyper-V host emulator for testing hv_netvsc (test use only)");
