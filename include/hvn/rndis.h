/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RNDIS messages, NDIS OIDs and NDIS objects as used by the Hyper-V
 * synthetic network device (carried inside NVSP SEND_RNDIS_PKT messages).
 *
 * Wire format, little endian.  Offsets inside RNDIS message bodies count
 * from the start of the body (the byte after the 8-byte header), as in the
 * MS-RNDIS specification.  Names use the HVN_/hvn_ prefix so they can
 * coexist with <linux/rndis.h> in kernel builds.
 */
#ifndef _HVN_RNDIS_H
#define _HVN_RNDIS_H

#include <hvn/types.h>

/* --- message types --- */
#define HVN_RNDIS_MSG_PACKET		0x00000001
#define HVN_RNDIS_MSG_INIT		0x00000002
#define HVN_RNDIS_MSG_HALT		0x00000003
#define HVN_RNDIS_MSG_QUERY		0x00000004
#define HVN_RNDIS_MSG_SET		0x00000005
#define HVN_RNDIS_MSG_RESET		0x00000006
#define HVN_RNDIS_MSG_INDICATE		0x00000007
#define HVN_RNDIS_MSG_KEEPALIVE		0x00000008
#define HVN_RNDIS_MSG_SET_EX		0x00000009
#define HVN_RNDIS_MSG_COMPLETION	0x80000000
#define HVN_RNDIS_MSG_INIT_C		(HVN_RNDIS_MSG_INIT | HVN_RNDIS_MSG_COMPLETION)
#define HVN_RNDIS_MSG_QUERY_C		(HVN_RNDIS_MSG_QUERY | HVN_RNDIS_MSG_COMPLETION)
#define HVN_RNDIS_MSG_SET_C		(HVN_RNDIS_MSG_SET | HVN_RNDIS_MSG_COMPLETION)
#define HVN_RNDIS_MSG_RESET_C		(HVN_RNDIS_MSG_RESET | HVN_RNDIS_MSG_COMPLETION)
#define HVN_RNDIS_MSG_KEEPALIVE_C	(HVN_RNDIS_MSG_KEEPALIVE | HVN_RNDIS_MSG_COMPLETION)

/* --- status codes --- */
#define HVN_RNDIS_STATUS_SUCCESS		0x00000000
#define HVN_RNDIS_STATUS_PENDING		0x00000103
#define HVN_RNDIS_STATUS_MEDIA_CONNECT		0x4001000B
#define HVN_RNDIS_STATUS_MEDIA_DISCONNECT	0x4001000C
#define HVN_RNDIS_STATUS_LINK_SPEED_CHANGE	0x40010013
#define HVN_RNDIS_STATUS_NETWORK_CHANGE		0x40010018
#define HVN_RNDIS_STATUS_BUFFER_OVERFLOW	0x80000005
#define HVN_RNDIS_STATUS_FAILURE		0xC0000001
#define HVN_RNDIS_STATUS_RESOURCES		0xC000009A
#define HVN_RNDIS_STATUS_NOT_SUPPORTED		0xC00000BB
#define HVN_RNDIS_STATUS_INVALID_DATA		0xC0010015

/* --- protocol constants --- */
#define HVN_RNDIS_MAJOR_VERSION		1
#define HVN_RNDIS_MINOR_VERSION		0
#define HVN_RNDIS_MAX_XFER_SIZE		0x4000	/* guest INIT max_xfer_size */
#define HVN_RNDIS_DF_CONNECTIONLESS	0x00000001
#define HVN_RNDIS_MEDIUM_802_3		0x00000000
/* Largest pkt_alignment_factor the guest accepts (4 KiB alignment) */
#define HVN_RNDIS_MAX_ALIGN_SHIFT	12

/* --- OIDs --- */
#define HVN_OID_GEN_SUPPORTED_LIST		0x00010101
#define HVN_OID_GEN_MAXIMUM_FRAME_SIZE		0x00010106
#define HVN_OID_GEN_LINK_SPEED			0x00010107
#define HVN_OID_GEN_CURRENT_PACKET_FILTER	0x0001010E
#define HVN_OID_GEN_MEDIA_CONNECT_STATUS	0x00010114
#define HVN_OID_GEN_RECEIVE_SCALE_CAPABILITIES	0x00010203
#define HVN_OID_GEN_RECEIVE_SCALE_PARAMETERS	0x00010204
#define HVN_OID_GEN_RNDIS_CONFIG_PARAMETER	0x0001021B
#define HVN_OID_GEN_FRIENDLY_NAME		0x00020216
#define HVN_OID_802_3_PERMANENT_ADDRESS		0x01010101
#define HVN_OID_802_3_CURRENT_ADDRESS		0x01010102
#define HVN_OID_802_3_MULTICAST_LIST		0x01010103
#define HVN_OID_OFFLOAD_ENCAPSULATION		0x0101010A
#define HVN_OID_TCP_OFFLOAD_CURRENT_CONFIG	0xFC01020B
#define HVN_OID_TCP_OFFLOAD_PARAMETERS		0xFC01020C
#define HVN_OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES 0xFC01020D

