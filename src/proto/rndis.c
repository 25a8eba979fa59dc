// SPDX-License-Identifier: GPL-2.0
/*
 * RNDIS protocol: message builders, host-input validation, per-packet
 * info and NDIS object handling.
 *
 * Pure code shared by the kernel driver and the userspace tests: it only
 * uses <hvn/types.h>.  Every parser treats the host as untrusted.
 */
#include <hvn/nvsp.h>
#include "hvn_rndis.h"

/* Start a message of @type with a body of @body_len bytes */
static void *hvn_rndis_start(void *buf, u32 buflen, u32 type, u32 body_len)
{
	struct hvn_rndis_hdr *h = buf;

	if (buflen < HVN_RNDIS_HDR_SIZE ||
	    body_len > buflen - HVN_RNDIS_HDR_SIZE)
		return NULL;
	memset(buf, 0, HVN_RNDIS_HDR_SIZE + body_len);
	h->msg_type = type;
	h->msg_len = HVN_RNDIS_HDR_SIZE + body_len;
	return h + 1;
}

/**
 * hvn_rndis_build_init() - build an RNDIS INIT request
 * @buf: output buffer
 * @buflen: its size
 * @req_id: request id
 *
 * Return: message length or -ENOSPC.
 */
int hvn_rndis_build_init(void *buf, u32 buflen, u32 req_id)
{
	struct hvn_rndis_init_req *r;

	r = hvn_rndis_start(buf, buflen, HVN_RNDIS_MSG_INIT, sizeof(*r));
	if (!r)
		return -ENOSPC;
	r->req_id = req_id;
	r->major_ver = HVN_RNDIS_MAJOR_VERSION;
	r->minor_ver = HVN_RNDIS_MINOR_VERSION;
	r->max_xfer_size = HVN_RNDIS_MAX_XFER_SIZE;
	return HVN_RNDIS_HDR_SIZE + sizeof(*r);
}

/**
 * hvn_rndis_build_halt() - build an RNDIS HALT request
 * @buf: output buffer
 * @buflen: its size
 * @req_id: request id
 *
 * Return: message length or -ENOSPC.
 */
int hvn_rndis_build_halt(void *buf, u32 buflen, u32 req_id)
{
	struct hvn_rndis_halt_req *r;

	r = hvn_rndis_start(buf, buflen, HVN_RNDIS_MSG_HALT, sizeof(*r));
	if (!r)
		return -ENOSPC;
	r->req_id = req_id;
	return HVN_RNDIS_HDR_SIZE + sizeof(*r);
}

/* Query and set requests have the same layout */
static int hvn_rndis_build_oid(void *buf, u32 buflen, u32 type, u32 req_id,
			       u32 oid, const void *info, u32 info_len)
{
	struct hvn_rndis_query_req *r;

	if (info_len > U32_MAX - sizeof(*r) - HVN_RNDIS_HDR_SIZE)
		return -ENOSPC;
	r = hvn_rndis_start(buf, buflen, type, sizeof(*r) + info_len);
	if (!r)
		return -ENOSPC;
	r->req_id = req_id;
	r->oid = oid;
	r->info_buflen = info_len;
	r->info_buf_offset = sizeof(*r);
	if (info_len)
		memcpy(r + 1, info, info_len);
	return HVN_RNDIS_HDR_SIZE + sizeof(*r) + info_len;
}

/**
 * hvn_rndis_build_query() - build an RNDIS QUERY request
 * @buf: output buffer
 * @buflen: its size
 * @req_id: request id
 * @oid: HVN_OID_*
 * @info: optional input buffer sent with the query (NDIS object header)
 * @info_len: its length (0 for none)
 *
 * Return: message length or -ENOSPC.
 */
int hvn_rndis_build_query(void *buf, u32 buflen, u32 req_id, u32 oid,
			  const void *info, u32 info_len)
{
	return hvn_rndis_build_oid(buf, buflen, HVN_RNDIS_MSG_QUERY, req_id,
				   oid, info, info_len);
}

/**
 * hvn_rndis_build_set() - build an RNDIS SET request
 * @buf: output buffer
 * @buflen: its size
 * @req_id: request id
 * @oid: HVN_OID_*
 * @info: value to set
 * @info_len: its length
 *
 * Return: message length or -ENOSPC.
 */
int hvn_rndis_build_set(void *buf, u32 buflen, u32 req_id, u32 oid,
			const void *info, u32 info_len)
{
	return hvn_rndis_build_oid(buf, buflen, HVN_RNDIS_MSG_SET, req_id,
				   oid, info, info_len);
}

/**
 * hvn_rndis_build_keepalive() - build an RNDIS KEEPALIVE request
 * @buf: output buffer
 * @buflen: its size
 * @req_id: request id
 *
 * Return: message length or -ENOSPC.
 */
int hvn_rndis_build_keepalive(void *buf, u32 buflen, u32 req_id)
{
	struct hvn_rndis_keepalive_req *r;

	r = hvn_rndis_start(buf, buflen, HVN_RNDIS_MSG_KEEPALIVE, sizeof(*r));
	if (!r)
		return -ENOSPC;
	r->req_id = req_id;
	return HVN_RNDIS_HDR_SIZE + sizeof(*r);
}

/**
 * hvn_rndis_build_keepalive_c() - build a KEEPALIVE completion
 * @buf: output buffer
 * @buflen: its size
 * @req_id: id of the host's KEEPALIVE request
 * @status: HVN_RNDIS_STATUS_*
 *
 * Return: message length or -ENOSPC.
 */
