/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMBus ring-buffer packet wire layouts used by the network device.
 *
 * Own names (hvn_vmpkt_*) so that userspace code and the host emulator can
 * use them without <linux/hyperv.h>.  All fields are little endian; x86_64
 * is the only target, so plain integer fields are used.
 */
#ifndef _HVN_VMBUS_PKT_H
#define _HVN_VMBUS_PKT_H

#include <hvn/types.h>

/* Packet types (hvn_vmpkt_desc.type) */
#define HVN_VMPKT_DATA_INBAND		0x6
#define HVN_VMPKT_DATA_XFER_PAGES	0x7
#define HVN_VMPKT_DATA_GPA_DIRECT	0x9
#define HVN_VMPKT_COMP			0xb

/* hvn_vmpkt_desc.flags */
#define HVN_VMPKT_FLAG_COMPLETION_REQUESTED	0x1

/* Offsets and lengths in the descriptor are in units of 8 bytes. */
#define HVN_VMPKT_UNIT_SHIFT		3

/**
 * struct hvn_vmpkt_desc - common VMBus packet descriptor
 * @type: packet type, HVN_VMPKT_*
 * @offset8: offset of the payload from the start of the descriptor, in 8 bytes
 * @len8: total packet length including the descriptor, in 8 bytes
 * @flags: HVN_VMPKT_FLAG_*
 * @trans_id: transaction id, echoed in the completion
 */
struct hvn_vmpkt_desc {
	u16 type;
	u16 offset8;
	u16 len8;
	u16 flags;
	u64 trans_id;
} __packed;

/* One range of a transfer-page packet (a piece of the receive buffer). */
struct hvn_vmpkt_xfer_range {
	u32 byte_count;
	u32 byte_offset;
} __packed;

/* Header of a HVN_VMPKT_DATA_XFER_PAGES packet; ranges follow. */
struct hvn_vmpkt_xfer_hdr {
	struct hvn_vmpkt_desc d;
	u16 xfer_pageset_id;
	u8 sender_owns_set;
	u8 reserved;
	u32 range_cnt;
	struct hvn_vmpkt_xfer_range ranges[];
} __packed;

/* Size of a transfer-page header with @cnt ranges (64-bit, cannot wrap). */
#define HVN_VMPKT_XFER_HDR_SIZE(cnt) \
	(sizeof(struct hvn_vmpkt_xfer_hdr) + \
	 (u64)(cnt) * sizeof(struct hvn_vmpkt_xfer_range))

/* One page range of a GPA-direct packet: a buffer inside one page. */
struct hvn_vmpkt_page_range {
	u32 len;
	u32 offset;
	u64 pfn;
} __packed;

/* Header of a HVN_VMPKT_DATA_GPA_DIRECT (page buffer) packet. */
struct hvn_vmpkt_gpa_hdr {
	struct hvn_vmpkt_desc d;
	u32 reserved;
	u32 range_cnt;
	struct hvn_vmpkt_page_range range[];
} __packed;

/* Maximum page ranges one GPA-direct packet may carry. */
#define HVN_VMPKT_MAX_PAGE_RANGES	32

static_assert(sizeof(struct hvn_vmpkt_desc) == 16);
static_assert(sizeof(struct hvn_vmpkt_xfer_range) == 8);
static_assert(sizeof(struct hvn_vmpkt_xfer_hdr) == 24);
static_assert(sizeof(struct hvn_vmpkt_page_range) == 16);
static_assert(sizeof(struct hvn_vmpkt_gpa_hdr) == 24);

#endif /* _HVN_VMBUS_PKT_H */