/* OID_GEN_MEDIA_CONNECT_STATUS values */
#define HVN_NDIS_MEDIA_STATE_CONNECTED		0
#define HVN_NDIS_MEDIA_STATE_DISCONNECTED	1

/* OID_GEN_CURRENT_PACKET_FILTER bits */
#define HVN_NDIS_PACKET_TYPE_DIRECTED		0x00000001
#define HVN_NDIS_PACKET_TYPE_MULTICAST		0x00000002
#define HVN_NDIS_PACKET_TYPE_ALL_MULTICAST	0x00000004
#define HVN_NDIS_PACKET_TYPE_BROADCAST		0x00000008
#define HVN_NDIS_PACKET_TYPE_SOURCE_ROUTING	0x00000010
#define HVN_NDIS_PACKET_TYPE_PROMISCUOUS	0x00000020

/* RNDIS config parameter (OID_GEN_RNDIS_CONFIG_PARAMETER) */
#define HVN_RNDIS_CONFIG_PARAM_TYPE_INTEGER	0
#define HVN_RNDIS_CONFIG_PARAM_TYPE_STRING	2

/* --- message structures --- */

struct hvn_rndis_hdr {
	u32 msg_type;
	u32 msg_len;	/* whole message including this header */
} __packed;

#define HVN_RNDIS_HDR_SIZE	sizeof(struct hvn_rndis_hdr)

/* RNDIS_MSG_PACKET body; offsets from the start of this body */
struct hvn_rndis_packet {
	u32 data_offset;
	u32 data_len;
	u32 oob_data_offset;
	u32 oob_data_len;
	u32 num_oob_data_elements;
	u32 per_pkt_info_offset;
	u32 per_pkt_info_len;
	u32 vc_handle;
	u32 reserved;
} __packed;

struct hvn_rndis_init_req {
	u32 req_id;
	u32 major_ver;
	u32 minor_ver;
	u32 max_xfer_size;
} __packed;

struct hvn_rndis_init_comp {
	u32 req_id;
	u32 status;
	u32 major_ver;
	u32 minor_ver;
	u32 dev_flags;
	u32 medium;
	u32 max_pkt_per_msg;
	u32 max_xfer_size;
	u32 pkt_alignment_factor;
	u32 af_list_offset;
	u32 af_list_size;
} __packed;

struct hvn_rndis_halt_req {
	u32 req_id;
} __packed;

/* Query and set requests share this layout; info follows at info_buf_offset */
struct hvn_rndis_query_req {
	u32 req_id;
	u32 oid;
	u32 info_buflen;
	u32 info_buf_offset;
	u32 dev_vc_handle;
} __packed;

struct hvn_rndis_query_comp {
	u32 req_id;
	u32 status;
	u32 info_buflen;
	u32 info_buf_offset;
} __packed;

struct hvn_rndis_set_req {
	u32 req_id;
	u32 oid;
	u32 info_buflen;
	u32 info_buf_offset;
	u32 dev_vc_handle;
} __packed;

struct hvn_rndis_set_comp {
	u32 req_id;
	u32 status;
} __packed;

struct hvn_rndis_reset_req {
	u32 reserved;
} __packed;

struct hvn_rndis_reset_comp {
	u32 status;
	u32 addressing_reset;
} __packed;

struct hvn_rndis_indicate {
	u32 status;
	u32 status_buflen;
	u32 status_buf_offset;
} __packed;

struct hvn_rndis_keepalive_req {
	u32 req_id;
} __packed;

struct hvn_rndis_keepalive_comp {
	u32 req_id;
	u32 status;
} __packed;

/* Body of OID_GEN_RNDIS_CONFIG_PARAMETER; offsets from its start */
struct hvn_rndis_config_param {
	u32 name_offset;
	u32 name_length;
	u32 type;
	u32 value_offset;
	u32 value_length;
} __packed;

/* --- per-packet info --- */

