// SPDX-License-Identifier: GPL-2.0
/*
 * NVSP protocol: message builders and host-input validation.
 *
 * Pure code shared by the kernel driver and the userspace tests: it only
 * uses <hvn/types.h>.  Every parser treats the host as untrusted.
 */
#include "hvn_nvsp.h"

/* Versions tried during negotiation, newest first */
static const u32 hvn_nvsp_versions[] = {
	HVN_NVSP_VERSION_61,
	HVN_NVSP_VERSION_6,
	HVN_NVSP_VERSION_5,
	HVN_NVSP_VERSION_4,
	HVN_NVSP_VERSION_2,
	HVN_NVSP_VERSION_1,
};

/**
 * hvn_nvsp_version_next() - next NVSP version to offer the host
 * @prev: version the host just refused, or 0 to start
 *
 * Return: the next older version to try, or 0 when none is left (also
 * when @prev is not a known version).
 */
u32 hvn_nvsp_version_next(u32 prev)
{
	unsigned int i;

	if (!prev)
		return hvn_nvsp_versions[0];
	for (i = 0; i + 1 < ARRAY_SIZE(hvn_nvsp_versions); i++)
		if (hvn_nvsp_versions[i] == prev)
			return hvn_nvsp_versions[i + 1];
	return 0;
}

/**
 * hvn_nvsp_version_allowed() - may this negotiated version be used
 * @ver: version the host accepted
 * @isolated: running as an isolated (confidential) VM
 *
 * Isolated VMs require NVSP 6.1 or later.
 *
 * Return: true if the driver can run with @ver.
 */
bool hvn_nvsp_version_allowed(u32 ver, bool isolated)
{
	unsigned int i;

	if (isolated && ver < HVN_NVSP_VERSION_61)
		return false;
	for (i = 0; i < ARRAY_SIZE(hvn_nvsp_versions); i++)
		if (hvn_nvsp_versions[i] == ver)
			return true;
	return false;
}

/**
 * hvn_nvsp_ndis_caps() - capability bits for SEND_NDIS_CONFIG
 * @nvsp_ver: negotiated NVSP version
 * @isolated: running as an isolated VM (no SR-IOV advertised)
 *
 * Return: HVN_NVSP_CAP_* bits: 802.1Q always, SR-IOV and teaming from
 * NVSP 5, RSC from NVSP 6.1.
 */
u64 hvn_nvsp_ndis_caps(u32 nvsp_ver, bool isolated)
{
	u64 caps = HVN_NVSP_CAP_IEEE8021Q;

	if (nvsp_ver >= HVN_NVSP_VERSION_5) {
		if (!isolated)
			caps |= HVN_NVSP_CAP_SRIOV;
		caps |= HVN_NVSP_CAP_TEAMING;
	}
	if (nvsp_ver >= HVN_NVSP_VERSION_61)
		caps |= HVN_NVSP_CAP_RSC;
	return caps;
}

/**
 * hvn_nvsp_max_mtu() - largest MTU the driver offers
 * @nvsp_ver: negotiated NVSP version
 *
 * Return: HVN_MTU_MAX from NVSP 2, HVN_MTU_MAX_LEGACY before.
 */
u32 hvn_nvsp_max_mtu(u32 nvsp_ver)
{
	return nvsp_ver >= HVN_NVSP_VERSION_2 ? HVN_MTU_MAX : HVN_MTU_MAX_LEGACY;
}

/**
 * hvn_nvsp_max_recv_buf() - largest receive buffer for a version
 * @nvsp_ver: negotiated NVSP version
 *
 * Return: HVN_NVSP_RECV_BUF_MAX, or the legacy limit up to NVSP 2.
 */
u32 hvn_nvsp_max_recv_buf(u32 nvsp_ver)
{
	return nvsp_ver <= HVN_NVSP_VERSION_2 ? HVN_NVSP_RECV_BUF_MAX_LEGACY :
						HVN_NVSP_RECV_BUF_MAX;
}