int hvn_rndis_build_keepalive_c(void *buf, u32 buflen, u32 req_id,
				u32 status)
{
	struct hvn_rndis_keepalive_comp *r;

	r = hvn_rndis_start(buf, buflen, HVN_RNDIS_MSG_KEEPALIVE_C,
			    sizeof(*r));
	if (!r)
		return -ENOSPC;
	r->req_id = req_id;
	r->status = status;
	return HVN_RNDIS_HDR_SIZE + sizeof(*r);
}

static u32 hvn_rndis_tx_nppi(const struct hvn_rndis_tx_info *ti)
{
	u32 n = 0;

	if (ti->flags & HVN_TX_HASH)
		n++;
	if (ti->flags & HVN_TX_VLAN)
		n++;
	if (ti->flags & (HVN_TX_LSO | HVN_TX_CSUM))
		n++;
	return n;
}

/**
 * hvn_rndis_tx_hdr_len() - length of the RNDIS header of a data packet
 * @ti: per-packet info to attach
 *
 * Return: bytes from the start of the message to the frame data.
 */
u32 hvn_rndis_tx_hdr_len(const struct hvn_rndis_tx_info *ti)
{
	return HVN_RNDIS_HDR_SIZE + sizeof(struct hvn_rndis_packet) +
	       hvn_rndis_tx_nppi(ti) * HVN_PPI_U32_SIZE;
}

static u8 *hvn_rndis_put_ppi(u8 *p, u32 type, u32 value)
{
	struct hvn_rndis_ppi *ppi = (struct hvn_rndis_ppi *)p;

	ppi->size = HVN_PPI_U32_SIZE;
	ppi->type = type;
	ppi->ppi_offset = sizeof(*ppi);
	memcpy(ppi + 1, &value, sizeof(value));
	return p + HVN_PPI_U32_SIZE;
}

/**
 * hvn_rndis_build_packet() - build the RNDIS header of a data packet
 * @buf: output buffer; the frame data is placed after the header by the
 *	caller (or sent as separate page ranges)
 * @buflen: its size
 * @ti: per-packet info to attach, in the order hash, VLAN, LSO or checksum
 * @data_len: length of the Ethernet frame
 *
 * Return: header length (hvn_rndis_tx_hdr_len()), -ENOSPC if @buflen is too
 * small, or -EINVAL for values that do not fit their fields.
 */
int hvn_rndis_build_packet(void *buf, u32 buflen,
			   const struct hvn_rndis_tx_info *ti, u32 data_len)
{
	u32 nppi = hvn_rndis_tx_nppi(ti);
	u32 hdr_len = hvn_rndis_tx_hdr_len(ti);
	struct hvn_rndis_packet *pkt;
	u32 val;
	u8 *p;

	if (!data_len || data_len > U32_MAX - hdr_len)
		return -EINVAL;
	if (ti->flags & HVN_TX_LSO) {
		if (!ti->mss || ti->mss > HVN_LSO_MSS_MASK ||
		    ti->l4_offset > HVN_LSO_TCP_HDR_OFF_MAX)
			return -EINVAL;
	} else if ((ti->flags & HVN_TX_CSUM) &&
		   ti->l4_offset > HVN_TXCSUM_TCP_HDR_OFF_MAX) {
		return -EINVAL;
	}

	pkt = hvn_rndis_start(buf, buflen, HVN_RNDIS_MSG_PACKET,
			      hdr_len - HVN_RNDIS_HDR_SIZE);
	if (!pkt)
		return -ENOSPC;
	((struct hvn_rndis_hdr *)buf)->msg_len = hdr_len + data_len;
	pkt->data_offset = hdr_len - HVN_RNDIS_HDR_SIZE;
	pkt->data_len = data_len;
	if (nppi) {
		pkt->per_pkt_info_offset = sizeof(*pkt);
		pkt->per_pkt_info_len = nppi * HVN_PPI_U32_SIZE;
	}

	p = (u8 *)(pkt + 1);
	if (ti->flags & HVN_TX_HASH)
		p = hvn_rndis_put_ppi(p, HVN_PPI_NBL_HASH_VALUE, ti->hash);
	if (ti->flags & HVN_TX_VLAN) {
		val = (ti->vlan_tci >> 13) & HVN_VLAN_PRI_MASK;
		val |= ((ti->vlan_tci >> 12) & 1) << HVN_VLAN_CFI_SHIFT;
		val |= (ti->vlan_tci & HVN_VLAN_ID_MASK) << HVN_VLAN_ID_SHIFT;
		p = hvn_rndis_put_ppi(p, HVN_PPI_IEEE_8021Q, val);
	}
	if (ti->flags & HVN_TX_LSO) {
		val = ti->mss | HVN_LSO_TYPE_V2;
		val |= (u32)ti->l4_offset << HVN_LSO_TCP_HDR_OFF_SHIFT;
		if (ti->flags & HVN_TX_IPV6)
			val |= HVN_LSO_IPV6;
		hvn_rndis_put_ppi(p, HVN_PPI_TCP_LARGESEND, val);
	} else if (ti->flags & HVN_TX_CSUM) {
		val = (ti->flags & HVN_TX_IPV6) ? HVN_TXCSUM_IS_IPV6 :
						  HVN_TXCSUM_IS_IPV4;
		val |= (ti->flags & HVN_TX_UDP) ? HVN_TXCSUM_UDP :
						  HVN_TXCSUM_TCP;
		val |= (u32)ti->l4_offset << HVN_TXCSUM_TCP_HDR_OFF_SHIFT;
		hvn_rndis_put_ppi(p, HVN_PPI_TCPIP_CHKSUM, val);
	}
	return hdr_len;
}

