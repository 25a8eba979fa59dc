/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVSP message building (guest to host) and validation (host to guest).
 *
 * Pure code: no kernel calls, compiled unchanged in userspace.  Parsers
 * never read outside [buf, buf + len) and return 0 or a negative errno;
 * on rejection exactly one counter in @v is incremented.
 */
#ifndef _HVN_PROTO_NVSP_H
#define _HVN_PROTO_NVSP_H

#include <hvn/types.h>
#include <hvn/nvsp.h>
#include <hvn/vmbus_pkt.h>
#include "hvn_viol.h"

/**
 * struct hvn_vmpkt - a validated VMBus packet
 * @buf: start of the packet (the descriptor)
 * @data: payload (buf + hdr_len)
 * @len: payload length in bytes
 * @hdr_len: descriptor (plus type specific header) length, offset8 * 8
 * @type: HVN_VMPKT_*
 * @flags: HVN_VMPKT_FLAG_*
 * @trans_id: transaction id
 */
struct hvn_vmpkt {
	const void *buf;
	const void *data;
	u32 len;
	u32 hdr_len;
	u16 type;
	u16 flags;
	u64 trans_id;
};

/**
 * struct hvn_xfer_pkt - a validated transfer-page (receive) packet
 * @hdr: transfer-page header inside the packet
 * @rndis: the NVSP SEND_RNDIS_PKT body, or NULL if the message is short
 * @trans_id: id to complete the packet with
 * @range_cnt: number of ranges (all inside the packet header)
 * @recv_buf_size: receive buffer size the ranges are checked against
 * @recv_section_size: receive section size the ranges are checked against
 */
struct hvn_xfer_pkt {
	const struct hvn_vmpkt_xfer_hdr *hdr;
	const struct hvn_nvsp1_send_rndis_pkt *rndis;
	u64 trans_id;
	u32 range_cnt;
	u32 recv_buf_size;
	u32 recv_section_size;
};

/**
 * struct hvn_nvsp_buf_info - accepted receive or send buffer layout
 * @section_size: bytes per section
 * @section_count: number of sections
 */
struct hvn_nvsp_buf_info {
	u32 section_size;
	u32 section_count;
};

/* --- version negotiation --- */

u32 hvn_nvsp_version_next(u32 prev);
bool hvn_nvsp_version_allowed(u32 ver, bool isolated);
u64 hvn_nvsp_ndis_caps(u32 nvsp_ver, bool isolated);
u32 hvn_nvsp_max_mtu(u32 nvsp_ver);
u32 hvn_nvsp_max_recv_buf(u32 nvsp_ver);

/* --- guest to host builders; each returns the length to send --- */

u32 hvn_nvsp_build_init(struct hvn_nvsp_msg *m, u32 ver);
u32 hvn_nvsp_build_ndis_ver(struct hvn_nvsp_msg *m, u32 nvsp_ver);
u32 hvn_nvsp_build_ndis_config(struct hvn_nvsp_msg *m, u32 nvsp_ver,
			       u32 mtu, bool isolated);
u32 hvn_nvsp_build_send_recv_buf(struct hvn_nvsp_msg *m, u32 gpadl);
u32 hvn_nvsp_build_revoke_recv_buf(struct hvn_nvsp_msg *m);
u32 hvn_nvsp_build_send_send_buf(struct hvn_nvsp_msg *m, u32 gpadl);
u32 hvn_nvsp_build_revoke_send_buf(struct hvn_nvsp_msg *m);
u32 hvn_nvsp_build_rndis_pkt(struct hvn_nvsp_msg *m, u32 channel_type,
			     u32 section_index, u32 section_size);
u32 hvn_nvsp_build_rndis_pkt_complete(struct hvn_nvsp_msg *m, u32 status);
u32 hvn_nvsp_build_subchannel_req(struct hvn_nvsp_msg *m, u32 num);
u32 hvn_nvsp_build_switch_data_path(struct hvn_nvsp_msg *m, bool vf);

/* --- host to guest parsers --- */

int hvn_vmpkt_parse(const void *buf, u32 buflen, struct hvn_vmpkt *pkt,
		    struct hvn_violations *v);
int hvn_nvsp_comp_type(const void *msg, u32 len, u32 *type,
		       struct hvn_violations *v);
int hvn_nvsp_inband_type(const void *msg, u32 len, u32 *type,
			 struct hvn_violations *v);
int hvn_nvsp_parse_init_complete(const void *msg, u32 len, u32 *status,
				 struct hvn_violations *v);
int hvn_nvsp_parse_recv_buf_complete(const void *msg, u32 len, u32 buf_size,
				     struct hvn_nvsp_buf_info *info,
				     struct hvn_violations *v);
int hvn_nvsp_parse_send_buf_complete(const void *msg, u32 len, u32 buf_size,
				     struct hvn_nvsp_buf_info *info,
				     struct hvn_violations *v);
int hvn_nvsp_parse_rndis_pkt_complete(const void *msg, u32 len, u32 *status,
				      struct hvn_violations *v);
int hvn_nvsp_parse_subchannel_complete(const void *msg, u32 len,
				       u32 requested, u32 *num,
				       struct hvn_violations *v);
int hvn_nvsp_parse_vf_association(const void *msg, u32 len, bool *allocated,
				  u32 *serial, struct hvn_violations *v);
int hvn_nvsp_parse_switch_data_path(const void *msg, u32 len, bool *vf,
				    struct hvn_violations *v);
int hvn_nvsp_parse_send_table(const void *msg, u32 len, u32 nvsp_ver,
			      u32 table[HVN_NVSP_SEND_TABLE_SIZE],
			      struct hvn_violations *v);
int hvn_nvsp_parse_xfer(const struct hvn_vmpkt *pkt, u32 recv_buf_size,
			u32 recv_section_size, struct hvn_xfer_pkt *x,
			struct hvn_violations *v);
int hvn_nvsp_xfer_range(const struct hvn_xfer_pkt *x, u32 idx, u32 *offset,
			u32 *len, struct hvn_violations *v);

#endif /* _HVN_PROTO_NVSP_H */
