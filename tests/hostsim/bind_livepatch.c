// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim binding for kernels with VMBus built in (Debian 7.x,
 * CONFIG_HYPERV_VMBUS=y): the built-in client API functions are redirected
 * to the emulator with the kernel's livepatch facility.  Outside Hyper-V the
 * built-in VMBus never registers its bus, so the emulator's "vmbus" bus takes
 * the name.
 *
 * Unload: echo 0 > /sys/kernel/livepatch/hvn_hostsim/enabled, wait for the
 * directory to go, then rmmod.
 */
#include <linux/module.h>
#include <linux/livepatch.h>
#include "hostsim.h"

#define HS_API(name)	hs_lp_##name
#define HS_EXPORT(name)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#include "bind_api.h"
#pragma GCC diagnostic pop

#define HS_LP(name) { .old_name = #name, .new_func = hs_lp_##name }

static struct klp_func hs_lp_funcs[] = {
	HS_LP(__vmbus_driver_register),
	HS_LP(vmbus_driver_unregister),
	HS_LP(vmbus_open),
	HS_LP(vmbus_close),
	HS_LP(vmbus_sendpacket),
	HS_LP(vmbus_sendpacket_mpb_desc),
	HS_LP(vmbus_establish_gpadl),
	HS_LP(vmbus_teardown_gpadl),
	HS_LP(vmbus_next_request_id),
	HS_LP(vmbus_request_addr),
	HS_LP(vmbus_set_sc_create_callback),
	HS_LP(vmbus_set_chn_rescind_callback),
	HS_LP(hv_pkt_iter_first),
	HS_LP(__hv_pkt_iter_next),
	HS_LP(hv_pkt_iter_close),
	HS_LP(vmbus_recvpacket),
	{ }
};

static struct klp_object hs_lp_objs[] = {
	{ .name = NULL, .funcs = hs_lp_funcs },	/* vmlinux */
	{ }
};

static struct klp_patch hs_lp_patch = {
	.mod = THIS_MODULE,
	.objs = hs_lp_objs,
};

static u32 hs_lp_saved_version;

int hs_bind_init(void)
{
	int err;

	hs_lp_saved_version = vmbus_proto_version;
	vmbus_proto_version = hs_vmbus_version;
	err = klp_enable_patch(&hs_lp_patch);
	if (err)
		vmbus_proto_version = hs_lp_saved_version;
	return err;
}

void hs_bind_exit(void)
{
	vmbus_proto_version = hs_lp_saved_version;
}

MODULE_INFO(livepatch, "Y");