/**
 * hvn_rndis_align() - round a batched message length up to the alignment
 * @len: message length
 * @align: host packet alignment (power of two, from INIT_C), 0 or 1: none
 *
 * Return: @len rounded up, or U32_MAX if that overflows.
 */
u32 hvn_rndis_align(u32 len, u32 align)
{
	if (align <= 1)
		return len;
	if (len > U32_MAX - (align - 1))
		return U32_MAX;
	return (len + align - 1) & ~(align - 1);
}

/**
 * hvn_rndis_pad_msg() - let a batched message cover the padding after it
 * @msg: RNDIS message in a send section, from hvn_rndis_build_packet()
 * @pad: bytes between its end and the next message (alignment)
 *
 * The host finds the messages of a batch by their lengths, one right after
 * the other: the padding that aligns the next message belongs to the
 * message before it.
 */
void hvn_rndis_pad_msg(void *msg, u32 pad)
{
	((struct hvn_rndis_hdr *)msg)->msg_len += pad;
}

static void hvn_put_utf16(u8 *p, const char *s, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++) {
		p[2 * i] = s[i];
		p[2 * i + 1] = 0;
	}
}

/**
 * hvn_rndis_build_mac_param() - OID_GEN_RNDIS_CONFIG_PARAMETER to set a MAC
 * @buf: output buffer (the SET information buffer)
 * @buflen: its size, at least HVN_RNDIS_MAC_PARAM_LEN
 * @mac: the new address
 *
 * Builds the "NetworkAddress" string parameter whose value is the address
 * as 12 lowercase hex digits, both in UTF-16LE.
 *
 * Return: HVN_RNDIS_MAC_PARAM_LEN or -ENOSPC.
 */
int hvn_rndis_build_mac_param(void *buf, u32 buflen, const u8 mac[6])
{
	static const char name[] = "NetworkAddress";
	static const char hex[] = "0123456789abcdef";
	struct hvn_rndis_config_param *cp = buf;
	const u32 name_chars = sizeof(name) - 1;
	char value[12];
	u8 *p = buf;
	u32 i;

	BUILD_BUG_ON(sizeof(*cp) + 2 * (sizeof(name) - 1) + 2 * 12 !=
		     HVN_RNDIS_MAC_PARAM_LEN);
	if (buflen < HVN_RNDIS_MAC_PARAM_LEN)
		return -ENOSPC;

	for (i = 0; i < 6; i++) {
		value[2 * i] = hex[mac[i] >> 4];
		value[2 * i + 1] = hex[mac[i] & 0xf];
	}
	cp->name_offset = sizeof(*cp);
	cp->name_length = 2 * name_chars;
	cp->type = HVN_RNDIS_CONFIG_PARAM_TYPE_STRING;
	cp->value_offset = cp->name_offset + cp->name_length;
	cp->value_length = 2 * sizeof(value);
	hvn_put_utf16(p + cp->name_offset, name, name_chars);
	hvn_put_utf16(p + cp->value_offset, value, sizeof(value));
	return HVN_RNDIS_MAC_PARAM_LEN;
}

/**
 * hvn_rndis_packet_filter() - OID_GEN_CURRENT_PACKET_FILTER value
 * @promisc: interface is promiscuous
 * @allmulti: all multicast wanted (IFF_ALLMULTI or a nonempty list)
 * @broadcast: broadcast wanted
 *
 * Directed frames are always wanted; promiscuous mode is sent alone, as
 * it covers all other types.
 *
 * Return: HVN_NDIS_PACKET_TYPE_* bits.
 */
u32 hvn_rndis_packet_filter(bool promisc, bool allmulti, bool broadcast)
{
	u32 filter = HVN_NDIS_PACKET_TYPE_DIRECTED;

	if (promisc)
		return HVN_NDIS_PACKET_TYPE_PROMISCUOUS;
	if (allmulti)
		filter |= HVN_NDIS_PACKET_TYPE_ALL_MULTICAST;
	if (broadcast)
		filter |= HVN_NDIS_PACKET_TYPE_BROADCAST;
	return filter;
}

/**
 * hvn_rndis_build_rss_params() - OID_GEN_RECEIVE_SCALE_PARAMETERS value
 * @buf: output buffer (the SET information buffer)
 * @buflen: its size, at least HVN_RSS_PARAMS_LEN(@itab_cnt)
 * @flag: HVN_NDIS_RSS_PARAM_* flags
 * @hashinfo: HVN_NDIS_HASH_* bits
 * @key: HVN_RSS_KEY_SIZE bytes of Toeplitz key
 * @itab: indirection table (channel numbers)
 * @itab_cnt: number of entries, 1..HVN_RSS_ITAB_MAX
 *
 * Layout: parameters, then the table, then the key.
 *
 * Return: length written, -EINVAL for a bad table size, or -ENOSPC.
 */
int hvn_rndis_build_rss_params(void *buf, u32 buflen, u16 flag,
			       u32 hashinfo, const u8 *key, const u32 *itab,
			       u32 itab_cnt)
{
	struct hvn_ndis_rss_params rp;
	u8 *p = buf;
	u32 len;

	if (!itab_cnt || itab_cnt > HVN_RSS_ITAB_MAX)
		return -EINVAL;
	len = HVN_RSS_PARAMS_LEN(itab_cnt);
	if (buflen < len)
		return -ENOSPC;

	/* built aside: @buf need not be aligned for the structure */
	memset(&rp, 0, sizeof(rp));
	rp.hdr.type = HVN_NDIS_OBJ_TYPE_RSS_PARAMETERS;
	rp.hdr.revision = HVN_NDIS_RSS_PARAMS_REV_2;
	rp.hdr.size = sizeof(rp);
	rp.flag = flag;
	rp.hashinfo = hashinfo;
	rp.indirect_tabsize = itab_cnt * sizeof(u32);
	rp.indirect_taboffset = sizeof(rp);
	rp.hashkey_size = HVN_RSS_KEY_SIZE;
	rp.hashkey_offset = rp.indirect_taboffset + rp.indirect_tabsize;
	memcpy(p, &rp, sizeof(rp));
	memcpy(p + rp.indirect_taboffset, itab, rp.indirect_tabsize);
	memcpy(p + rp.hashkey_offset, key, HVN_RSS_KEY_SIZE);
	return len;
}