/**
 * struct hvn_rndis_ppi - per-packet-info element header
 * @size: size of the element including this header
 * @type: bits 0..30 type (HVN_PPI_*), bit 31 "internal" flag
 * @ppi_offset: offset of the payload from the start of this header
 */
struct hvn_rndis_ppi {
	u32 size;
	u32 type;
	u32 ppi_offset;
} __packed;

#define HVN_PPI_TYPE_MASK		0x7fffffff
#define HVN_PPI_INTERNAL		0x80000000

/* PPI types (internal flag clear unless noted) */
#define HVN_PPI_TCPIP_CHKSUM		0
#define HVN_PPI_IPSEC			1
#define HVN_PPI_TCP_LARGESEND		2
#define HVN_PPI_CLASSIFICATION_HANDLE	3
#define HVN_PPI_SG_LIST			5
#define HVN_PPI_IEEE_8021Q		6
#define HVN_PPI_ORIGINAL		7
#define HVN_PPI_NBL_HASH_VALUE		8
#define HVN_PPI_NBL_HASH_INFO		9
#define HVN_PPI_CACHED_NBL		10
#define HVN_PPI_SHORT_PKT_PADINFO	11
/* With the internal flag set: RSC fragment id */
#define HVN_PPI_PKTINFO_ID		1

/* Size of one PPI element carrying a u32 payload, as the guest builds it */
#define HVN_PPI_U32_SIZE	(sizeof(struct hvn_rndis_ppi) + sizeof(u32))

/* TCPIP_CHKSUM, transmit (u32) */
#define HVN_TXCSUM_IS_IPV4		BIT(0)
#define HVN_TXCSUM_IS_IPV6		BIT(1)
#define HVN_TXCSUM_TCP			BIT(2)
#define HVN_TXCSUM_UDP			BIT(3)
#define HVN_TXCSUM_IP_HDR		BIT(4)
#define HVN_TXCSUM_TCP_HDR_OFF_SHIFT	16
#define HVN_TXCSUM_TCP_HDR_OFF_MAX	0x3ff

/* TCPIP_CHKSUM, receive (u32) */
#define HVN_RXCSUM_TCP_FAILED		BIT(0)
#define HVN_RXCSUM_UDP_FAILED		BIT(1)
#define HVN_RXCSUM_IP_FAILED		BIT(2)
#define HVN_RXCSUM_TCP_OK		BIT(3)
#define HVN_RXCSUM_UDP_OK		BIT(4)
#define HVN_RXCSUM_IP_OK		BIT(5)
#define HVN_RXCSUM_LOOPBACK		BIT(6)
#define HVN_RXCSUM_TCP_VALUE_INVALID	BIT(7)
#define HVN_RXCSUM_IP_VALUE_INVALID	BIT(8)

/* TCP_LARGESEND, LSOv2 transmit (u32) */
#define HVN_LSO_MSS_MASK		0x000fffff
#define HVN_LSO_TCP_HDR_OFF_SHIFT	20
#define HVN_LSO_TCP_HDR_OFF_MAX		0x3ff
#define HVN_LSO_TYPE_V2			BIT(30)
#define HVN_LSO_IPV6			BIT(31)

/* IEEE_8021Q (u32): pri 0..2, cfi 3, vlan id 4..15 */
#define HVN_VLAN_PRI_MASK		0x7
#define HVN_VLAN_CFI_SHIFT		3
#define HVN_VLAN_ID_SHIFT		4
#define HVN_VLAN_ID_MASK		0xfff

/* RSC fragment id (internal PKTINFO_ID) */
struct hvn_rndis_pktinfo_id {
	u8 ver;
	u8 flag;
	u16 pkt_id;
} __packed;

#define HVN_PKTINFO_ID_V1		1
#define HVN_PKTINFO_SUBALLOC		BIT(0)
#define HVN_PKTINFO_1ST_FRAG		BIT(1)
#define HVN_PKTINFO_LAST_FRAG		BIT(2)

/* NBL_HASH_INFO bits (receive) */
#define HVN_HASH_INFO_FUNC_TOEPLITZ	0x00000001
#define HVN_HASH_INFO_TYPE_MASK		0x0001ff00

/* --- NDIS objects --- */

struct hvn_ndis_obj_hdr {
	u8 type;
	u8 revision;
	u16 size;
} __packed;

