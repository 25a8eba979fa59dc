/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVSP (Network Virtual Service Provider) protocol: the messages exchanged
 * between the guest network driver and the host over the VMBus channel.
 *
 * Wire format, little endian.  Facts from public sources (Linux, FreeBSD,
 * DPDK, OpenVMM); see /work/shared/notes/protocol-facts.md.
 */
#ifndef _HVN_NVSP_H
#define _HVN_NVSP_H

#include <hvn/types.h>

/* Protocol versions (major << 16 | minor); there is no version 3. */
#define HVN_NVSP_VERSION(major, minor)	(((u32)(major) << 16) | (minor))
#define HVN_NVSP_VERSION_1		0x00000002
#define HVN_NVSP_VERSION_2		0x00030002
#define HVN_NVSP_VERSION_4		0x00040000
#define HVN_NVSP_VERSION_5		0x00050000
#define HVN_NVSP_VERSION_6		0x00060000
#define HVN_NVSP_VERSION_61		0x00060001

/* NDIS versions sent with HVN_NVSP_MSG_SEND_NDIS_VER */
#define HVN_NDIS_VERSION_MAJOR		6
#define HVN_NDIS_VERSION_MINOR_61	1	/* NVSP <= 4 */
#define HVN_NDIS_VERSION_MINOR_630	30	/* NVSP >= 5 */

/* Message types (hvn_nvsp_hdr.msg_type) */
enum hvn_nvsp_msg_type {
	HVN_NVSP_MSG_NONE			= 0,

	HVN_NVSP_MSG_INIT			= 1,
	HVN_NVSP_MSG_INIT_COMPLETE		= 2,

	/* Version 1 */
	HVN_NVSP_MSG1_SEND_NDIS_VER		= 100,
	HVN_NVSP_MSG1_SEND_RECV_BUF		= 101,
	HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE	= 102,
	HVN_NVSP_MSG1_REVOKE_RECV_BUF		= 103,
	HVN_NVSP_MSG1_SEND_SEND_BUF		= 104,
	HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE	= 105,
	HVN_NVSP_MSG1_REVOKE_SEND_BUF		= 106,
	HVN_NVSP_MSG1_SEND_RNDIS_PKT		= 107,
	HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE	= 108,

	/* Version 2: chimney, VMQ, receive buffer allocation (unused) */
	HVN_NVSP_MSG2_SEND_CHIMNEY_DELEGATED_BUF	= 109,
	HVN_NVSP_MSG2_SEND_CHIMNEY_DELEGATED_BUF_COMP	= 110,
	HVN_NVSP_MSG2_REVOKE_CHIMNEY_DELEGATED_BUF	= 111,
	HVN_NVSP_MSG2_RESUME_CHIMNEY_RX_INDICATION	= 112,
	HVN_NVSP_MSG2_TERMINATE_CHIMNEY			= 113,
	HVN_NVSP_MSG2_TERMINATE_CHIMNEY_COMP		= 114,
	HVN_NVSP_MSG2_INDICATE_CHIMNEY_EVENT		= 115,
	HVN_NVSP_MSG2_SEND_CHIMNEY_PKT			= 116,
	HVN_NVSP_MSG2_SEND_CHIMNEY_PKT_COMP		= 117,
	HVN_NVSP_MSG2_POST_CHIMNEY_RECV_REQ		= 118,
	HVN_NVSP_MSG2_POST_CHIMNEY_RECV_REQ_COMP	= 119,
	HVN_NVSP_MSG2_ALLOC_RX_BUF			= 120,
	HVN_NVSP_MSG2_ALLOC_RX_BUF_COMP			= 121,
	HVN_NVSP_MSG2_FREE_RX_BUF			= 122,
	HVN_NVSP_MSG2_SEND_VMQ_RNDIS_PKT		= 123,
	HVN_NVSP_MSG2_SEND_VMQ_RNDIS_PKT_COMP		= 124,
	HVN_NVSP_MSG2_SEND_NDIS_CONFIG			= 125,
	HVN_NVSP_MSG2_ALLOC_CHIMNEY_HANDLE		= 126,
	HVN_NVSP_MSG2_ALLOC_CHIMNEY_HANDLE_COMP		= 127,

	/* Version 4 */
	HVN_NVSP_MSG4_SEND_VF_ASSOCIATION	= 128,
	HVN_NVSP_MSG4_SWITCH_DATA_PATH		= 129,
	HVN_NVSP_MSG4_UPLINK_CONNECT_STATE	= 130,	/* deprecated */

	/* Version 5 */
	HVN_NVSP_MSG5_OID_QUERY_EX		= 131,
	HVN_NVSP_MSG5_OID_QUERY_EX_COMP		= 132,
	HVN_NVSP_MSG5_SUBCHANNEL		= 133,
	HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE	= 134,