/**
 * hvn_ndis_offload_caps_hdr() - prepare the offload capabilities query
 * @caps: zeroed and given the object header for the NVSP version
 *	(revision 3 from NVSP 5, revision 2 for NVSP 4, else revision 1)
 * @nvsp_ver: negotiated NVSP version
 *
 * Send @caps->hdr.size bytes of @caps as the query information buffer.
 */
void hvn_ndis_offload_caps_hdr(struct hvn_ndis_offload *caps, u32 nvsp_ver)
{
	memset(caps, 0, sizeof(*caps));
	caps->hdr.type = HVN_NDIS_OBJ_TYPE_OFFLOAD;
	if (nvsp_ver >= HVN_NVSP_VERSION_5) {
		caps->hdr.revision = HVN_NDIS_OFFLOAD_REV_3;
		caps->hdr.size = HVN_NDIS_OFFLOAD_SIZE_REV_3;
	} else if (nvsp_ver >= HVN_NVSP_VERSION_4) {
		caps->hdr.revision = HVN_NDIS_OFFLOAD_REV_2;
		caps->hdr.size = HVN_NDIS_OFFLOAD_SIZE_REV_2;
	} else {
		caps->hdr.revision = HVN_NDIS_OFFLOAD_REV_1;
		caps->hdr.size = HVN_NDIS_OFFLOAD_SIZE_REV_1;
	}
}

/**
 * hvn_ndis_rss_caps_hdr() - prepare the RSS capabilities query
 * @caps: zeroed and given the revision 2 object header
 */
void hvn_ndis_rss_caps_hdr(struct hvn_ndis_rss_caps *caps)
{
	memset(caps, 0, sizeof(*caps));
	caps->hdr.type = HVN_NDIS_OBJ_TYPE_RSS_CAPABILITIES;
	caps->hdr.revision = HVN_NDIS_RSS_CAPS_REV_2;
	caps->hdr.size = sizeof(*caps);
}

/**
 * hvn_offload_plan() - decide the offloads from the host capabilities
 * @caps: capabilities validated by hvn_ndis_parse_offload_caps()
 * @nvsp_ver: negotiated NVSP version (UDP checksum needs NVSP 5)
 * @plan: filled with the decision
 *
 * TCP checksum needs the TCP and TCP-options bits (plus IPv6 extension
 * headers for IPv6); LSOv2 and UDP checksum are only used together with
 * TCP checksum of the same IP version; IPv6 LSO also needs the extension
 * header and TCP option bits.  RSC needs both IPv4 and IPv6 support.
 */
void hvn_offload_plan(const struct hvn_ndis_offload *caps, u32 nvsp_ver,
		      struct hvn_offload_plan *plan)
{
	const struct hvn_ndis_lsov2_offload *lso = &caps->lsov2;
	bool udp_ok = nvsp_ver >= HVN_NVSP_VERSION_5;

	memset(plan, 0, sizeof(*plan));
	plan->gso_max_size = HVN_GSO_MAX_SIZE;

	if ((caps->csum.ip4_txcsum & HVN_NDIS_TXCSUM_ALL_TCP4) ==
	    HVN_NDIS_TXCSUM_ALL_TCP4) {
		plan->tx_csum_tcp4 = true;
		if (lso->ip4_encap & HVN_NDIS_OFFLOAD_ENCAP_8023) {
			plan->tso4 = true;
			plan->gso_max_size = min(plan->gso_max_size,
						 lso->ip4_maxsz);
		}
		plan->tx_csum_udp4 = udp_ok &&
			(caps->csum.ip4_txcsum & HVN_NDIS_TXCSUM_CAP_UDP4);
	}

	if ((caps->csum.ip6_txcsum & HVN_NDIS_TXCSUM_ALL_TCP6) ==
	    HVN_NDIS_TXCSUM_ALL_TCP6) {
		plan->tx_csum_tcp6 = true;
		if ((lso->ip6_encap & HVN_NDIS_OFFLOAD_ENCAP_8023) &&
		    (lso->ip6_opts & HVN_NDIS_LSOV2_CAP_IP6) ==
		    HVN_NDIS_LSOV2_CAP_IP6) {
			plan->tso6 = true;
			plan->gso_max_size = min(plan->gso_max_size,
						 lso->ip6_maxsz);
		}
		plan->tx_csum_udp6 = udp_ok &&
			(caps->csum.ip6_txcsum & HVN_NDIS_TXCSUM_CAP_UDP6);
	}

	plan->rsc = caps->rsc.ip4 && caps->rsc.ip6;
}

/**
 * hvn_ndis_offload_params() - OID_TCP_OFFLOAD_PARAMETERS value for a plan
 * @p: filled in
 * @plan: decision from hvn_offload_plan()
 * @nvsp_ver: negotiated NVSP version
 * @lro: LRO (RSC) wanted; only used when @plan->rsc
 *
 * IPv4 header checksum is always disabled.  Up to NVSP 4 the short
 * (22-byte) layout is used and UDP checksum stays off.
 *
 * Return: number of bytes of @p to send.
 */