static u32 hvn_nvsp_start(struct hvn_nvsp_msg *m, u32 type)
{
	memset(m, 0, sizeof(*m));
	m->hdr.msg_type = type;
	return sizeof(*m);
}

/**
 * hvn_nvsp_build_init() - build INIT offering exactly one version
 * @m: message to fill
 * @ver: version offered as both minimum and maximum
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_init(struct hvn_nvsp_msg *m, u32 ver)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG_INIT);

	m->msg.init.min_protocol_ver = ver;
	m->msg.init.max_protocol_ver = ver;
	return len;
}

/**
 * hvn_nvsp_build_ndis_ver() - build SEND_NDIS_VER
 * @m: message to fill
 * @nvsp_ver: negotiated NVSP version (NDIS 6.1 up to NVSP 4, else 6.30)
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_ndis_ver(struct hvn_nvsp_msg *m, u32 nvsp_ver)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_SEND_NDIS_VER);

	m->msg.send_ndis_ver.ndis_major_ver = HVN_NDIS_VERSION_MAJOR;
	if (nvsp_ver <= HVN_NVSP_VERSION_4)
		m->msg.send_ndis_ver.ndis_minor_ver = HVN_NDIS_VERSION_MINOR_61;
	else
		m->msg.send_ndis_ver.ndis_minor_ver = HVN_NDIS_VERSION_MINOR_630;
	return len;
}

/**
 * hvn_nvsp_build_ndis_config() - build SEND_NDIS_CONFIG (NVSP 2 and later)
 * @m: message to fill
 * @nvsp_ver: negotiated NVSP version
 * @mtu: interface MTU; the message carries MTU plus the Ethernet header
 * @isolated: running as an isolated VM
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_ndis_config(struct hvn_nvsp_msg *m, u32 nvsp_ver,
			       u32 mtu, bool isolated)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG2_SEND_NDIS_CONFIG);

	m->msg.send_ndis_config.mtu = mtu + HVN_ETH_HLEN;
	m->msg.send_ndis_config.capability = hvn_nvsp_ndis_caps(nvsp_ver,
								isolated);
	return len;
}

/**
 * hvn_nvsp_build_send_recv_buf() - build SEND_RECV_BUF
 * @m: message to fill
 * @gpadl: GPADL handle of the receive buffer
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_send_recv_buf(struct hvn_nvsp_msg *m, u32 gpadl)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_SEND_RECV_BUF);

	m->msg.send_recv_buf.gpadl_handle = gpadl;
	m->msg.send_recv_buf.id = HVN_NVSP_RECV_BUF_ID;
	return len;
}

/**
 * hvn_nvsp_build_revoke_recv_buf() - build REVOKE_RECV_BUF
 * @m: message to fill
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_revoke_recv_buf(struct hvn_nvsp_msg *m)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_REVOKE_RECV_BUF);

	m->msg.revoke_recv_buf.id = HVN_NVSP_RECV_BUF_ID;
	return len;
}

/**
 * hvn_nvsp_build_send_send_buf() - build SEND_SEND_BUF
 * @m: message to fill
 * @gpadl: GPADL handle of the send buffer
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_send_send_buf(struct hvn_nvsp_msg *m, u32 gpadl)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_SEND_SEND_BUF);

	m->msg.send_send_buf.gpadl_handle = gpadl;
	m->msg.send_send_buf.id = HVN_NVSP_SEND_BUF_ID;
	return len;
}

/**
 * hvn_nvsp_build_revoke_send_buf() - build REVOKE_SEND_BUF
 * @m: message to fill
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_revoke_send_buf(struct hvn_nvsp_msg *m)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_REVOKE_SEND_BUF);

	m->msg.revoke_send_buf.id = HVN_NVSP_SEND_BUF_ID;
	return len;
}

/**
 * hvn_nvsp_build_rndis_pkt() - build SEND_RNDIS_PKT
 * @m: message to fill
 * @channel_type: HVN_NVSP_CHANNEL_DATA or HVN_NVSP_CHANNEL_CONTROL
 * @section_index: send-buffer section holding the message, or
 *	HVN_NVSP_INVALID_SECTION when it is sent by page buffer
 * @section_size: bytes used in that section (0 if none)
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_rndis_pkt(struct hvn_nvsp_msg *m, u32 channel_type,
			     u32 section_index, u32 section_size)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_SEND_RNDIS_PKT);

	m->msg.send_rndis_pkt.channel_type = channel_type;
	m->msg.send_rndis_pkt.send_buf_section_index = section_index;
	m->msg.send_rndis_pkt.send_buf_section_size = section_size;
	return len;
}

/**
 * hvn_nvsp_build_rndis_pkt_complete() - build SEND_RNDIS_PKT_COMPLETE
 * @m: message to fill
 * @status: HVN_NVSP_STAT_SUCCESS or HVN_NVSP_STAT_FAIL
 *
 * Sent as a VMBus completion of a receive (transfer-page) packet.
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_rndis_pkt_complete(struct hvn_nvsp_msg *m, u32 status)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE);

	m->msg.send_rndis_pkt_complete.status = status;
	return len;
}

/**
 * hvn_nvsp_build_subchannel_req() - build a SUBCHANNEL allocate request
 * @m: message to fill
 * @num: number of subchannels wanted
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_subchannel_req(struct hvn_nvsp_msg *m, u32 num)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG5_SUBCHANNEL);

	m->msg.subchannel_request.op = HVN_NVSP_SUBCHANNEL_ALLOCATE;
	m->msg.subchannel_request.num_subchannels = num;
	return len;
}

/**
 * hvn_nvsp_build_switch_data_path() - build SWITCH_DATA_PATH
 * @m: message to fill
 * @vf: true to route traffic through the VF, false for synthetic
 *
 * Return: message length.
 */