	/* Version 6: PacketDirect (unused) */
	HVN_NVSP_MSG6_PD_API			= 135,
	HVN_NVSP_MSG6_PD_POST_BATCH		= 136,
};

/* Status codes in completions */
enum hvn_nvsp_status {
	HVN_NVSP_STAT_NONE			= 0,
	HVN_NVSP_STAT_SUCCESS			= 1,
	HVN_NVSP_STAT_FAIL			= 2,
	HVN_NVSP_STAT_PROTOCOL_TOO_NEW		= 3,
	HVN_NVSP_STAT_PROTOCOL_TOO_OLD		= 4,
	HVN_NVSP_STAT_INVALID_RNDIS_PKT		= 5,
	HVN_NVSP_STAT_BUSY			= 6,
	HVN_NVSP_STAT_PROTOCOL_UNSUPPORTED	= 7,
};

/* Buffer ids (SEND_RECV_BUF / SEND_SEND_BUF / xfer page set id) */
#define HVN_NVSP_RECV_BUF_ID		0xcafe
#define HVN_NVSP_SEND_BUF_ID		0

/* RNDIS channel type in SEND_RNDIS_PKT */
#define HVN_NVSP_CHANNEL_DATA		0
#define HVN_NVSP_CHANNEL_CONTROL	1

/* send_buf_section_index when the packet is not in the send buffer */
#define HVN_NVSP_INVALID_SECTION	0xffffffff

/* NDIS config capability bits (u64, SEND_NDIS_CONFIG) */
#define HVN_NVSP_CAP_VMQ		BIT_ULL(0)
#define HVN_NVSP_CAP_CHIMNEY		BIT_ULL(1)
#define HVN_NVSP_CAP_SRIOV		BIT_ULL(2)
#define HVN_NVSP_CAP_IEEE8021Q		BIT_ULL(3)
#define HVN_NVSP_CAP_CORRELATION_ID	BIT_ULL(4)
#define HVN_NVSP_CAP_TEAMING		BIT_ULL(5)
#define HVN_NVSP_CAP_VSUBNETID		BIT_ULL(6)
#define HVN_NVSP_CAP_RSC		BIT_ULL(7)

/* Subchannel operation */
#define HVN_NVSP_SUBCHANNEL_NONE	0
#define HVN_NVSP_SUBCHANNEL_ALLOCATE	1

/* Data path (SWITCH_DATA_PATH) */
#define HVN_NVSP_DATAPATH_SYNTHETIC	0
#define HVN_NVSP_DATAPATH_VF		1

/* Send indirection table: fixed number of entries */
#define HVN_NVSP_SEND_TABLE_SIZE	16

/* Minimum recv/send section size the driver accepts (ETH_MIN_MTU) */
#define HVN_NVSP_MIN_SECTION_SIZE	68

/* Buffer size limits (bytes) */
#define HVN_NVSP_RECV_BUF_MAX		(31 * 1024 * 1024)
#define HVN_NVSP_RECV_BUF_MAX_LEGACY	(15 * 1024 * 1024)	/* NVSP <= 2 */
#define HVN_NVSP_SEND_BUF_MAX		(15 * 1024 * 1024)

/* MTU limits */
#define HVN_MTU_MIN			68
#define HVN_MTU_MAX			(65535 - 14)	/* NVSP >= 2 */
#define HVN_MTU_MAX_LEGACY		1500		/* NVSP 1 */

/* --- message bodies --- */

struct hvn_nvsp_hdr {
	u32 msg_type;
} __packed;

struct hvn_nvsp_init {
	u32 min_protocol_ver;
	u32 max_protocol_ver;
} __packed;

struct hvn_nvsp_init_complete {
	u32 negotiated_protocol_ver;	/* deprecated */
	u32 max_mdl_chain_len;
	u32 status;
} __packed;

struct hvn_nvsp1_send_ndis_ver {
	u32 ndis_major_ver;
	u32 ndis_minor_ver;
} __packed;

struct hvn_nvsp1_send_recv_buf {
	u32 gpadl_handle;
	u16 id;
} __packed;

struct hvn_nvsp1_recv_buf_section {
	u32 offset;
	u32 sub_alloc_size;
	u32 num_sub_allocs;
	u32 end_offset;
} __packed;

/*
 * The host may describe num_sections sections; the guest accepts exactly
 * one (the only layout used in practice), so only that one is declared.
 */
struct hvn_nvsp1_send_recv_buf_complete {
	u32 status;
	u32 num_sections;
	struct hvn_nvsp1_recv_buf_section section;
} __packed;

struct hvn_nvsp1_revoke_recv_buf {
	u16 id;
} __packed;

struct hvn_nvsp1_send_send_buf {
	u32 gpadl_handle;
	u16 id;
} __packed;

struct hvn_nvsp1_send_send_buf_complete {
	u32 status;
	u32 section_size;
} __packed;