#define HVN_NDIS_OBJ_TYPE_DEFAULT		0x80
#define HVN_NDIS_OBJ_TYPE_RSS_CAPABILITIES	0x88
#define HVN_NDIS_OBJ_TYPE_RSS_PARAMETERS	0x89
#define HVN_NDIS_OBJ_TYPE_OFFLOAD		0xA7

/* Offload capabilities (OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES) */
struct hvn_ndis_csum_offload {
	u32 ip4_txenc;
	u32 ip4_txcsum;
	u32 ip4_rxenc;
	u32 ip4_rxcsum;
	u32 ip6_txenc;
	u32 ip6_txcsum;
	u32 ip6_rxenc;
	u32 ip6_rxcsum;
};

struct hvn_ndis_lsov1_offload {
	u32 encap;
	u32 maxsize;
	u32 minsegs;
	u32 opts;
};

struct hvn_ndis_ipsecv1_offload {
	u32 encap;
	u32 ah_esp;
	u32 xport_tun;
	u32 ip4_opts;
	u32 flags;
	u32 ip4_ah;
	u32 ip4_esp;
};

struct hvn_ndis_lsov2_offload {
	u32 ip4_encap;
	u32 ip4_maxsz;
	u32 ip4_minsg;
	u32 ip6_encap;
	u32 ip6_maxsz;
	u32 ip6_minsg;
	u32 ip6_opts;
};

struct hvn_ndis_ipsecv2_offload {
	u32 encap;
	u8 ip6;
	u8 ip4opt;
	u8 ip6ext;
	u8 ah;
	u8 esp;
	u8 ah_esp;
	u8 xport;
	u8 tun;
	u8 xport_tun;
	u8 lso;
	u8 extseq;
	u32 udp_esp;
	u32 auth;
	u32 crypto;
	u32 sa_caps;
};

struct hvn_ndis_rsc_offload {
	u8 ip4;
	u8 ip6;
};

struct hvn_ndis_encap_offload {
	u32 flags;
	u32 maxhdr;
};

/* NDIS_OFFLOAD; natural alignment as on the wire */
struct hvn_ndis_offload {
	struct hvn_ndis_obj_hdr hdr;
	struct hvn_ndis_csum_offload csum;
	struct hvn_ndis_lsov1_offload lsov1;
	struct hvn_ndis_ipsecv1_offload ipsecv1;
	struct hvn_ndis_lsov2_offload lsov2;
	u32 flags;
	/* revision 2 (NDIS 6.1) */
	struct hvn_ndis_ipsecv2_offload ipsecv2;
	/* revision 3 (NDIS 6.30) */
	struct hvn_ndis_rsc_offload rsc;
	struct hvn_ndis_encap_offload encap_gre;
};

#define HVN_NDIS_OFFLOAD_REV_1		1
#define HVN_NDIS_OFFLOAD_REV_2		2
#define HVN_NDIS_OFFLOAD_REV_3		3
#define HVN_NDIS_OFFLOAD_SIZE_REV_1	112
#define HVN_NDIS_OFFLOAD_SIZE_REV_2	144
#define HVN_NDIS_OFFLOAD_SIZE_REV_3	156

/* Encapsulation bits (csum *_txenc, lsov2 *_encap) */
#define HVN_NDIS_OFFLOAD_ENCAP_NONE		0x0000
#define HVN_NDIS_OFFLOAD_ENCAP_NULL		0x0001
#define HVN_NDIS_OFFLOAD_ENCAP_8023		0x0002
#define HVN_NDIS_OFFLOAD_ENCAP_8023PQ		0x0004
#define HVN_NDIS_OFFLOAD_ENCAP_8023PQ_OOB	0x0008
#define HVN_NDIS_OFFLOAD_ENCAP_RFC1483		0x0010

/* csum.ip4_txcsum bits */
#define HVN_NDIS_TXCSUM_CAP_IP4OPT	0x001
#define HVN_NDIS_TXCSUM_CAP_TCP4OPT	0x004
#define HVN_NDIS_TXCSUM_CAP_TCP4	0x010
#define HVN_NDIS_TXCSUM_CAP_UDP4	0x040
#define HVN_NDIS_TXCSUM_CAP_IP4		0x100
#define HVN_NDIS_TXCSUM_ALL_TCP4 \
	(HVN_NDIS_TXCSUM_CAP_TCP4 | HVN_NDIS_TXCSUM_CAP_TCP4OPT)