u32 hvn_nvsp_build_switch_data_path(struct hvn_nvsp_msg *m, bool vf)
{
	u32 len = hvn_nvsp_start(m, HVN_NVSP_MSG4_SWITCH_DATA_PATH);

	m->msg.switch_data_path.active_datapath = vf ? HVN_NVSP_DATAPATH_VF :
						       HVN_NVSP_DATAPATH_SYNTHETIC;
	return len;
}

/**
 * hvn_vmpkt_parse() - validate the framing of a VMBus packet
 * @buf: packet as read from the ring (starts with the descriptor)
 * @buflen: bytes available at @buf
 * @pkt: filled on success
 * @v: violation counters
 *
 * Checks that the descriptor fits, that the payload offset is at least
 * the descriptor and at most the packet length, and that the packet
 * length fits in @buflen.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_vmpkt_parse(const void *buf, u32 buflen, struct hvn_vmpkt *pkt,
		    struct hvn_violations *v)
{
	const struct hvn_vmpkt_desc *d = buf;
	u32 off, total;

	if (buflen < sizeof(*d))
		return hvn_viol(v, HVN_V_VMPKT_SHORT);
	off = (u32)d->offset8 << HVN_VMPKT_UNIT_SHIFT;
	total = (u32)d->len8 << HVN_VMPKT_UNIT_SHIFT;
	if (off < sizeof(*d) || off > total || total > buflen)
		return hvn_viol(v, HVN_V_VMPKT_BAD_LEN);

	pkt->buf = buf;
	pkt->data = (const u8 *)buf + off;
	pkt->len = total - off;
	pkt->hdr_len = off;
	pkt->type = d->type;
	pkt->flags = d->flags;
	pkt->trans_id = d->trans_id;
	return 0;
}

/**
 * hvn_nvsp_comp_type() - type of an NVSP message in a VMBus completion
 * @msg: completion payload
 * @len: payload length; 0 is allowed (an empty completion)
 * @type: set to the message type, HVN_NVSP_MSG_NONE for empty completions
 * @v: violation counters
 *
 * Return: 0 for an empty completion or a known completion type, else
 * -EPROTO.
 */
int hvn_nvsp_comp_type(const void *msg, u32 len, u32 *type,
		       struct hvn_violations *v)
{
	const struct hvn_nvsp_hdr *h = msg;

