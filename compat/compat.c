// SPDX-License-Identifier: GPL-2.0
/*
 * Out-of-line fallbacks for kernels without an API, and the record of which
 * fallbacks this build uses (modinfo field and read-only module parameter).
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/rtnetlink.h>
#include "compat.h"

const char hvn_compat_fallbacks[] = HVN_COMPAT_FALLBACKS;

MODULE_INFO(compat_kernel, HVN_KERNEL_PROBED);
MODULE_INFO(compat_fallbacks, HVN_COMPAT_FALLBACKS);

static int hvn_compat_param_get(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%s\n",
			 hvn_compat_fallbacks[0] ? hvn_compat_fallbacks : "none");
}

static int hvn_compat_param_set(const char *val, const struct kernel_param *kp)
{
	return -EPERM;
}

static const struct kernel_param_ops hvn_compat_param_ops = {
	.get = hvn_compat_param_get,
	.set = hvn_compat_param_set,
};

module_param_cb(compat_fallbacks, &hvn_compat_param_ops, NULL, 0444);
MODULE_PARM_DESC(compat_fallbacks,
		 "Kernel interfaces this build replaces with compat code (read-only)");

#ifndef HAVE_ETHTOOL_SPRINTF
void ethtool_sprintf(u8 **data, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(*data, ETH_GSTRING_LEN, fmt, args);
	va_end(args);
	*data += ETH_GSTRING_LEN;
}
#endif

#ifndef HAVE_ETHTOOL_PUTS
void ethtool_puts(u8 **data, const char *str)
{
	strscpy(*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}
#endif

#if !defined(HAVE_NETIF_XDP_PROPAGATE) && !defined(HAVE_DEV_XDP_PROPAGATE)
/* Set a program on a lower device in driver mode, as the core would. */
int netif_xdp_propagate(struct net_device *dev, struct netdev_bpf *bpf)
{
	ASSERT_RTNL();
	if (!dev->netdev_ops->ndo_bpf)
		return -EOPNOTSUPP;
	return dev->netdev_ops->ndo_bpf(dev, bpf);
}
#endif

#ifndef HAVE_VMBUS_MPB_MULTIRANGE
int hvn_compat_sendpacket_mpb_desc(struct vmbus_channel *chan,
				   struct vmbus_packet_mpb_array *desc,
				   u32 desc_size, void *buf, u32 len, u64 rid)
{
	const size_t hdr = offsetof(struct hv_mpb_array, pfn_array);
	struct hv_page_buffer pb[MAX_PAGE_BUFFER_COUNT];
	size_t pos = offsetof(struct vmbus_packet_mpb_array, range);
	const struct hv_mpb_array *r;
	u32 i, n = 0, left, npfn, k;

	for (i = 0; i < desc->rangecount; i++) {
		if (pos + hdr > desc_size)
			return -EINVAL;
		r = (const void *)((const u8 *)desc + pos);
		if (!r->len || r->offset >= PAGE_SIZE)
			return -EINVAL;
		npfn = DIV_ROUND_UP(r->offset + r->len, PAGE_SIZE);
		if (pos + hdr + npfn * sizeof(u64) > desc_size ||
		    npfn > MAX_PAGE_BUFFER_COUNT - n)
			return -EINVAL;
		left = r->len;
		for (k = 0; k < npfn; k++) {
			pb[n].pfn = r->pfn_array[k];
			pb[n].offset = k ? 0 : r->offset;
			pb[n].len = min_t(u32, left, PAGE_SIZE - pb[n].offset);
			left -= pb[n].len;
			n++;
		}
		pos += hdr + npfn * sizeof(u64);
	}
	return vmbus_sendpacket_pagebuffer(chan, pb, n, buf, len, rid);
}
#endif