/* csum.ip6_txcsum bits */
#define HVN_NDIS_TXCSUM_CAP_IP6EXT	0x001
#define HVN_NDIS_TXCSUM_CAP_TCP6OPT	0x004
#define HVN_NDIS_TXCSUM_CAP_TCP6	0x010
#define HVN_NDIS_TXCSUM_CAP_UDP6	0x040
#define HVN_NDIS_TXCSUM_ALL_TCP6 \
	(HVN_NDIS_TXCSUM_CAP_TCP6 | HVN_NDIS_TXCSUM_CAP_TCP6OPT | \
	 HVN_NDIS_TXCSUM_CAP_IP6EXT)

/* lsov2.ip6_opts bits */
#define HVN_NDIS_LSOV2_CAP_IP6EXT	0x001
#define HVN_NDIS_LSOV2_CAP_TCP6OPT	0x004
#define HVN_NDIS_LSOV2_CAP_IP6 \
	(HVN_NDIS_LSOV2_CAP_IP6EXT | HVN_NDIS_LSOV2_CAP_TCP6OPT)

/* Offload parameters (OID_TCP_OFFLOAD_PARAMETERS), natural alignment */
struct hvn_ndis_offload_params {
	struct hvn_ndis_obj_hdr hdr;
	u8 ip_v4_csum;
	u8 tcp_ip_v4_csum;
	u8 udp_ip_v4_csum;
	u8 tcp_ip_v6_csum;
	u8 udp_ip_v6_csum;
	u8 lso_v1;
	u8 ip_sec_v1;
	u8 lso_v2_ipv4;
	u8 lso_v2_ipv6;
	u8 tcp_connection_ip_v4;
	u8 tcp_connection_ip_v6;
	u32 flags;
	/* revision 2 */
	u8 ip_sec_v2;
	u8 ip_sec_v2_ip_v4;
	/* revision 3 */
	u8 rsc_ip_v4;
	u8 rsc_ip_v6;
	u8 encapsulated_packet_task_offload;
	u8 encapsulation_types;
};

#define HVN_NDIS_OFFLOAD_PARAMS_REV_3	3
#define HVN_NDIS_OFFLOAD_PARAMS_SIZE	28
#define HVN_NDIS_OFFLOAD_PARAMS_SIZE_V4	22	/* NVSP <= 4 */

/* Offload parameter values */
#define HVN_OFFLOAD_PARAM_NO_CHANGE		0
#define HVN_OFFLOAD_PARAM_TX_RX_DISABLED	1
#define HVN_OFFLOAD_PARAM_TX_ENABLED_RX_DISABLED 2
#define HVN_OFFLOAD_PARAM_RX_ENABLED_TX_DISABLED 3
#define HVN_OFFLOAD_PARAM_TX_RX_ENABLED		4
#define HVN_OFFLOAD_PARAM_LSOV2_DISABLED	1
#define HVN_OFFLOAD_PARAM_LSOV2_ENABLED		2
#define HVN_OFFLOAD_PARAM_RSC_DISABLED		1
#define HVN_OFFLOAD_PARAM_RSC_ENABLED		2

/* RSS capabilities (OID_GEN_RECEIVE_SCALE_CAPABILITIES), 18 bytes (rev 2) */
struct hvn_ndis_rss_caps {
	struct hvn_ndis_obj_hdr hdr;
	u32 capabilities;
	u32 num_int_msg;
	u32 num_recv_que;
	u16 num_indirect_tabent;
} __packed;

#define HVN_NDIS_RSS_CAPS_REV_2		2
#define HVN_NDIS_RSS_CAPS_SIZE_REV_1	16
#define HVN_NDIS_RSS_CAPS_SIZE_REV_2	18

#define HVN_NDIS_RSS_CAPS_MSI			0x01000000
#define HVN_NDIS_RSS_CAPS_CLASSIFICATION_ISR	0x02000000
#define HVN_NDIS_RSS_CAPS_CLASSIFICATION_DPC	0x04000000
#define HVN_NDIS_RSS_CAPS_USING_MSI_X		0x08000000
#define HVN_NDIS_RSS_CAPS_RSS_ON_PORTS		0x10000000
#define HVN_NDIS_RSS_CAPS_SUPPORTS_MSI_X	0x20000000
#define HVN_NDIS_RSS_CAPS_HASH_TCP_IPV4		0x00000100
#define HVN_NDIS_RSS_CAPS_HASH_TCP_IPV6		0x00000200
#define HVN_NDIS_RSS_CAPS_HASH_TCP_IPV6_EX	0x00000400

