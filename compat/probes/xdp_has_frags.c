// SPDX-License-Identifier: GPL-2.0
/* Probe: multi-buffer XDP programs: bpf_prog_aux.xdp_has_frags. */
#include <linux/bpf.h>
#include <linux/filter.h>

struct net_device;
struct napi_struct;
struct sk_buff;
struct vmbus_channel;

static void __maybe_unused probe(struct net_device *d, struct napi_struct *n,
				 struct sk_buff *s, struct vmbus_channel *c)
{
	struct bpf_prog *p = NULL;

	(void)p->aux->xdp_has_frags;
}