	if (!len) {
		*type = HVN_NVSP_MSG_NONE;
		return 0;
	}
	if (len < sizeof(*h))
		return hvn_viol(v, HVN_V_NVSP_SHORT);

	switch (h->msg_type) {
	case HVN_NVSP_MSG_INIT_COMPLETE:
	case HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE:
	case HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE:
	case HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE:
	case HVN_NVSP_MSG4_SWITCH_DATA_PATH:
	case HVN_NVSP_MSG5_SUBCHANNEL:
		*type = h->msg_type;
		return 0;
	default:
		return hvn_viol(v, HVN_V_NVSP_UNKNOWN_TYPE);
	}
}

/**
 * hvn_nvsp_inband_type() - type of an NVSP message sent inband by the host
 * @msg: packet payload
 * @len: payload length
 * @type: set to the message type
 * @v: violation counters
 *
 * Known host-initiated messages: SEND_VF_ASSOCIATION, SWITCH_DATA_PATH
 * and SEND_INDIRECTION_TABLE.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_nvsp_inband_type(const void *msg, u32 len, u32 *type,
			 struct hvn_violations *v)
{
	const struct hvn_nvsp_hdr *h = msg;

	if (len < sizeof(*h))
		return hvn_viol(v, HVN_V_NVSP_SHORT);

	switch (h->msg_type) {
	case HVN_NVSP_MSG4_SEND_VF_ASSOCIATION:
	case HVN_NVSP_MSG4_SWITCH_DATA_PATH:
	case HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE:
		*type = h->msg_type;
		return 0;
	default:
		return hvn_viol(v, HVN_V_NVSP_UNKNOWN_TYPE);
	}
}

/* Common check: @msg is of @type and at least @need bytes long */
static int hvn_nvsp_check(const void *msg, u32 len, u32 type, u32 need,
			  struct hvn_violations *v)
{
	const struct hvn_nvsp_hdr *h = msg;

	if (len < need)
		return hvn_viol(v, HVN_V_NVSP_SHORT);
	if (h->msg_type != type)
		return hvn_viol(v, HVN_V_NVSP_UNKNOWN_TYPE);
	return 0;
}

/**
 * hvn_nvsp_parse_init_complete() - validate INIT_COMPLETE
 * @msg: NVSP message
 * @len: message length
 * @status: set to the host's status (HVN_NVSP_STAT_SUCCESS: accepted)
 * @v: violation counters
 *
 * A refused version is not a violation; the caller tries the next one.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_nvsp_parse_init_complete(const void *msg, u32 len, u32 *status,
				 struct hvn_violations *v)
{
	const struct hvn_nvsp_msg *m = msg;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG_INIT_COMPLETE,
			     HVN_NVSP_LEN(init_complete), v);
	if (ret)
		return ret;
	*status = m->msg.init_complete.status;
	return 0;
}

/**
 * hvn_nvsp_parse_recv_buf_complete() - validate SEND_RECV_BUF_COMPLETE
 * @msg: NVSP message
 * @len: message length
 * @buf_size: size of the receive buffer the guest allocated
 * @info: set to the accepted section size and count
 * @v: violation counters
 *
 * The host must report success, exactly one section at offset 0, a
 * section size of at least HVN_NVSP_MIN_SECTION_SIZE and a nonzero count
 * whose total fits in @buf_size.
 *
 * Return: 0, -EIO when the host reports failure, or -EPROTO.
 */
