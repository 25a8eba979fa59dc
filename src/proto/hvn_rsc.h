/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Receive-side coalescing (RSC): assembly of one frame from the fragments
 * the host spreads over the ranges of one transfer-page packet.
 */
#ifndef _HVN_PROTO_RSC_H
#define _HVN_PROTO_RSC_H

#include <hvn/types.h>
#include "hvn_rndis.h"
#include "hvn_viol.h"

/* Most fragments one frame may have (NVSP_RSC_MAX) */
#define HVN_RSC_MAX		562

/* hvn_rsc_add() results besides negative errors */
#define HVN_RSC_MORE		0	/* fragment kept, frame incomplete */
#define HVN_RSC_DONE		1	/* frame complete in the state */

/**
 * struct hvn_rsc_frag - one fragment of a frame
 * @data: bytes inside the receive buffer
 * @len: length
 */
struct hvn_rsc_frag {
	const u8 *data;
	u32 len;
};

/**
 * struct hvn_rsc - per-channel assembly state
 * @cnt: fragments collected
 * @pktlen: total length of the collected fragments
 * @done: the state holds a complete frame (cleared by the next add)
 * @meta: per-packet info of the first fragment (checksum, VLAN, hash)
 * @frag: the fragments, in order
 */
struct hvn_rsc {
	u32 cnt;
	u32 pktlen;
	bool done;
	struct hvn_rndis_rx_pkt meta;
	struct hvn_rsc_frag frag[HVN_RSC_MAX];
};

void hvn_rsc_reset(struct hvn_rsc *rsc);
int hvn_rsc_add(struct hvn_rsc *rsc, const struct hvn_rndis_rx_pkt *rx,
		bool last_range, struct hvn_violations *v);

#endif /* _HVN_PROTO_RSC_H */