u32 hvn_ndis_offload_params(struct hvn_ndis_offload_params *p,
			    const struct hvn_offload_plan *plan, u32 nvsp_ver,
			    bool lro)
{
	bool v4 = nvsp_ver <= HVN_NVSP_VERSION_4;
	const u8 on = HVN_OFFLOAD_PARAM_TX_RX_ENABLED;
	u8 rsc;

	memset(p, 0, sizeof(*p));
	p->hdr.type = HVN_NDIS_OBJ_TYPE_DEFAULT;
	p->hdr.revision = HVN_NDIS_OFFLOAD_PARAMS_REV_3;
	p->hdr.size = v4 ? HVN_NDIS_OFFLOAD_PARAMS_SIZE_V4 :
			   HVN_NDIS_OFFLOAD_PARAMS_SIZE;
	p->ip_v4_csum = HVN_OFFLOAD_PARAM_TX_RX_DISABLED;
	if (plan->tx_csum_tcp4)
		p->tcp_ip_v4_csum = on;
	if (plan->tx_csum_tcp6)
		p->tcp_ip_v6_csum = on;
	if (plan->tx_csum_udp4 && !v4)
		p->udp_ip_v4_csum = on;
	if (plan->tx_csum_udp6 && !v4)
		p->udp_ip_v6_csum = on;
	if (plan->tso4)
		p->lso_v2_ipv4 = HVN_OFFLOAD_PARAM_LSOV2_ENABLED;
	if (plan->tso6)
		p->lso_v2_ipv6 = HVN_OFFLOAD_PARAM_LSOV2_ENABLED;
	if (plan->rsc && !v4) {
		rsc = lro ? HVN_OFFLOAD_PARAM_RSC_ENABLED :
			    HVN_OFFLOAD_PARAM_RSC_DISABLED;
		p->rsc_ip_v4 = rsc;
		p->rsc_ip_v6 = rsc;
	}
	return p->hdr.size;
}

/* Validate the RNDIS header: returns the message length or -EPROTO */
static int hvn_rndis_hdr_check(const void *buf, u32 buflen, u32 *msg_len,
			       struct hvn_violations *v)
{
	const struct hvn_rndis_hdr *h = buf;

	if (buflen < sizeof(*h))
		return hvn_viol(v, HVN_V_RNDIS_SHORT);
	if (h->msg_len < sizeof(*h) || h->msg_len > buflen)
		return hvn_viol(v, HVN_V_RNDIS_MSG_LEN);
	*msg_len = h->msg_len;
	return 0;
}

/**
 * hvn_rndis_msg_type() - validate the header of a host RNDIS message
 * @buf: message (one receive range)
 * @buflen: bytes available
 * @type: set to the message type
 * @v: violation counters
 *
 * msg_len must be at least the header and at most @buflen, and the type
 * one the host may send: PACKET, INIT_C, QUERY_C, SET_C, RESET_C,
 * KEEPALIVE_C, INDICATE or KEEPALIVE.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_rndis_msg_type(const void *buf, u32 buflen, u32 *type,
		       struct hvn_violations *v)
{
	const struct hvn_rndis_hdr *h = buf;
	u32 msg_len;
	int ret;

	ret = hvn_rndis_hdr_check(buf, buflen, &msg_len, v);
	if (ret)
		return ret;
	switch (h->msg_type) {
	case HVN_RNDIS_MSG_PACKET:
	case HVN_RNDIS_MSG_INIT_C:
	case HVN_RNDIS_MSG_QUERY_C:
	case HVN_RNDIS_MSG_SET_C:
	case HVN_RNDIS_MSG_RESET_C:
	case HVN_RNDIS_MSG_KEEPALIVE_C:
	case HVN_RNDIS_MSG_INDICATE:
	case HVN_RNDIS_MSG_KEEPALIVE:
		*type = h->msg_type;
		return 0;
	default:
		return hvn_viol(v, HVN_V_RNDIS_UNKNOWN_TYPE);
	}
}

/* Validate header and type, and that the body holds @body_len bytes */
static const void *hvn_rndis_body(const void *buf, u32 buflen, u32 type,
				  u32 body_len, u32 *blen,
				  struct hvn_violations *v)
{
	const struct hvn_rndis_hdr *h = buf;
	u32 msg_len;

	if (hvn_rndis_hdr_check(buf, buflen, &msg_len, v))
		return NULL;
	if (h->msg_type != type) {
		hvn_viol(v, HVN_V_RNDIS_UNKNOWN_TYPE);
		return NULL;
	}
	if (msg_len - sizeof(*h) < body_len) {
		hvn_viol(v, HVN_V_RNDIS_SHORT);
		return NULL;
	}
	*blen = msg_len - sizeof(*h);
	return h + 1;
}

static inline u32 hvn_get_u32(const u8 *p)
{
	u32 val;

	memcpy(&val, p, sizeof(val));
	return val;
}

/* Walk the per-packet info area; every step advances by >= 12 bytes */
static int hvn_rndis_walk_ppi(const u8 *p, u32 rem,
			      struct hvn_rndis_rx_pkt *rx,
			      struct hvn_violations *v)
{
	const struct hvn_rndis_ppi *ppi;
	u32 size, poff, bit;
	u32 val = 0;

