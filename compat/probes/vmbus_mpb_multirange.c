// SPDX-License-Identifier: GPL-2.0
/*
 * Probe: vmbus_sendpacket_mpb_desc() sends as many page ranges as the
 * caller puts in rangecount.  Kernels got that together with the removal
 * of vmbus_sendpacket_pagebuffer(); before, it always sent one range.  So
 * this compiles only where vmbus_sendpacket_pagebuffer() is not declared
 * (a variable of that name would clash with the function).
 */
#include <linux/hyperv.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static int __maybe_unused vmbus_sendpacket_pagebuffer;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct vmbus_packet_mpb_array *desc = NULL;

	(void)vmbus_sendpacket_mpb_desc(c, desc, 0, NULL, 0, 0);
}