/* RSS parameters (OID_GEN_RECEIVE_SCALE_PARAMETERS), natural alignment */
struct hvn_ndis_rss_params {
	struct hvn_ndis_obj_hdr hdr;
	u16 flag;
	u16 base_cpu_number;
	u32 hashinfo;
	u16 indirect_tabsize;		/* bytes */
	u32 indirect_taboffset;		/* from the start of this struct */
	u16 hashkey_size;
	u32 hashkey_offset;		/* from the start of this struct */
	u32 processor_masks_offset;
	u32 num_processor_masks;
	u32 processor_masks_entry_size;
};

#define HVN_NDIS_RSS_PARAMS_REV_2	2

/* RSS parameter flags */
#define HVN_NDIS_RSS_PARAM_BASE_CPU_UNCHANGED	0x0001
#define HVN_NDIS_RSS_PARAM_HASH_INFO_UNCHANGED	0x0002
#define HVN_NDIS_RSS_PARAM_ITABLE_UNCHANGED	0x0004
#define HVN_NDIS_RSS_PARAM_HASH_KEY_UNCHANGED	0x0008
#define HVN_NDIS_RSS_PARAM_DISABLE_RSS		0x0010

/* RSS hash function and types (hashinfo) */
#define HVN_NDIS_HASH_FUNC_TOEPLITZ	0x00000001
#define HVN_NDIS_HASH_IPV4		0x00000100
#define HVN_NDIS_HASH_TCP_IPV4		0x00000200
#define HVN_NDIS_HASH_IPV6		0x00000400
#define HVN_NDIS_HASH_IPV6_EX		0x00000800
#define HVN_NDIS_HASH_TCP_IPV6		0x00001000
#define HVN_NDIS_HASH_TCP_IPV6_EX	0x00002000
#define HVN_NDIS_HASH_UDP_IPV4		0x00004000
#define HVN_NDIS_HASH_UDP_IPV6		0x00008000
#define HVN_NDIS_HASH_UDP_IPV6_EX	0x00010000

/* hashinfo the Linux driver requests */
#define HVN_NDIS_HASH_DEFAULT \
	(HVN_NDIS_HASH_FUNC_TOEPLITZ | HVN_NDIS_HASH_IPV4 | \
	 HVN_NDIS_HASH_TCP_IPV4 | HVN_NDIS_HASH_IPV6 | HVN_NDIS_HASH_TCP_IPV6)

#define HVN_RSS_KEY_SIZE		40
#define HVN_RSS_ITAB_DEFAULT		128
#define HVN_RSS_ITAB_MAX		256

static_assert(sizeof(struct hvn_rndis_hdr) == 8);
static_assert(sizeof(struct hvn_rndis_packet) == 36);
static_assert(sizeof(struct hvn_rndis_init_req) == 16);
static_assert(sizeof(struct hvn_rndis_init_comp) == 44);
static_assert(sizeof(struct hvn_rndis_query_req) == 20);
static_assert(sizeof(struct hvn_rndis_query_comp) == 16);
static_assert(sizeof(struct hvn_rndis_set_req) == 20);
static_assert(sizeof(struct hvn_rndis_set_comp) == 8);
static_assert(sizeof(struct hvn_rndis_indicate) == 12);
static_assert(sizeof(struct hvn_rndis_keepalive_comp) == 8);
static_assert(sizeof(struct hvn_rndis_config_param) == 20);
static_assert(sizeof(struct hvn_rndis_ppi) == 12);
static_assert(sizeof(struct hvn_rndis_pktinfo_id) == 4);
static_assert(sizeof(struct hvn_ndis_obj_hdr) == 4);
static_assert(sizeof(struct hvn_ndis_offload) == HVN_NDIS_OFFLOAD_SIZE_REV_3);
static_assert(offsetof(struct hvn_ndis_offload, ipsecv2) ==
	      HVN_NDIS_OFFLOAD_SIZE_REV_1);
static_assert(offsetof(struct hvn_ndis_offload, rsc) ==
	      HVN_NDIS_OFFLOAD_SIZE_REV_2);
static_assert(sizeof(struct hvn_ndis_offload_params) ==
	      HVN_NDIS_OFFLOAD_PARAMS_SIZE);
static_assert(offsetof(struct hvn_ndis_offload_params, rsc_ip_v4) ==
	      HVN_NDIS_OFFLOAD_PARAMS_SIZE_V4);
static_assert(sizeof(struct hvn_ndis_rss_caps) == HVN_NDIS_RSS_CAPS_SIZE_REV_2);
static_assert(sizeof(struct hvn_ndis_rss_params) == 40);

#endif /* _HVN_RNDIS_H */