int hvn_nvsp_parse_recv_buf_complete(const void *msg, u32 len, u32 buf_size,
				     struct hvn_nvsp_buf_info *info,
				     struct hvn_violations *v)
{
	const struct hvn_nvsp1_send_recv_buf_complete *c;
	const struct hvn_nvsp1_recv_buf_section *s;
	const struct hvn_nvsp_msg *m = msg;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE,
			     HVN_NVSP_LEN(send_recv_buf_complete), v);
	if (ret)
		return ret;
	c = &m->msg.send_recv_buf_complete;
	s = &c->section;

	if (c->status != HVN_NVSP_STAT_SUCCESS) {
		hvn_viol(v, HVN_V_NVSP_HOST_FAIL);
		return -EIO;
	}
	if (c->num_sections != 1)
		return hvn_viol(v, HVN_V_RECVBUF_SECTIONS);
	if (s->offset != 0)
		return hvn_viol(v, HVN_V_RECVBUF_OFFSET);
	if (s->sub_alloc_size < HVN_NVSP_MIN_SECTION_SIZE)
		return hvn_viol(v, HVN_V_RECVBUF_SECTION_SIZE);
	if (!s->num_sub_allocs ||
	    (u64)s->sub_alloc_size * s->num_sub_allocs > buf_size)
		return hvn_viol(v, HVN_V_RECVBUF_SECTION_COUNT);

	info->section_size = s->sub_alloc_size;
	info->section_count = s->num_sub_allocs;
	return 0;
}

/**
 * hvn_nvsp_parse_send_buf_complete() - validate SEND_SEND_BUF_COMPLETE
 * @msg: NVSP message
 * @len: message length
 * @buf_size: size of the send buffer the guest allocated
 * @info: set to the section size and the number of whole sections
 * @v: violation counters
 *
 * Return: 0, -EIO when the host reports failure, or -EPROTO when the
 * section size is below HVN_NVSP_MIN_SECTION_SIZE or above @buf_size.
 */
int hvn_nvsp_parse_send_buf_complete(const void *msg, u32 len, u32 buf_size,
				     struct hvn_nvsp_buf_info *info,
				     struct hvn_violations *v)
{
	const struct hvn_nvsp1_send_send_buf_complete *c;
	const struct hvn_nvsp_msg *m = msg;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE,
			     HVN_NVSP_LEN(send_send_buf_complete), v);
	if (ret)
		return ret;
	c = &m->msg.send_send_buf_complete;

	if (c->status != HVN_NVSP_STAT_SUCCESS) {
		hvn_viol(v, HVN_V_NVSP_HOST_FAIL);
		return -EIO;
	}
	if (c->section_size < HVN_NVSP_MIN_SECTION_SIZE ||
	    c->section_size > buf_size)
		return hvn_viol(v, HVN_V_SENDBUF_SECTION_SIZE);

	info->section_size = c->section_size;
	info->section_count = buf_size / c->section_size;
	return 0;
}

/**
 * hvn_nvsp_parse_rndis_pkt_complete() - validate SEND_RNDIS_PKT_COMPLETE
 * @msg: NVSP message
 * @len: message length
 * @status: set to the host's status for the sent packet
 * @v: violation counters
 *
 * Return: 0 or -EPROTO.
 */
int hvn_nvsp_parse_rndis_pkt_complete(const void *msg, u32 len, u32 *status,
				      struct hvn_violations *v)
{
	const struct hvn_nvsp_msg *m = msg;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE,
			     HVN_NVSP_LEN(send_rndis_pkt_complete), v);
	if (ret)
		return ret;
	*status = m->msg.send_rndis_pkt_complete.status;
	return 0;
}

/**
 * hvn_nvsp_parse_subchannel_complete() - validate a SUBCHANNEL completion
 * @msg: NVSP message
 * @len: message length
 * @requested: number of subchannels the guest asked for
 * @num: set to the number the host allocated (at most @requested)
 * @v: violation counters
 *
 * Return: 0, -EIO when the host reports failure, or -EPROTO.
 */
int hvn_nvsp_parse_subchannel_complete(const void *msg, u32 len,
				       u32 requested, u32 *num,
				       struct hvn_violations *v)
{
	const struct hvn_nvsp5_subchannel_complete *c;
	const struct hvn_nvsp_msg *m = msg;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG5_SUBCHANNEL,
			     HVN_NVSP_LEN(subchannel_complete), v);
	if (ret)
		return ret;
	c = &m->msg.subchannel_complete;

	if (c->status != HVN_NVSP_STAT_SUCCESS) {
		hvn_viol(v, HVN_V_NVSP_HOST_FAIL);
		return -EIO;
	}
	if (c->num_subchannels > requested)
		return hvn_viol(v, HVN_V_SUBCHAN_COUNT);
	*num = c->num_subchannels;
	return 0;
}

