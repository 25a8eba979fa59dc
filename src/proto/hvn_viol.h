/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counters of protocol violations seen in host input.
 *
 * Every host-to-guest entry point of the pure protocol code takes a
 * struct hvn_violations, and when it rejects input it increments exactly
 * one counter and records it in @last, so the kernel glue can log a
 * rate-limited message naming the check and export all counters through
 * ethtool -S.  RSC assembly (hvn_rsc_add()) counts once per dropped chain
 * or fragment instead: a call that drops an interrupted chain counts that
 * too, so it may count once while accepting and twice while rejecting.
 * The struct is not locked: use one per channel (or protect it) and add
 * them up for reporting.
 */
#ifndef _HVN_PROTO_VIOL_H
#define _HVN_PROTO_VIOL_H

#include <hvn/types.h>

enum hvn_viol {
	/* VMBus packet framing */
	HVN_V_VMPKT_SHORT,		/* shorter than a descriptor */
	HVN_V_VMPKT_BAD_LEN,		/* offset8/len8 inconsistent */
	HVN_V_VMPKT_BAD_TYPE,		/* unexpected VMBus packet type */
	/* transfer-page (receive) packets */
	HVN_V_XFER_NVSP_TYPE,		/* NVSP type other than RNDIS_PKT */
	HVN_V_XFER_HDR,			/* data offset below xfer header */
	HVN_V_XFER_PAGESET,		/* page set id is not 0xcafe */
	HVN_V_XFER_RANGE_CNT,		/* range count does not fit */
	HVN_V_XFER_RANGE_BOUNDS,	/* offset + len beyond recv buffer */
	HVN_V_XFER_RANGE_SECTION,	/* len beyond recv section size */
	/* NVSP messages */
	HVN_V_NVSP_SHORT,		/* shorter than header + body */
	HVN_V_NVSP_UNKNOWN_TYPE,	/* unexpected message type */
	HVN_V_NVSP_HOST_FAIL,		/* host reported a failure status */
	HVN_V_RECVBUF_SECTIONS,		/* num_sections != 1 */
	HVN_V_RECVBUF_OFFSET,		/* section offset != 0 */
	HVN_V_RECVBUF_SECTION_SIZE,	/* sub_alloc_size too small */
	HVN_V_RECVBUF_SECTION_COUNT,	/* zero or size * count too big */
	HVN_V_SENDBUF_SECTION_SIZE,	/* send section too small or big */
	HVN_V_SUBCHAN_COUNT,		/* more subchannels than requested */
	HVN_V_SEND_TABLE_COUNT,		/* send table count != 16 */
	HVN_V_SEND_TABLE_OFFSET,	/* send table out of the message */
	HVN_V_DATAPATH_VALUE,		/* data path neither 0 nor 1 */
	/* RNDIS messages */
	HVN_V_RNDIS_SHORT,		/* shorter than header + body */
	HVN_V_RNDIS_MSG_LEN,		/* msg_len < 8 or beyond buffer */
	HVN_V_RNDIS_UNKNOWN_TYPE,	/* unexpected RNDIS message type */
	HVN_V_RNDIS_DATA_OFFSET,	/* data_offset out of the message */
	HVN_V_RNDIS_DATA_LEN,		/* data_len zero or too big */
	HVN_V_RNDIS_PPI_BOUNDS,		/* PPI area out of the message */
	HVN_V_RNDIS_PPI_ENTRY,		/* PPI element size/offset bad */
	HVN_V_RNDIS_PPI_PAYLOAD,	/* known PPI with short payload */
	HVN_V_RNDIS_INFO_BOUNDS,	/* query info buffer out of bounds */
	HVN_V_RNDIS_INDICATE_BOUNDS,	/* status buffer out of bounds */
	HVN_V_RNDIS_INIT_PARAMS,	/* bad INIT completion values */
	HVN_V_RNDIS_OBJ_HDR,		/* bad NDIS object header */
	/* receive-path assembly */
	HVN_V_RSC_NO_FIRST,		/* RSC fragment without a first */
	HVN_V_RSC_UNTERMINATED,		/* RSC chain without a last */
	HVN_V_RSC_TOO_MANY,		/* more than HVN_RSC_MAX fragments */
	HVN_V_RSC_LEN,			/* total length overflows */
	HVN_V_RX_TOO_SHORT,		/* frame shorter than Ethernet hdr */
	/* request ids in completions */
	HVN_V_REQID_UNKNOWN,		/* id never issued / out of range */
	HVN_V_REQID_DUPLICATE,		/* id not outstanding (completed) */
	HVN_V_REQID_STALE,		/* id of an earlier use of a slot */
	/* send sections (guest-internal consistency) */
	HVN_V_SECTION_RANGE,		/* section index out of range */
	HVN_V_SECTION_DOUBLE_FREE,	/* section freed twice */

	HVN_V_NR
};

/**
 * struct hvn_violations - counters, indexed by enum hvn_viol
 * @cnt: one counter per check
 * @last: the check that failed most recently (valid when @total != 0)
 * @total: sum of all counters
 */
struct hvn_violations {
	u64 cnt[HVN_V_NR];
	u64 total;
	u32 last;
};

/**
 * hvn_viol_name() - stable name of a counter, for logs and ethtool -S
 * @which: counter index
 *
 * Return: a lowercase name such as "xfer_pageset", or "unknown".
 */
const char *hvn_viol_name(unsigned int which);

/**
 * hvn_viol() - count one violation
 * @v: counters, may be NULL
 * @which: counter index
 *
 * Return: -EPROTO, for use as "return hvn_viol(v, HVN_V_...);".
 */
int hvn_viol(struct hvn_violations *v, enum hvn_viol which);

#endif /* _HVN_PROTO_VIOL_H */
