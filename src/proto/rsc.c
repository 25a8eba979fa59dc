// SPDX-License-Identifier: GPL-2.0
/*
 * RSC fragment assembly state machine.
 *
 * A frame is either a single RNDIS packet without an RSC packet id (or
 * without the SUBALLOC flag), or a chain of fragments: one with 1ST_FRAG,
 * any number of middle ones, one with LAST_FRAG, all within the ranges of
 * one transfer-page packet.  A fragment without a preceding first one, a
 * chain still open at the last range or interrupted by another frame, and
 * a chain longer than HVN_RSC_MAX are dropped and counted.
 */
#include "hvn_rsc.h"

/**
 * hvn_rsc_reset() - drop any collected fragments
 * @rsc: assembly state
 */
void hvn_rsc_reset(struct hvn_rsc *rsc)
{
	rsc->cnt = 0;
	rsc->pktlen = 0;
	rsc->done = false;
}

/**
 * hvn_rsc_add() - feed one validated RNDIS data packet
 * @rsc: assembly state of the channel
 * @rx: packet from hvn_rndis_parse_packet()
 * @last_range: @rx came from the last range of its transfer-page packet
 * @v: violation counters
 *
 * When HVN_RSC_DONE is returned, @rsc->frag[0..cnt-1] is the frame and
 * @rsc->meta its per-packet info; the fragments point into the receive
 * buffer and stay valid until the packet is completed to the host.  The
 * next call starts a new frame.  A frame's first fragment must hold at
 * least an Ethernet header.
 *
 * Every dropped chain or fragment is counted once: an open chain that a
 * new frame interrupts is counted (HVN_V_RSC_UNTERMINATED) before the new
 * fragment is handled, so one call may count twice.
 *
 * Return: HVN_RSC_MORE, HVN_RSC_DONE, or -EPROTO when the fragment (and
 * any chain it belonged to) was dropped.
 */
int hvn_rsc_add(struct hvn_rsc *rsc, const struct hvn_rndis_rx_pkt *rx,
		bool last_range, struct hvn_violations *v)
{
	bool chained = (rx->flags & HVN_RX_PKTINFO) &&
		       (rx->rsc_flag & HVN_PKTINFO_SUBALLOC);
	bool first, done;

	if (rsc->done)
		hvn_rsc_reset(rsc);

	if (!chained || (rx->rsc_flag & HVN_PKTINFO_1ST_FRAG)) {
		if (rsc->cnt) {
			/* the previous chain never got its last fragment */
			hvn_viol(v, HVN_V_RSC_UNTERMINATED);
			hvn_rsc_reset(rsc);
		}
		first = true;
	} else {
		if (!rsc->cnt)
			return hvn_viol(v, HVN_V_RSC_NO_FIRST);
		first = false;
	}
	done = !chained || (rx->rsc_flag & HVN_PKTINFO_LAST_FRAG);

	if (first) {
		if (rx->data_len < HVN_ETH_HLEN)
			return hvn_viol(v, HVN_V_RX_TOO_SHORT);
		rsc->meta = *rx;
	}
	if (rsc->cnt >= HVN_RSC_MAX) {
		hvn_rsc_reset(rsc);
		return hvn_viol(v, HVN_V_RSC_TOO_MANY);
	}
	if (rx->data_len > U32_MAX - rsc->pktlen) {
		hvn_rsc_reset(rsc);
		return hvn_viol(v, HVN_V_RSC_LEN);
	}

	rsc->frag[rsc->cnt].data = rx->data;
	rsc->frag[rsc->cnt].len = rx->data_len;
	rsc->cnt++;
	rsc->pktlen += rx->data_len;

	if (done) {
		rsc->done = true;
		return HVN_RSC_DONE;
	}
	if (last_range) {
		hvn_rsc_reset(rsc);
		return hvn_viol(v, HVN_V_RSC_UNTERMINATED);
	}
	return HVN_RSC_MORE;
}