/**
 * hvn_nvsp_parse_vf_association() - validate SEND_VF_ASSOCIATION
 * @msg: NVSP message
 * @len: message length
 * @allocated: set to whether the host has a VF for this NIC
 * @serial: set to the VF's serial (PCI slot) number
 * @v: violation counters
 *
 * Return: 0 or -EPROTO.
 */
int hvn_nvsp_parse_vf_association(const void *msg, u32 len, bool *allocated,
				  u32 *serial, struct hvn_violations *v)
{
	const struct hvn_nvsp_msg *m = msg;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG4_SEND_VF_ASSOCIATION,
			     HVN_NVSP_LEN(vf_association), v);
	if (ret)
		return ret;
	*allocated = m->msg.vf_association.allocated != 0;
	*serial = m->msg.vf_association.serial;
	return 0;
}

/**
 * hvn_nvsp_parse_switch_data_path() - validate a host SWITCH_DATA_PATH
 * @msg: NVSP message
 * @len: message length
 * @vf: set to true when the host reports the VF data path
 * @v: violation counters
 *
 * Return: 0 or -EPROTO (also for a data path value other than 0 or 1).
 */
int hvn_nvsp_parse_switch_data_path(const void *msg, u32 len, bool *vf,
				    struct hvn_violations *v)
{
	const struct hvn_nvsp_msg *m = msg;
	u32 dp;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG4_SWITCH_DATA_PATH,
			     HVN_NVSP_LEN(switch_data_path), v);
	if (ret)
		return ret;
	dp = m->msg.switch_data_path.active_datapath;
	if (dp != HVN_NVSP_DATAPATH_SYNTHETIC && dp != HVN_NVSP_DATAPATH_VF)
		return hvn_viol(v, HVN_V_DATAPATH_VALUE);
	*vf = dp == HVN_NVSP_DATAPATH_VF;
	return 0;
}

/**
 * hvn_nvsp_parse_send_table() - validate SEND_INDIRECTION_TABLE
 * @msg: NVSP message
 * @len: message length
 * @nvsp_ver: negotiated NVSP version
 * @table: receives the HVN_NVSP_SEND_TABLE_SIZE entries
 * @v: violation counters
 *
 * The count must be HVN_NVSP_SEND_TABLE_SIZE.  Hosts speaking NVSP 6 or
 * older may report a wrong offset; for them the table is taken right after
 * the full-size message when the message is long enough for that.  The
 * table must lie after the fixed fields and inside the message.  Entries
 * are channel numbers and are copied as they are: reduce them modulo the
 * number of open channels when using them (hvn_indir_send_queue()).
 *
 * Return: 0 or -EPROTO.
 */
int hvn_nvsp_parse_send_table(const void *msg, u32 len, u32 nvsp_ver,
			      u32 table[HVN_NVSP_SEND_TABLE_SIZE],
			      struct hvn_violations *v)
{
	const u32 tab_len = HVN_NVSP_SEND_TABLE_SIZE * sizeof(u32);
	const struct hvn_nvsp_msg *m = msg;
	u32 offset;
	int ret;

	ret = hvn_nvsp_check(msg, len, HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE,
			     HVN_NVSP_LEN(send_table), v);
	if (ret)
		return ret;
	if (m->msg.send_table.count != HVN_NVSP_SEND_TABLE_SIZE)
		return hvn_viol(v, HVN_V_SEND_TABLE_COUNT);

	offset = m->msg.send_table.offset;
	if (nvsp_ver <= HVN_NVSP_VERSION_6 &&
	    len >= HVN_NVSP_SEND_TABLE_QUIRK_OFFSET + tab_len)
		offset = HVN_NVSP_SEND_TABLE_QUIRK_OFFSET;