struct hvn_nvsp1_revoke_send_buf {
	u16 id;
} __packed;

struct hvn_nvsp1_send_rndis_pkt {
	u32 channel_type;
	u32 send_buf_section_index;
	u32 send_buf_section_size;
} __packed;

struct hvn_nvsp1_send_rndis_pkt_complete {
	u32 status;
} __packed;

struct hvn_nvsp2_send_ndis_config {
	u32 mtu;
	u32 reserved;
	u64 capability;
} __packed;

struct hvn_nvsp4_send_vf_association {
	u32 allocated;	/* nonzero: a VF is present */
	u32 serial;	/* matches the VF's PCI slot serial */
} __packed;

struct hvn_nvsp4_switch_data_path {
	u32 active_datapath;
} __packed;

struct hvn_nvsp5_subchannel_request {
	u32 op;
	u32 num_subchannels;
} __packed;

struct hvn_nvsp5_subchannel_complete {
	u32 status;
	u32 num_subchannels;
} __packed;

/* @offset: of the u32 table from the start of the NVSP message */
struct hvn_nvsp5_send_indirection_table {
	u32 count;
	u32 offset;
} __packed;

/* Size of the message union (the V6 "uber" union) */
#define HVN_NVSP_MSG_BODY_SIZE		36

/**
 * struct hvn_nvsp_msg - an NVSP message as sent on the channel
 * @hdr: message type
 * @msg: message body, one member per message type; @msg.raw covers the
 *	whole body
 */
struct hvn_nvsp_msg {
	struct hvn_nvsp_hdr hdr;
	union {
		struct hvn_nvsp_init init;
		struct hvn_nvsp_init_complete init_complete;
		struct hvn_nvsp1_send_ndis_ver send_ndis_ver;
		struct hvn_nvsp1_send_recv_buf send_recv_buf;
		struct hvn_nvsp1_send_recv_buf_complete send_recv_buf_complete;
		struct hvn_nvsp1_revoke_recv_buf revoke_recv_buf;
		struct hvn_nvsp1_send_send_buf send_send_buf;
		struct hvn_nvsp1_send_send_buf_complete send_send_buf_complete;
		struct hvn_nvsp1_revoke_send_buf revoke_send_buf;
		struct hvn_nvsp1_send_rndis_pkt send_rndis_pkt;
		struct hvn_nvsp1_send_rndis_pkt_complete send_rndis_pkt_complete;
		struct hvn_nvsp2_send_ndis_config send_ndis_config;
		struct hvn_nvsp4_send_vf_association vf_association;
		struct hvn_nvsp4_switch_data_path switch_data_path;
		struct hvn_nvsp5_subchannel_request subchannel_request;
		struct hvn_nvsp5_subchannel_complete subchannel_complete;
		struct hvn_nvsp5_send_indirection_table send_table;
		u8 raw[HVN_NVSP_MSG_BODY_SIZE];
	} msg;
} __packed;

/* Size of a message sent by the driver, and of the legacy V1 message */
#define HVN_NVSP_MSG_SIZE		40
#define HVN_NVSP_MSG_SIZE_V1		28

/* Minimum message lengths (header + body) the guest accepts from the host */
#define HVN_NVSP_LEN(member) \
	(sizeof(struct hvn_nvsp_hdr) + \
	 sizeof(((struct hvn_nvsp_msg *)0)->msg.member))

/* Offset the NVSP <= 6 host bug puts the send table at (hdr + union) */
#define HVN_NVSP_SEND_TABLE_QUIRK_OFFSET \
	(sizeof(struct hvn_nvsp_hdr) + HVN_NVSP_MSG_BODY_SIZE)

static_assert(sizeof(struct hvn_nvsp_hdr) == 4);
static_assert(sizeof(struct hvn_nvsp_init) == 8);
static_assert(sizeof(struct hvn_nvsp_init_complete) == 12);
static_assert(sizeof(struct hvn_nvsp1_send_recv_buf) == 6);
static_assert(sizeof(struct hvn_nvsp1_recv_buf_section) == 16);
static_assert(sizeof(struct hvn_nvsp1_send_recv_buf_complete) == 24);
static_assert(sizeof(struct hvn_nvsp1_send_rndis_pkt) == 12);
static_assert(sizeof(struct hvn_nvsp2_send_ndis_config) == 16);
static_assert(sizeof(struct hvn_nvsp5_send_indirection_table) == 8);
static_assert(sizeof(struct hvn_nvsp_msg) == HVN_NVSP_MSG_SIZE);
static_assert(sizeof(struct hvn_nvsp_hdr) +
	      sizeof(struct hvn_nvsp1_send_recv_buf_complete) ==
	      HVN_NVSP_MSG_SIZE_V1);

#endif /* _HVN_NVSP_H */
