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