	if (offset < HVN_NVSP_LEN(send_table) || len < tab_len ||
	    offset > len - tab_len)
		return hvn_viol(v, HVN_V_SEND_TABLE_OFFSET);

	memcpy(table, (const u8 *)msg + offset, tab_len);
	return 0;
}

/**
 * hvn_nvsp_parse_xfer() - validate a transfer-page (receive) packet
 * @pkt: packet validated by hvn_vmpkt_parse()
 * @recv_buf_size: size of the receive buffer
 * @recv_section_size: receive section size accepted at setup
 * @x: filled on success; ranges are then checked one by one with
 *	hvn_nvsp_xfer_range()
 * @v: violation counters
 *
 * Checks the VMBus packet type, that the transfer-page header fits in the
 * packet header, that the NVSP message is SEND_RNDIS_PKT, the page set id
 * and that all ranges fit in the packet header.
 *
 * Return: 0 or -EPROTO.  On failure the packet must still be completed
 * (with HVN_NVSP_STAT_FAIL) using @pkt->trans_id.
 */
int hvn_nvsp_parse_xfer(const struct hvn_vmpkt *pkt, u32 recv_buf_size,
			u32 recv_section_size, struct hvn_xfer_pkt *x,
			struct hvn_violations *v)
{
	const struct hvn_vmpkt_xfer_hdr *hdr = pkt->buf;
	const struct hvn_nvsp_msg *m = pkt->data;

	if (pkt->type != HVN_VMPKT_DATA_XFER_PAGES)
		return hvn_viol(v, HVN_V_VMPKT_BAD_TYPE);
	if (pkt->hdr_len < sizeof(*hdr))
		return hvn_viol(v, HVN_V_XFER_HDR);
	if (pkt->len < sizeof(m->hdr))
		return hvn_viol(v, HVN_V_NVSP_SHORT);
	if (m->hdr.msg_type != HVN_NVSP_MSG1_SEND_RNDIS_PKT)
		return hvn_viol(v, HVN_V_XFER_NVSP_TYPE);
	if (hdr->xfer_pageset_id != HVN_NVSP_RECV_BUF_ID)
		return hvn_viol(v, HVN_V_XFER_PAGESET);
	if (HVN_VMPKT_XFER_HDR_SIZE(hdr->range_cnt) > pkt->hdr_len)
		return hvn_viol(v, HVN_V_XFER_RANGE_CNT);

	x->hdr = hdr;
	x->rndis = pkt->len >= HVN_NVSP_LEN(send_rndis_pkt) ?
		   &m->msg.send_rndis_pkt : NULL;
	x->trans_id = pkt->trans_id;
	x->range_cnt = hdr->range_cnt;
	x->recv_buf_size = recv_buf_size;
	x->recv_section_size = recv_section_size;
	return 0;
}

/**
 * hvn_nvsp_xfer_range() - validate one range of a transfer-page packet
 * @x: packet validated by hvn_nvsp_parse_xfer()
 * @idx: range index, below @x->range_cnt
 * @offset: set to the byte offset in the receive buffer
 * @len: set to the byte count
 * @v: violation counters
 *
 * The range must lie inside the receive buffer (no overflow of
 * offset + length) and be no longer than one receive section.
 *
 * Return: 0, -EINVAL for @idx out of range, or -EPROTO.
 */
int hvn_nvsp_xfer_range(const struct hvn_xfer_pkt *x, u32 idx, u32 *offset,
			u32 *len, struct hvn_violations *v)
{
	const struct hvn_vmpkt_xfer_range *r;

	if (idx >= x->range_cnt)
		return -EINVAL;
	r = &x->hdr->ranges[idx];

	if (r->byte_offset > x->recv_buf_size ||
	    r->byte_count > x->recv_buf_size - r->byte_offset)
		return hvn_viol(v, HVN_V_XFER_RANGE_BOUNDS);
	if (r->byte_count > x->recv_section_size)
		return hvn_viol(v, HVN_V_XFER_RANGE_SECTION);

	*offset = r->byte_offset;
	*len = r->byte_count;
	return 0;
}
