/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RNDIS message building (guest to host) and validation (host to guest),
 * per-packet info, NDIS objects and offload decisions.
 *
 * Pure code: no kernel calls, compiled unchanged in userspace.  Builders
 * return the number of bytes written or a negative errno; parsers never
 * read outside [buf, buf + buflen) and return 0 or a negative errno, and
 * on rejection increment exactly one counter in @v.
 */
#ifndef _HVN_PROTO_RNDIS_H
#define _HVN_PROTO_RNDIS_H

#include <hvn/types.h>
#include <hvn/rndis.h>
#include "hvn_viol.h"

/* hvn_rndis_tx_info.flags: per-packet info to attach */
#define HVN_TX_HASH		BIT(0)	/* NBL_HASH_VALUE = @hash */
#define HVN_TX_VLAN		BIT(1)	/* IEEE_8021Q from @vlan_tci */
#define HVN_TX_LSO		BIT(2)	/* LSOv2 with @mss, @l4_offset */
#define HVN_TX_CSUM		BIT(3)	/* checksum at @l4_offset */
#define HVN_TX_IPV6		BIT(4)	/* LSO/CSUM: IPv6 (else IPv4) */
#define HVN_TX_UDP		BIT(5)	/* CSUM: UDP (else TCP) */

/**
 * struct hvn_rndis_tx_info - what to put in a guest RNDIS packet header
 * @flags: HVN_TX_*; with both HVN_TX_LSO and HVN_TX_CSUM, LSO is used
 * @hash: flow hash for HVN_TX_HASH
 * @vlan_tci: 802.1Q TCI (pcp 13..15, dei 12, vid 0..11) for HVN_TX_VLAN
 * @l4_offset: offset of the TCP/UDP header from the frame start
 * @mss: LSO segment size (20 bits)
 */
struct hvn_rndis_tx_info {
	u32 flags;
	u32 hash;
	u16 vlan_tci;
	u16 l4_offset;
	u32 mss;
};

/* hvn_rndis_rx_pkt.flags: which per-packet info was found */
#define HVN_RX_CSUM		BIT(0)
#define HVN_RX_VLAN		BIT(1)
#define HVN_RX_HASH		BIT(2)
#define HVN_RX_HASH_INFO	BIT(3)
#define HVN_RX_PKTINFO		BIT(4)

/**
 * struct hvn_rndis_rx_pkt - a validated RNDIS data packet from the host
 * @data: first byte of the Ethernet frame (inside the parsed buffer)
 * @data_len: frame length (nonzero, inside the message)
 * @flags: HVN_RX_*
 * @csum: HVN_RXCSUM_* bits (HVN_RX_CSUM)
 * @hash: hash value (HVN_RX_HASH)
 * @hash_info: hash type/function (HVN_RX_HASH_INFO)
 * @vlan_tci: 802.1Q TCI (HVN_RX_VLAN)
 * @rsc_flag: HVN_PKTINFO_* (HVN_RX_PKTINFO)
 * @rsc_pkt_id: packet id of the fragment (HVN_RX_PKTINFO)
 */
struct hvn_rndis_rx_pkt {
	const u8 *data;
	u32 data_len;
	u32 flags;
	u32 csum;
	u32 hash;
	u32 hash_info;
	u16 vlan_tci;
	u8 rsc_flag;
	u16 rsc_pkt_id;
};

/**
 * struct hvn_rndis_comp - a validated RNDIS completion from the host
 * @type: HVN_RNDIS_MSG_*_C
 * @req_id: request id it completes (0 for RESET_C)
 * @status: HVN_RNDIS_STATUS_*
 * @info: QUERY_C information buffer, inside the parsed buffer (or NULL)
 * @info_len: its length
 * @max_pkt_per_msg: INIT_C: RNDIS packets the host accepts per message
 * @max_xfer_size: INIT_C: largest message the host accepts
 * @pkt_align: INIT_C: alignment of batched packets in bytes (power of 2)
 * @major_ver: INIT_C: RNDIS major version
 * @minor_ver: INIT_C: RNDIS minor version
 */
struct hvn_rndis_comp {
	u32 type;
	u32 req_id;
	u32 status;
	const u8 *info;
	u32 info_len;
	u32 max_pkt_per_msg;
	u32 max_xfer_size;
	u32 pkt_align;
	u32 major_ver;
	u32 minor_ver;
};

/**
 * struct hvn_rndis_indication - a validated INDICATE status message
 * @status: HVN_RNDIS_STATUS_* event
 * @buf: status buffer inside the parsed buffer, or NULL
 * @buflen: its length
 * @link_speed: LINK_SPEED_CHANGE: new speed in 100 bps units
 */
struct hvn_rndis_indication {
	u32 status;
	const u8 *buf;
	u32 buflen;
	u32 link_speed;
};

/**
 * struct hvn_rss_caps - RSS capabilities the guest acts on
 * @capabilities: HVN_NDIS_RSS_CAPS_* flags
 * @num_queues: receive queues the host offers
 * @itab_size: RX indirection table size to use (1..256, default 128)
 */