	while (rem) {
		if (rem < sizeof(*ppi))
			return hvn_viol(v, HVN_V_RNDIS_PPI_ENTRY);
		ppi = (const struct hvn_rndis_ppi *)p;
		size = ppi->size;
		poff = ppi->ppi_offset;
		if (size < sizeof(*ppi) || size > rem ||
		    poff < sizeof(*ppi) || poff > size)
			return hvn_viol(v, HVN_V_RNDIS_PPI_ENTRY);

		switch (ppi->type) {
		case HVN_PPI_TCPIP_CHKSUM:
			bit = HVN_RX_CSUM;
			break;
		case HVN_PPI_IEEE_8021Q:
			bit = HVN_RX_VLAN;
			break;
		case HVN_PPI_NBL_HASH_VALUE:
			bit = HVN_RX_HASH;
			break;
		case HVN_PPI_NBL_HASH_INFO:
			bit = HVN_RX_HASH_INFO;
			break;
		case HVN_PPI_PKTINFO_ID | HVN_PPI_INTERNAL:
			bit = HVN_RX_PKTINFO;
			break;
		default:
			bit = 0;
			break;
		}

		if (bit) {
			if (size - poff < sizeof(u32))
				return hvn_viol(v, HVN_V_RNDIS_PPI_PAYLOAD);
			val = hvn_get_u32(p + poff);
		}
		if (bit && !(rx->flags & bit)) {
			rx->flags |= bit;
			switch (bit) {
			case HVN_RX_CSUM:
				rx->csum = val;
				break;
			case HVN_RX_VLAN:
				rx->vlan_tci = ((val >> HVN_VLAN_ID_SHIFT) &
						HVN_VLAN_ID_MASK) |
					((val >> HVN_VLAN_CFI_SHIFT) & 1) << 12 |
					(val & HVN_VLAN_PRI_MASK) << 13;
				break;
			case HVN_RX_HASH:
				rx->hash = val;
				break;
			case HVN_RX_HASH_INFO:
				rx->hash_info = val;
				break;
			default:
				rx->rsc_flag = (u8)(val >> 8);
				rx->rsc_pkt_id = (u16)(val >> 16);
				break;
			}
		}
		p += size;
		rem -= size;
	}
	return 0;
}

/**
 * hvn_rndis_parse_packet() - validate an RNDIS data packet from the host
 * @buf: message (one receive range)
 * @buflen: bytes available
 * @rx: filled on success; @rx->data points into @buf
 * @v: violation counters
 *
 * Checks msg_len (>= header + packet body, <= @buflen), that the frame
 * (data_offset, data_len) is nonempty, starts after the packet body and
 * lies inside the message, and that the per-packet info area lies inside
 * the message and is a sequence of well-formed elements.  Known elements
 * (checksum, VLAN, hash value, hash info, RSC packet id) must carry a u32
 * payload; the first of each type is used, unknown types are skipped.
 *
 * Return: 0 or -EPROTO (the packet must be dropped).
 */
int hvn_rndis_parse_packet(const void *buf, u32 buflen,
			   struct hvn_rndis_rx_pkt *rx,
			   struct hvn_violations *v)
{
	const struct hvn_rndis_packet *pkt;
	const u8 *body;
	u32 blen;

	pkt = hvn_rndis_body(buf, buflen, HVN_RNDIS_MSG_PACKET, sizeof(*pkt),
			     &blen, v);
	if (!pkt)
		return -EPROTO;
	body = (const u8 *)pkt;

	if (pkt->data_offset < sizeof(*pkt) || pkt->data_offset >= blen)
		return hvn_viol(v, HVN_V_RNDIS_DATA_OFFSET);
	if (!pkt->data_len || pkt->data_len > blen - pkt->data_offset)
		return hvn_viol(v, HVN_V_RNDIS_DATA_LEN);

	memset(rx, 0, sizeof(*rx));
	rx->data = body + pkt->data_offset;
	rx->data_len = pkt->data_len;

	if (!pkt->per_pkt_info_offset)
		return 0;
	if (pkt->per_pkt_info_offset < sizeof(*pkt) ||
	    pkt->per_pkt_info_offset > blen ||
	    pkt->per_pkt_info_len > blen - pkt->per_pkt_info_offset)
		return hvn_viol(v, HVN_V_RNDIS_PPI_BOUNDS);

	return hvn_rndis_walk_ppi(body + pkt->per_pkt_info_offset,
				  pkt->per_pkt_info_len, rx, v);
}

static int hvn_rndis_parse_init_c(const u8 *body, u32 blen,
				  struct hvn_rndis_comp *c,
				  struct hvn_violations *v)
{
	const struct hvn_rndis_init_comp *ic = (const void *)body;

	if (blen < sizeof(*ic))
		return hvn_viol(v, HVN_V_RNDIS_SHORT);
	c->req_id = ic->req_id;
	c->status = ic->status;
	if (c->status != HVN_RNDIS_STATUS_SUCCESS)
		return 0;
	if (ic->pkt_alignment_factor > HVN_RNDIS_MAX_ALIGN_SHIFT)
		return hvn_viol(v, HVN_V_RNDIS_INIT_PARAMS);
	c->major_ver = ic->major_ver;
	c->minor_ver = ic->minor_ver;
	c->max_pkt_per_msg = ic->max_pkt_per_msg;
	c->max_xfer_size = ic->max_xfer_size;
	c->pkt_align = 1U << ic->pkt_alignment_factor;
	return 0;
}

static int hvn_rndis_parse_query_c(const u8 *body, u32 blen,
				   struct hvn_rndis_comp *c,
				   struct hvn_violations *v)
{
	const struct hvn_rndis_query_comp *qc = (const void *)body;

