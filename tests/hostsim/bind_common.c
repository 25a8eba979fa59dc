// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim binding, shared part: the "vmbus" bus and the per-kernel
 * structure details (ring info fields, driver remove type).
 */
#include <linux/module.h>
#include <linux/reciprocal_div.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "hostsim.h"

/* ---- the bus ---- */

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
static int hs_bus_match(struct device *dev, const struct device_driver *drv)
{
	struct hv_driver *hdrv = container_of(drv, struct hv_driver, driver);
#else
static int hs_bus_match(struct device *dev, struct device_driver *drv)
{
	struct hv_driver *hdrv = drv_to_hv_drv(drv);
#endif
	return hs_match_id(hdrv, device_to_hv_device(dev)) != NULL;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
static int hs_bus_uevent(const struct device *dev, struct kobj_uevent_env *env)
#else
static int hs_bus_uevent(struct device *dev, struct kobj_uevent_env *env)
#endif
{
	const struct hv_device *hv = container_of(dev, struct hv_device, device);

	return add_uevent_var(env, "MODALIAS=vmbus:%*phN", UUID_SIZE,
			      &hv->dev_type);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 15, 0)
static void hs_bus_remove_cb(struct device *dev)
{
	hs_bus_remove(dev);
}
#else
static int hs_bus_remove_cb(struct device *dev)
{
	hs_bus_remove(dev);
	return 0;
}
#endif

static const struct dev_pm_ops hs_bus_pm = {
	.freeze_noirq = hs_bus_suspend,
	.thaw_noirq = hs_bus_resume,
	.poweroff_noirq = hs_bus_suspend,
	.restore_noirq = hs_bus_resume,
};

struct bus_type hs_bus = {
	.pm = &hs_bus_pm,
	.name = "vmbus",
	.match = hs_bus_match,
	.probe = hs_bus_probe,
	.remove = hs_bus_remove_cb,
	.uevent = hs_bus_uevent,
};

int hs_bind_call_remove(struct hv_driver *drv, struct hv_device *hv)
{
	if (!drv->remove)
		return 0;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	drv->remove(hv);
	return 0;
#else
	return drv->remove(hv);
#endif
}

void hs_bind_channel_init(struct vmbus_channel *ch)
{
}

void hs_bind_ring_init(struct hv_ring_buffer_info *rbi, void *rb, u32 size,
		       u32 max_pkt)
{
	rbi->ring_buffer = rb;
	rbi->ring_buffer->read_index = 0;
	rbi->ring_buffer->write_index = 0;
	rbi->ring_buffer->feature_bits.value = 1;
	rbi->ring_size = size;
	rbi->ring_size_div10_reciprocal = reciprocal_value(size / 10);
	rbi->ring_datasize = size - sizeof(struct hv_ring_buffer);
	rbi->priv_read_index = 0;
	spin_lock_init(&rbi->ring_lock);
	mutex_init(&rbi->ring_buffer_mutex);
#ifdef HS_HAVE_PKT_BUFFER
	if (max_pkt) {
		rbi->pkt_buffer = kzalloc(max_pkt, GFP_KERNEL);
		rbi->pkt_buffer_size = rbi->pkt_buffer ? max_pkt : 0;
	}
#endif
}

void hs_bind_ring_free(struct hv_ring_buffer_info *rbi)
{
	if (rbi->ring_buffer)
		vunmap(rbi->ring_buffer);
	rbi->ring_buffer = NULL;
#ifdef HS_HAVE_PKT_BUFFER
	kfree(rbi->pkt_buffer);
	rbi->pkt_buffer = NULL;
	rbi->pkt_buffer_size = 0;
#endif
}