struct hvn_rss_caps {
	u32 capabilities;
	u32 num_queues;
	u32 itab_size;
};

/**
 * struct hvn_offload_plan - offloads to use given the host capabilities
 * @tx_csum_tcp4: TCP/IPv4 transmit checksum
 * @tx_csum_udp4: UDP/IPv4 transmit checksum
 * @tx_csum_tcp6: TCP/IPv6 transmit checksum
 * @tx_csum_udp6: UDP/IPv6 transmit checksum
 * @tso4: LSOv2 for IPv4
 * @tso6: LSOv2 for IPv6
 * @rsc: the host can coalesce (LRO can be offered)
 * @gso_max_size: largest LSO packet (at most 65536)
 */
struct hvn_offload_plan {
	bool tx_csum_tcp4;
	bool tx_csum_udp4;
	bool tx_csum_tcp6;
	bool tx_csum_udp6;
	bool tso4;
	bool tso6;
	bool rsc;
	u32 gso_max_size;
};

#define HVN_GSO_MAX_SIZE	65536

/* Length of a MAC config parameter (20 + 28 name + 24 value) */
#define HVN_RNDIS_MAC_PARAM_LEN	72

/* Length of RSS parameters with @n table entries */
#define HVN_RSS_PARAMS_LEN(n) \
	(sizeof(struct hvn_ndis_rss_params) + (n) * sizeof(u32) + \
	 HVN_RSS_KEY_SIZE)

/* --- guest to host --- */

int hvn_rndis_build_init(void *buf, u32 buflen, u32 req_id);
int hvn_rndis_build_halt(void *buf, u32 buflen, u32 req_id);
int hvn_rndis_build_query(void *buf, u32 buflen, u32 req_id, u32 oid,
			  const void *info, u32 info_len);
int hvn_rndis_build_set(void *buf, u32 buflen, u32 req_id, u32 oid,
			const void *info, u32 info_len);
int hvn_rndis_build_keepalive(void *buf, u32 buflen, u32 req_id);
int hvn_rndis_build_keepalive_c(void *buf, u32 buflen, u32 req_id,
				u32 status);
u32 hvn_rndis_tx_hdr_len(const struct hvn_rndis_tx_info *ti);
int hvn_rndis_build_packet(void *buf, u32 buflen,
			   const struct hvn_rndis_tx_info *ti, u32 data_len);
u32 hvn_rndis_align(u32 len, u32 align);
void hvn_rndis_pad_msg(void *msg, u32 pad);
int hvn_rndis_build_mac_param(void *buf, u32 buflen, const u8 mac[6]);
u32 hvn_rndis_packet_filter(bool promisc, bool allmulti, bool broadcast);
int hvn_rndis_build_rss_params(void *buf, u32 buflen, u16 flag,
			       u32 hashinfo, const u8 *key, const u32 *itab,
			       u32 itab_cnt);
void hvn_ndis_offload_caps_hdr(struct hvn_ndis_offload *caps, u32 nvsp_ver);
void hvn_ndis_rss_caps_hdr(struct hvn_ndis_rss_caps *caps);
void hvn_offload_plan(const struct hvn_ndis_offload *caps, u32 nvsp_ver,
		      struct hvn_offload_plan *plan);
u32 hvn_ndis_offload_params(struct hvn_ndis_offload_params *p,
			    const struct hvn_offload_plan *plan, u32 nvsp_ver,
			    bool lro);

/* --- host to guest --- */

int hvn_rndis_msg_type(const void *buf, u32 buflen, u32 *type,
		       struct hvn_violations *v);
int hvn_rndis_parse_packet(const void *buf, u32 buflen,
			   struct hvn_rndis_rx_pkt *rx,
			   struct hvn_violations *v);
int hvn_rndis_parse_comp(const void *buf, u32 buflen,
			 struct hvn_rndis_comp *c, struct hvn_violations *v);
int hvn_rndis_parse_indicate(const void *buf, u32 buflen,
			     struct hvn_rndis_indication *ind,
			     struct hvn_violations *v);
int hvn_rndis_parse_keepalive(const void *buf, u32 buflen, u32 *req_id,
			      struct hvn_violations *v);
bool hvn_rndis_rx_csum_ok(const struct hvn_rndis_rx_pkt *rx);
bool hvn_rndis_rx_csum_bad(const struct hvn_rndis_rx_pkt *rx);
u32 hvn_rndis_link_speed_mbps(u32 speed_100bps);
int hvn_rndis_info_u32(const struct hvn_rndis_comp *c, u32 *val,
		       struct hvn_violations *v);
int hvn_rndis_info_mac(const struct hvn_rndis_comp *c, u8 mac[6],
		       struct hvn_violations *v);
int hvn_ndis_parse_offload_caps(const void *info, u32 len,
				struct hvn_ndis_offload *caps,
				struct hvn_violations *v);
int hvn_ndis_parse_rss_caps(const void *info, u32 len,
			    struct hvn_rss_caps *caps,
			    struct hvn_violations *v);

#endif /* _HVN_PROTO_RNDIS_H */