	if (blen < sizeof(*qc))
		return hvn_viol(v, HVN_V_RNDIS_SHORT);
	c->req_id = qc->req_id;
	c->status = qc->status;
	if (!qc->info_buflen)
		return 0;
	if (qc->info_buf_offset < sizeof(*qc) || qc->info_buf_offset > blen ||
	    qc->info_buflen > blen - qc->info_buf_offset)
		return hvn_viol(v, HVN_V_RNDIS_INFO_BOUNDS);
	c->info = body + qc->info_buf_offset;
	c->info_len = qc->info_buflen;
	return 0;
}

/**
 * hvn_rndis_parse_comp() - validate an RNDIS completion from the host
 * @buf: message (one receive range)
 * @buflen: bytes available
 * @c: filled on success; @c->info points into @buf
 * @v: violation counters
 *
 * Handles INIT_C, QUERY_C, SET_C, RESET_C and KEEPALIVE_C.  The body must
 * be complete; a QUERY_C information buffer must lie after the completion
 * fields and inside the message; a successful INIT_C must give a packet
 * alignment of at most 1 << HVN_RNDIS_MAX_ALIGN_SHIFT.  The request id is
 * not checked here (see hvn_reqid_complete()).
 *
 * Return: 0 or -EPROTO.
 */
int hvn_rndis_parse_comp(const void *buf, u32 buflen,
			 struct hvn_rndis_comp *c, struct hvn_violations *v)
{
	const struct hvn_rndis_hdr *h = buf;
	const u8 *body;
	u32 msg_len, blen;
	int ret;

	ret = hvn_rndis_hdr_check(buf, buflen, &msg_len, v);
	if (ret)
		return ret;
	body = (const u8 *)(h + 1);
	blen = msg_len - sizeof(*h);

	memset(c, 0, sizeof(*c));
	c->type = h->msg_type;
	switch (h->msg_type) {
	case HVN_RNDIS_MSG_INIT_C:
		return hvn_rndis_parse_init_c(body, blen, c, v);
	case HVN_RNDIS_MSG_QUERY_C:
		return hvn_rndis_parse_query_c(body, blen, c, v);
	case HVN_RNDIS_MSG_SET_C:
	case HVN_RNDIS_MSG_KEEPALIVE_C:
		if (blen < sizeof(struct hvn_rndis_set_comp))
			return hvn_viol(v, HVN_V_RNDIS_SHORT);
		c->req_id = hvn_get_u32(body);
		c->status = hvn_get_u32(body + 4);
		return 0;
	case HVN_RNDIS_MSG_RESET_C:
		if (blen < sizeof(struct hvn_rndis_reset_comp))
			return hvn_viol(v, HVN_V_RNDIS_SHORT);
		c->status = hvn_get_u32(body);
		return 0;
	default:
		return hvn_viol(v, HVN_V_RNDIS_UNKNOWN_TYPE);
	}
}

/**
 * hvn_rndis_parse_indicate() - validate an INDICATE status message
 * @buf: message (one receive range)
 * @buflen: bytes available
 * @ind: filled on success; @ind->buf points into @buf
 * @v: violation counters
 *
 * A nonempty status buffer must lie after the indicate fields and inside
 * the message; LINK_SPEED_CHANGE must carry at least a u32.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_rndis_parse_indicate(const void *buf, u32 buflen,
			     struct hvn_rndis_indication *ind,
			     struct hvn_violations *v)
{
	const struct hvn_rndis_indicate *in;
	u32 blen;

	in = hvn_rndis_body(buf, buflen, HVN_RNDIS_MSG_INDICATE, sizeof(*in),
			    &blen, v);
	if (!in)
		return -EPROTO;

	memset(ind, 0, sizeof(*ind));
	ind->status = in->status;
	if (in->status_buflen) {
		if (in->status_buf_offset < sizeof(*in) ||
		    in->status_buf_offset > blen ||
		    in->status_buflen > blen - in->status_buf_offset)
			return hvn_viol(v, HVN_V_RNDIS_INDICATE_BOUNDS);
		ind->buf = (const u8 *)in + in->status_buf_offset;
		ind->buflen = in->status_buflen;
	}
	if (in->status == HVN_RNDIS_STATUS_LINK_SPEED_CHANGE) {
		if (ind->buflen < sizeof(u32))
			return hvn_viol(v, HVN_V_RNDIS_INDICATE_BOUNDS);
		ind->link_speed = hvn_get_u32(ind->buf);
	}
	return 0;
}

/**
 * hvn_rndis_parse_keepalive() - validate a KEEPALIVE request from the host
 * @buf: message (one receive range)
 * @buflen: bytes available
 * @req_id: set to the id to answer with hvn_rndis_build_keepalive_c()
 * @v: violation counters
 *
 * Return: 0 or -EPROTO.
 */
int hvn_rndis_parse_keepalive(const void *buf, u32 buflen, u32 *req_id,
			      struct hvn_violations *v)
{
	const struct hvn_rndis_keepalive_req *r;
	u32 blen;

	r = hvn_rndis_body(buf, buflen, HVN_RNDIS_MSG_KEEPALIVE, sizeof(*r),
			   &blen, v);
	if (!r)
		return -EPROTO;
	*req_id = r->req_id;
	return 0;
}

/**
 * hvn_rndis_rx_csum_ok() - did the host verify the L4 checksum
 * @rx: packet from hvn_rndis_parse_packet()
 *
 * Return: true when a checksum PPI reports TCP or UDP checksum success.
 */
bool hvn_rndis_rx_csum_ok(const struct hvn_rndis_rx_pkt *rx)
{
	return (rx->flags & HVN_RX_CSUM) &&
	       (rx->csum & (HVN_RXCSUM_TCP_OK | HVN_RXCSUM_UDP_OK));
}

/**
 * hvn_rndis_rx_csum_bad() - did the host find a bad checksum
 * @rx: packet from hvn_rndis_parse_packet()
 *
 * Return: true when a checksum PPI reports an IP, TCP or UDP checksum
 * failure (the stack then verifies the frame itself).
 */
bool hvn_rndis_rx_csum_bad(const struct hvn_rndis_rx_pkt *rx)
{
	return (rx->flags & HVN_RX_CSUM) &&
	       (rx->csum & (HVN_RXCSUM_TCP_FAILED | HVN_RXCSUM_UDP_FAILED |
			    HVN_RXCSUM_IP_FAILED));
}

/**
 * hvn_rndis_link_speed_mbps() - convert an NDIS link speed to Mbit/s
 * @speed_100bps: speed in units of 100 bit/s (OID_GEN_LINK_SPEED or
 *	LINK_SPEED_CHANGE)
 *
 * Return: speed in Mbit/s.
 */
u32 hvn_rndis_link_speed_mbps(u32 speed_100bps)
{
	return speed_100bps / 10000;
}

/**
 * hvn_rndis_info_u32() - read a u32 QUERY_C result
 * @c: completion from hvn_rndis_parse_comp()
 * @val: set to the value
 * @v: violation counters
 *
 * Return: 0 or -EPROTO if the information buffer is shorter than a u32.
 */
int hvn_rndis_info_u32(const struct hvn_rndis_comp *c, u32 *val,
		       struct hvn_violations *v)
{
	if (!c->info || c->info_len < sizeof(u32))
		return hvn_viol(v, HVN_V_RNDIS_INFO_BOUNDS);
	*val = hvn_get_u32(c->info);
	return 0;
}

/**
 * hvn_rndis_info_mac() - read a MAC address QUERY_C result
 * @c: completion from hvn_rndis_parse_comp()
 * @mac: set to the address
 * @v: violation counters
 *
 * Return: 0 or -EPROTO if the information buffer is shorter than 6 bytes.
 */
int hvn_rndis_info_mac(const struct hvn_rndis_comp *c, u8 mac[6],
		       struct hvn_violations *v)
{
	if (!c->info || c->info_len < 6)
		return hvn_viol(v, HVN_V_RNDIS_INFO_BOUNDS);
	memcpy(mac, c->info, 6);
	return 0;
}

/**
 * hvn_ndis_parse_offload_caps() - validate offload capabilities
 * @info: QUERY_C information buffer
 * @len: its length
 * @caps: filled with the host's object; fields beyond the object's size
 *	(older revisions) are zero
 * @v: violation counters
 *
 * The object must be of the offload type, revision 1 or later, and both
 * its declared size and @len at least the revision 1 size.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_ndis_parse_offload_caps(const void *info, u32 len,
				struct hvn_ndis_offload *caps,
				struct hvn_violations *v)
{
	const struct hvn_ndis_obj_hdr *h = info;
	u32 n;

	if (!info || len < sizeof(*h))
		return hvn_viol(v, HVN_V_RNDIS_INFO_BOUNDS);
	if (h->type != HVN_NDIS_OBJ_TYPE_OFFLOAD ||
	    h->revision < HVN_NDIS_OFFLOAD_REV_1 ||
	    h->size < HVN_NDIS_OFFLOAD_SIZE_REV_1)
		return hvn_viol(v, HVN_V_RNDIS_OBJ_HDR);
	if (len < HVN_NDIS_OFFLOAD_SIZE_REV_1)
		return hvn_viol(v, HVN_V_RNDIS_INFO_BOUNDS);

	n = min_t(u32, len, h->size);
	n = min_t(u32, n, sizeof(*caps));
	memset(caps, 0, sizeof(*caps));
	memcpy(caps, info, n);
	return 0;
}

/**
 * hvn_ndis_parse_rss_caps() - validate RSS capabilities
 * @info: QUERY_C information buffer
 * @len: its length
 * @caps: filled on success
 * @v: violation counters
 *
 * The object must be of the RSS capabilities type and at least the
 * revision 1 size.  The indirection table size is the host's value when
 * it is 1..HVN_RSS_ITAB_MAX, else HVN_RSS_ITAB_DEFAULT.
 *
 * Return: 0 or -EPROTO.
 */
int hvn_ndis_parse_rss_caps(const void *info, u32 len,
			    struct hvn_rss_caps *caps,
			    struct hvn_violations *v)
{
	const struct hvn_ndis_rss_caps *rc = info;
	u32 tabent = 0;

	if (!info || len < HVN_NDIS_RSS_CAPS_SIZE_REV_1)
		return hvn_viol(v, HVN_V_RNDIS_INFO_BOUNDS);
	if (rc->hdr.type != HVN_NDIS_OBJ_TYPE_RSS_CAPABILITIES ||
	    rc->hdr.size < HVN_NDIS_RSS_CAPS_SIZE_REV_1)
		return hvn_viol(v, HVN_V_RNDIS_OBJ_HDR);

	if (len >= HVN_NDIS_RSS_CAPS_SIZE_REV_2 &&
	    rc->hdr.size >= HVN_NDIS_RSS_CAPS_SIZE_REV_2)
		tabent = rc->num_indirect_tabent;

	caps->capabilities = rc->capabilities;
	caps->num_queues = rc->num_recv_que;
	caps->itab_size = (tabent >= 1 && tabent <= HVN_RSS_ITAB_MAX) ?
			  tabent : HVN_RSS_ITAB_DEFAULT;
	return 0;
}
