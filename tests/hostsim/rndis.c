// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim RNDIS device: initialize/halt/query/set/reset/keep-alive,
 * status indications, data packets with per-packet info in both directions,
 * and the host's receive-side scaling (Toeplitz over the guest's key).
 */
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/if_vlan.h>
#if __has_include(<linux/hex.h>)
#include <linux/hex.h>
#endif
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/ip.h>
#include <net/tcp.h>
#if __has_include(<net/gso.h>)
#include <net/gso.h>
#endif
#include <hvn/nvsp.h>
#include <hvn/rndis.h>
#include "hostsim.h"

enum hs_rndis_state { HS_RNDIS_UNINIT, HS_RNDIS_READY, HS_RNDIS_HALTED };

struct hs_rndis {
	enum hs_rndis_state state;
	u32 filter;
	u32 max_xfer;
	bool rss_on;
	u32 hashinfo;
	u8 key[HVN_RSS_KEY_SIZE];
	u32 itab[HVN_RSS_ITAB_MAX];
	u32 itab_len;
	struct hvn_ndis_offload_params offl;	/* current values, merged */
	bool rsc4, rsc6;
	u64 msgs[10];
	u64 oids_unknown;
	u64 tx_csum, tx_lso, tx_vlan, tx_hash;
};

int hs_rndis_alloc(struct hs_dev *d)
{
	d->rndis = kzalloc(sizeof(*d->rndis), GFP_KERNEL);
	return d->rndis ? 0 : -ENOMEM;
}

void hs_rndis_free(struct hs_dev *d)
{
	kfree(d->rndis);
	d->rndis = NULL;
}

void hs_rndis_reset(struct hs_dev *d)
{
	struct hs_rndis *r = d->rndis;
	u64 msgs[ARRAY_SIZE(r->msgs)];

	memcpy(msgs, r->msgs, sizeof(msgs));
	memset(r, 0, sizeof(*r));
	memcpy(r->msgs, msgs, sizeof(msgs));
}

bool hs_rndis_rx_enabled(struct hs_dev *d)
{
	return d->rndis->state == HS_RNDIS_READY && d->rndis->filter && d->link_up;
}

/* ---------------------------------------------------------------- */
/* replies */

static void hs_reply(struct hs_chan *hc, u32 type, const void *body, u32 blen,
		     const void *info, u32 ilen)
{
	u8 buf[512];
	struct hvn_rndis_hdr *h = (void *)buf;

	if (WARN_ON(sizeof(*h) + blen + ilen > sizeof(buf)))
		return;
	h->msg_type = type;
	h->msg_len = sizeof(*h) + blen + ilen;
	memcpy(buf + sizeof(*h), body, blen);
	if (ilen)
		memcpy(buf + sizeof(*h) + blen, info, ilen);
	hs_nvsp_send_rndis(hc->dev->chan[0] ? hc->dev->chan[0] : hc, buf,
			   h->msg_len, true);
}

/* Link and network status, sent by the host on its own. */
void hs_rndis_link_change(struct hs_dev *d, bool up)
{
	struct hvn_rndis_indicate ind = {};
	struct hs_chan *hc = d->chan[0];

	d->link_up = up;
	hs_hist(d, "link %s", up ? "up" : "down");
	if (!hc || d->rndis->state != HS_RNDIS_READY)
		return;
	ind.status = up ? HVN_RNDIS_STATUS_MEDIA_CONNECT :
			  HVN_RNDIS_STATUS_MEDIA_DISCONNECT;
	ind.status_buf_offset = sizeof(ind);
	hs_reply(hc, HVN_RNDIS_MSG_INDICATE, &ind, sizeof(ind), NULL, 0);
}

/* ---------------------------------------------------------------- */
/* OIDs */

static u32 hs_offload_caps(struct hs_dev *d, struct hvn_ndis_offload *o)
{
	const struct hs_profile *p = d->prof;
	u32 ver = 0, size;
	u32 tcp4 = HVN_NDIS_TXCSUM_ALL_TCP4, tcp6 = HVN_NDIS_TXCSUM_ALL_TCP6;

	memset(o, 0, sizeof(*o));
	/* the structure revision follows the NVSP version, as on Hyper-V */
	ver = hs_nvsp_version_of(d);
	if (ver >= HVN_NVSP_VERSION_5) {
		o->hdr.revision = HVN_NDIS_OFFLOAD_REV_3;
		size = HVN_NDIS_OFFLOAD_SIZE_REV_3;
	} else if (ver >= HVN_NVSP_VERSION_4) {
		o->hdr.revision = HVN_NDIS_OFFLOAD_REV_2;
		size = HVN_NDIS_OFFLOAD_SIZE_REV_2;
	} else {
		o->hdr.revision = HVN_NDIS_OFFLOAD_REV_1;
		size = HVN_NDIS_OFFLOAD_SIZE_REV_1;
	}
	o->hdr.type = HVN_NDIS_OBJ_TYPE_OFFLOAD;
	o->hdr.size = size;
	if (p->udp_csum) {
		tcp4 |= HVN_NDIS_TXCSUM_CAP_UDP4;
		tcp6 |= HVN_NDIS_TXCSUM_CAP_UDP6;
	}
	o->csum.ip4_txenc = HVN_NDIS_OFFLOAD_ENCAP_8023;
	o->csum.ip4_txcsum = tcp4 | HVN_NDIS_TXCSUM_CAP_IP4;
	o->csum.ip4_rxenc = HVN_NDIS_OFFLOAD_ENCAP_8023;
	o->csum.ip4_rxcsum = tcp4 | HVN_NDIS_TXCSUM_CAP_IP4;
	if (p->ipv6_csum) {
		o->csum.ip6_txenc = HVN_NDIS_OFFLOAD_ENCAP_8023;
		o->csum.ip6_txcsum = tcp6;
		o->csum.ip6_rxenc = HVN_NDIS_OFFLOAD_ENCAP_8023;
		o->csum.ip6_rxcsum = tcp6;
	}
	o->lsov2.ip4_encap = HVN_NDIS_OFFLOAD_ENCAP_8023;
	o->lsov2.ip4_maxsz = 62780;
	o->lsov2.ip4_minsg = 2;
	if (p->ipv6_csum) {
		o->lsov2.ip6_encap = HVN_NDIS_OFFLOAD_ENCAP_8023;
		o->lsov2.ip6_maxsz = 62780;
		o->lsov2.ip6_minsg = 2;
		o->lsov2.ip6_opts = HVN_NDIS_LSOV2_CAP_IP6;
	}
	if (size >= HVN_NDIS_OFFLOAD_SIZE_REV_3 && p->rsc) {
		o->rsc.ip4 = 1;
		o->rsc.ip6 = 1;
	}
	return size;
}

static void hs_on_query(struct hs_chan *hc, const u8 *msg, u32 len)
{
	struct hs_dev *d = hc->dev;
	const struct hvn_rndis_query_req *q = (const void *)(msg + 8);
	struct hvn_rndis_query_comp c = {};
	union {
		u32 u;
		u8 mac[ETH_ALEN];
		u16 name[32];
		struct hvn_ndis_offload off;
		struct hvn_ndis_rss_caps rss;
	} info;
	u32 ilen = 0;
	const char *fname = "Hyper-V Network Adapter (hostsim)";
	int i;

	if (len < 8 + sizeof(*q)) {
		hs_violation(d, "RNDIS QUERY of %u bytes", len);
		return;
	}
	if (q->info_buflen && (q->info_buf_offset < sizeof(*q) ||
			       q->info_buf_offset > len - 8 ||
			       q->info_buflen > len - 8 - q->info_buf_offset))
		hs_violation(d, "RNDIS QUERY oid %#x input buffer outside the message",
			     q->oid);
	memset(&info, 0, sizeof(info));
	c.req_id = q->req_id;
	c.status = HVN_RNDIS_STATUS_SUCCESS;
	switch (q->oid) {
	case HVN_OID_GEN_MAXIMUM_FRAME_SIZE:
		info.u = hs_nvsp_mtu_of(d) - ETH_HLEN;
		ilen = 4;
		break;
	case HVN_OID_GEN_LINK_SPEED:
		info.u = div_u64(d->prof->link_speed, 100);
		ilen = 4;
		break;
	case HVN_OID_GEN_MEDIA_CONNECT_STATUS:
		info.u = d->link_up ? HVN_NDIS_MEDIA_STATE_CONNECTED :
				      HVN_NDIS_MEDIA_STATE_DISCONNECTED;
		ilen = 4;
		break;
	case HVN_OID_802_3_PERMANENT_ADDRESS:
	case HVN_OID_802_3_CURRENT_ADDRESS:
		memcpy(info.mac, d->mac, ETH_ALEN);
		ilen = ETH_ALEN;
		break;
	case HVN_OID_GEN_FRIENDLY_NAME:
		for (i = 0; fname[i] && i < 31; i++)
			info.name[i] = fname[i];
		ilen = (i + 1) * 2;
		break;
	case HVN_OID_GEN_CURRENT_PACKET_FILTER:
		info.u = d->rndis->filter;
		ilen = 4;
		break;
	case HVN_OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES:
		ilen = hs_offload_caps(d, &info.off);
		break;
	case HVN_OID_GEN_RECEIVE_SCALE_CAPABILITIES:
		if (!d->prof->rss) {
			c.status = HVN_RNDIS_STATUS_NOT_SUPPORTED;
			break;
		}
		info.rss.hdr.type = HVN_NDIS_OBJ_TYPE_RSS_CAPABILITIES;
		info.rss.hdr.revision = HVN_NDIS_RSS_CAPS_REV_2;
		info.rss.hdr.size = HVN_NDIS_RSS_CAPS_SIZE_REV_2;
		info.rss.capabilities = HVN_NDIS_RSS_CAPS_HASH_TCP_IPV4 |
					HVN_NDIS_RSS_CAPS_HASH_TCP_IPV6 |
					HVN_NDIS_HASH_FUNC_TOEPLITZ;
		info.rss.num_int_msg = 1;
		info.rss.num_recv_que = d->prof->max_queues;
		info.rss.num_indirect_tabent = HVN_RSS_ITAB_DEFAULT;
		ilen = HVN_NDIS_RSS_CAPS_SIZE_REV_2;
		break;
	default:
		d->rndis->oids_unknown++;
		c.status = HVN_RNDIS_STATUS_NOT_SUPPORTED;
		break;
	}
	hs_hist(d, "QUERY %#x -> %#x", q->oid, c.status);
	c.info_buflen = ilen;
	c.info_buf_offset = ilen ? sizeof(c) : 0;
	hs_reply(hc, HVN_RNDIS_MSG_QUERY_C, &c, sizeof(c), &info, ilen);
}

static u32 hs_set_rss(struct hs_dev *d, const u8 *info, u32 ilen)
{
	struct hs_rndis *r = d->rndis;
	struct hvn_ndis_rss_params p;
	u32 i, n, nchan;

	/*
	 * Setting an OID the device did not offer is legal RNDIS: the device
	 * answers NOT_SUPPORTED (the in-tree driver does it on ethtool -X).
	 */
	if (!d->prof->rss) {
		r->oids_unknown++;
		hs_hist(d, "RSS parameters refused: no vRSS");
		return HVN_RNDIS_STATUS_NOT_SUPPORTED;
	}
	if (ilen < sizeof(p)) {
		hs_violation(d, "RSS parameters of %u bytes", ilen);
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	memcpy(&p, info, sizeof(p));
	if (p.hdr.type != HVN_NDIS_OBJ_TYPE_RSS_PARAMETERS ||
	    p.hdr.revision < HVN_NDIS_RSS_PARAMS_REV_2 || p.hdr.size < sizeof(p)) {
		hs_violation(d, "RSS parameters header %#x/%u/%u", p.hdr.type,
			     p.hdr.revision, p.hdr.size);
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	if (p.flag & HVN_NDIS_RSS_PARAM_DISABLE_RSS) {
		r->rss_on = false;
		hs_hist(d, "RSS disabled");
		return HVN_RNDIS_STATUS_SUCCESS;
	}
	if (!(p.flag & HVN_NDIS_RSS_PARAM_HASH_INFO_UNCHANGED)) {
		if ((p.hashinfo & 0xff) != HVN_NDIS_HASH_FUNC_TOEPLITZ ||
		    p.hashinfo & ~(0xffU | HVN_HASH_INFO_TYPE_MASK)) {
			hs_violation(d, "RSS hash info %#x", p.hashinfo);
			return HVN_RNDIS_STATUS_INVALID_DATA;
		}
		r->hashinfo = p.hashinfo;
	}
	if (!(p.flag & HVN_NDIS_RSS_PARAM_HASH_KEY_UNCHANGED)) {
		if (p.hashkey_size != HVN_RSS_KEY_SIZE ||
		    p.hashkey_offset < sizeof(p) || p.hashkey_offset > ilen ||
		    p.hashkey_size > ilen - p.hashkey_offset) {
			hs_violation(d, "RSS key %u bytes at %u (of %u)",
				     p.hashkey_size, p.hashkey_offset, ilen);
			return HVN_RNDIS_STATUS_INVALID_DATA;
		}
		memcpy(r->key, info + p.hashkey_offset, HVN_RSS_KEY_SIZE);
	}
	if (!(p.flag & HVN_NDIS_RSS_PARAM_ITABLE_UNCHANGED)) {
		n = p.indirect_tabsize / 4;
		if (!n || p.indirect_tabsize % 4 || n > HVN_RSS_ITAB_MAX ||
		    p.indirect_taboffset < sizeof(p) || p.indirect_taboffset > ilen ||
		    p.indirect_tabsize > ilen - p.indirect_taboffset) {
			hs_violation(d, "RSS table %u bytes at %u (of %u)",
				     p.indirect_tabsize, p.indirect_taboffset, ilen);
			return HVN_RNDIS_STATUS_INVALID_DATA;
		}
		nchan = 1 + d->num_open_sub;
		memcpy(r->itab, info + p.indirect_taboffset, n * 4);
		for (i = 0; i < n; i++)
			if (r->itab[i] >= nchan) {
				hs_violation(d, "RSS table entry %u names channel %u of %u",
					     i, r->itab[i], nchan);
				r->itab[i] = 0;
			}
		r->itab_len = n;
	}
	r->rss_on = r->itab_len && r->hashinfo;
	hs_hist(d, "RSS on: %u entries hash %#x", r->itab_len, r->hashinfo);
	return HVN_RNDIS_STATUS_SUCCESS;
}

static u32 hs_set_offload(struct hs_dev *d, const u8 *info, u32 ilen)
{
	struct hs_rndis *r = d->rndis;
	struct hvn_ndis_offload_params p = {};

	if (ilen < HVN_NDIS_OFFLOAD_PARAMS_SIZE_V4) {
		hs_violation(d, "offload parameters of %u bytes", ilen);
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	memcpy(&p, info, min_t(u32, ilen, sizeof(p)));
	if (p.hdr.type != HVN_NDIS_OBJ_TYPE_DEFAULT || !p.hdr.revision ||
	    p.hdr.revision > 3 || p.hdr.size > ilen) {
		hs_violation(d, "offload parameters header %#x/%u/%u", p.hdr.type,
			     p.hdr.revision, p.hdr.size);
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	if (!d->prof->udp_csum && (p.udp_ip_v4_csum > 1 || p.udp_ip_v6_csum > 1))
		hs_violation(d, "UDP checksum offload requested from a host without it");
	if (p.rsc_ip_v4 > 2 || p.rsc_ip_v6 > 2 || p.lso_v2_ipv4 > 2 ||
	    p.lso_v2_ipv6 > 2 || p.tcp_ip_v4_csum > 4 || p.udp_ip_v4_csum > 4 ||
	    p.tcp_ip_v6_csum > 4 || p.udp_ip_v6_csum > 4 || p.ip_v4_csum > 4)
		hs_violation(d, "offload parameter value out of range");
	if (!d->prof->rsc && (p.rsc_ip_v4 == HVN_OFFLOAD_PARAM_RSC_ENABLED ||
			      p.rsc_ip_v6 == HVN_OFFLOAD_PARAM_RSC_ENABLED))
		hs_violation(d, "RSC enabled on a host without RSC");
	/* 0 means "no change" for every field */
#define HS_MERGE(f) do { if (p.f) r->offl.f = p.f; } while (0)
	HS_MERGE(ip_v4_csum);
	HS_MERGE(tcp_ip_v4_csum);
	HS_MERGE(udp_ip_v4_csum);
	HS_MERGE(tcp_ip_v6_csum);
	HS_MERGE(udp_ip_v6_csum);
	HS_MERGE(lso_v1);
	HS_MERGE(ip_sec_v1);
	HS_MERGE(lso_v2_ipv4);
	HS_MERGE(lso_v2_ipv6);
	HS_MERGE(tcp_connection_ip_v4);
	HS_MERGE(tcp_connection_ip_v6);
	if (ilen >= HVN_NDIS_OFFLOAD_PARAMS_SIZE) {
		HS_MERGE(rsc_ip_v4);
		HS_MERGE(rsc_ip_v6);
	}
#undef HS_MERGE
	r->rsc4 = d->prof->rsc && r->offl.rsc_ip_v4 == HVN_OFFLOAD_PARAM_RSC_ENABLED;
	r->rsc6 = d->prof->rsc && r->offl.rsc_ip_v6 == HVN_OFFLOAD_PARAM_RSC_ENABLED;
	hs_hist(d, "OFFLOAD tcp4 %u udp4 %u tcp6 %u lso %u/%u rsc %u/%u", p.tcp_ip_v4_csum,
		p.udp_ip_v4_csum, p.tcp_ip_v6_csum, p.lso_v2_ipv4, p.lso_v2_ipv6,
		p.rsc_ip_v4, p.rsc_ip_v6);
	return HVN_RNDIS_STATUS_SUCCESS;
}

static u32 hs_set_config_param(struct hs_dev *d, const u8 *info, u32 ilen)
{
	struct hvn_rndis_config_param cp;
	static const char want[] = "NetworkAddress";
	u8 mac[ETH_ALEN];
	u32 i;

	if (ilen < sizeof(cp)) {
		hs_violation(d, "config parameter of %u bytes", ilen);
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	memcpy(&cp, info, sizeof(cp));
	if (cp.name_offset > ilen || cp.name_length > ilen - cp.name_offset ||
	    cp.value_offset > ilen || cp.value_length > ilen - cp.value_offset) {
		hs_violation(d, "config parameter name/value outside the buffer");
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	if (cp.name_length != 2 * (sizeof(want) - 1))
		return HVN_RNDIS_STATUS_NOT_SUPPORTED;
	for (i = 0; i < sizeof(want) - 1; i++)
		if (get_unaligned_le16(info + cp.name_offset + 2 * i) != want[i])
			return HVN_RNDIS_STATUS_NOT_SUPPORTED;
	if (cp.type != HVN_RNDIS_CONFIG_PARAM_TYPE_STRING || cp.value_length != 24) {
		hs_violation(d, "NetworkAddress type %u length %u", cp.type,
			     cp.value_length);
		return HVN_RNDIS_STATUS_INVALID_DATA;
	}
	for (i = 0; i < ETH_ALEN; i++) {
		int hi = hex_to_bin(get_unaligned_le16(info + cp.value_offset + 4 * i));
		int lo = hex_to_bin(get_unaligned_le16(info + cp.value_offset + 4 * i + 2));

		if (hi < 0 || lo < 0) {
			hs_violation(d, "NetworkAddress is not hex");
			return HVN_RNDIS_STATUS_INVALID_DATA;
		}
		mac[i] = hi << 4 | lo;
	}
	memcpy(d->mac, mac, ETH_ALEN);
	hs_hist(d, "MAC set %pM", mac);
	return HVN_RNDIS_STATUS_SUCCESS;
}

static void hs_on_set(struct hs_chan *hc, const u8 *msg, u32 len)
{
	struct hs_dev *d = hc->dev;
	const struct hvn_rndis_set_req *s = (const void *)(msg + 8);
	struct hvn_rndis_set_comp c = {};
	const u8 *info;
	u32 ilen;

	if (len < 8 + sizeof(*s)) {
		hs_violation(d, "RNDIS SET of %u bytes", len);
		return;
	}
	c.req_id = s->req_id;
	ilen = s->info_buflen;
	if (s->info_buf_offset < sizeof(*s) || s->info_buf_offset > len - 8 ||
	    ilen > len - 8 - s->info_buf_offset) {
		hs_violation(d, "RNDIS SET oid %#x buffer %u at %u outside %u bytes",
			     s->oid, ilen, s->info_buf_offset, len);
		c.status = HVN_RNDIS_STATUS_INVALID_DATA;
		goto reply;
	}
	info = msg + 8 + s->info_buf_offset;
	switch (s->oid) {
	case HVN_OID_GEN_CURRENT_PACKET_FILTER:
		if (ilen != 4) {
			hs_violation(d, "packet filter of %u bytes", ilen);
			c.status = HVN_RNDIS_STATUS_INVALID_DATA;
			break;
		}
		d->rndis->filter = get_unaligned_le32(info);
		if (d->rndis->filter & ~0x3fU)
			hs_violation(d, "packet filter %#x has unknown bits",
				     d->rndis->filter);
		hs_hist(d, "FILTER %#x", d->rndis->filter);
		break;
	case HVN_OID_TCP_OFFLOAD_PARAMETERS:
		c.status = hs_set_offload(d, info, ilen);
		break;
	case HVN_OID_GEN_RECEIVE_SCALE_PARAMETERS:
		c.status = hs_set_rss(d, info, ilen);
		break;
	case HVN_OID_GEN_RNDIS_CONFIG_PARAMETER:
		c.status = hs_set_config_param(d, info, ilen);
		break;
	case HVN_OID_802_3_MULTICAST_LIST:
	case HVN_OID_OFFLOAD_ENCAPSULATION:
		break;
	default:
		d->rndis->oids_unknown++;
		c.status = HVN_RNDIS_STATUS_NOT_SUPPORTED;
	}
	hs_hist(d, "SET %#x -> %#x", s->oid, c.status);
reply:
	hs_reply(hc, HVN_RNDIS_MSG_SET_C, &c, sizeof(c), NULL, 0);
}

static void hs_on_init(struct hs_chan *hc, const u8 *msg, u32 len)
{
	struct hs_dev *d = hc->dev;
	const struct hvn_rndis_init_req *q = (const void *)(msg + 8);
	struct hvn_rndis_init_comp c = {};

	if (len < 8 + sizeof(*q)) {
		hs_violation(d, "RNDIS INIT of %u bytes", len);
		return;
	}
	c.req_id = q->req_id;
	if (q->major_ver != HVN_RNDIS_MAJOR_VERSION ||
	    q->minor_ver != HVN_RNDIS_MINOR_VERSION) {
		hs_violation(d, "RNDIS INIT version %u.%u", q->major_ver,
			     q->minor_ver);
		c.status = HVN_RNDIS_STATUS_NOT_SUPPORTED;
	}
	if (d->rndis->state == HS_RNDIS_READY)
		hs_violation(d, "second RNDIS INIT");
	if (!c.status) {
		d->rndis->state = HS_RNDIS_READY;
		d->rndis->max_xfer = q->max_xfer_size;
	}
	c.major_ver = HVN_RNDIS_MAJOR_VERSION;
	c.minor_ver = HVN_RNDIS_MINOR_VERSION;
	c.dev_flags = HVN_RNDIS_DF_CONNECTIONLESS;
	c.medium = HVN_RNDIS_MEDIUM_802_3;
	c.max_pkt_per_msg = 8;
	c.max_xfer_size = 0xefffffff;
	c.pkt_alignment_factor = 3;
	hs_hist(d, "RNDIS INIT max_xfer %u", q->max_xfer_size);
	hs_reply(hc, HVN_RNDIS_MSG_INIT_C, &c, sizeof(c), NULL, 0);
}

static int hs_on_control(struct hs_chan *hc, const u8 *msg, u32 type, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_rndis *r = d->rndis;

	if (type != HVN_RNDIS_MSG_INIT && r->state != HS_RNDIS_READY) {
		hs_violation(d, "RNDIS message %#x before INIT", type);
		return -EINVAL;
	}
	switch (type) {
	case HVN_RNDIS_MSG_INIT:
		hs_on_init(hc, msg, len);
		break;
	case HVN_RNDIS_MSG_QUERY:
		hs_on_query(hc, msg, len);
		break;
	case HVN_RNDIS_MSG_SET:
		hs_on_set(hc, msg, len);
		break;
	case HVN_RNDIS_MSG_HALT:
		r->state = HS_RNDIS_HALTED;
		hs_hist(d, "RNDIS HALT");
		break;
	case HVN_RNDIS_MSG_RESET: {
		struct hvn_rndis_reset_comp c = {};

		hs_reply(hc, HVN_RNDIS_MSG_RESET_C, &c, sizeof(c), NULL, 0);
		break;
	}
	case HVN_RNDIS_MSG_KEEPALIVE: {
		struct hvn_rndis_keepalive_comp c = {};

		if (len < 12) {
			hs_violation(d, "KEEPALIVE of %u bytes", len);
			return -EINVAL;
		}
		c.req_id = get_unaligned_le32(msg + 8);
		hs_reply(hc, HVN_RNDIS_MSG_KEEPALIVE_C, &c, sizeof(c), NULL, 0);
		break;
	}
	default:
		hs_violation(d, "RNDIS control message type %#x", type);
		return -EINVAL;
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* guest -> host data */

struct hs_txinfo {
	bool csum, lso, vlan;
	u32 csum_bits, lso_bits, vlan_bits;
};

static int hs_parse_ppi(struct hs_dev *d, const u8 *body, u32 blen,
			const struct hvn_rndis_packet *p, struct hs_txinfo *ti)
{
	u32 off = p->per_pkt_info_offset, left = p->per_pkt_info_len;

	if (!left)
		return 0;
	if (off < sizeof(*p) || off > blen || left > blen - off) {
		hs_violation(d, "PPI area %u at %u outside the packet", left, off);
		return -EINVAL;
	}
	while (left) {
		struct hvn_rndis_ppi ppi;
		u32 dlen, val;

		if (left < sizeof(ppi)) {
			hs_violation(d, "PPI header cut off");
			return -EINVAL;
		}
		memcpy(&ppi, body + off, sizeof(ppi));
		if (ppi.size < sizeof(ppi) || ppi.size > left ||
		    ppi.ppi_offset < sizeof(ppi) || ppi.ppi_offset > ppi.size) {
			hs_violation(d, "PPI size %u offset %u (left %u)", ppi.size,
				     ppi.ppi_offset, left);
			return -EINVAL;
		}
		dlen = ppi.size - ppi.ppi_offset;
		val = dlen >= 4 ? get_unaligned_le32(body + off + ppi.ppi_offset) : 0;
		if (ppi.type & HVN_PPI_INTERNAL) {
			hs_violation(d, "guest sent internal PPI %#x", ppi.type);
		} else {
			switch (ppi.type) {
			case HVN_PPI_TCPIP_CHKSUM:
				ti->csum = true;
				ti->csum_bits = val;
				break;
			case HVN_PPI_TCP_LARGESEND:
				ti->lso = true;
				ti->lso_bits = val;
				break;
			case HVN_PPI_IEEE_8021Q:
				ti->vlan = true;
				ti->vlan_bits = val;
				break;
			case HVN_PPI_NBL_HASH_VALUE:
				d->rndis->tx_hash++;
				break;
			default:
				hs_violation(d, "PPI type %u not valid on send", ppi.type);
			}
			if (dlen < 4)
				hs_violation(d, "PPI type %u with %u data bytes",
					     ppi.type, dlen);
		}
		off += ppi.size;
		left -= ppi.size;
	}
	return 0;
}

static int hs_tx_offload(struct hs_dev *d, struct sk_buff *skb,
			 const struct hs_txinfo *ti)
{
	u32 l4off, l3;
	bool v6;

	skb_reset_mac_header(skb);
	if (skb->len < ETH_HLEN)
		return -EINVAL;
	skb->protocol = eth_hdr(skb)->h_proto;
	skb_set_network_header(skb, ETH_HLEN);
	if (ti->lso) {
		u32 mss = ti->lso_bits & HVN_LSO_MSS_MASK;

		v6 = ti->lso_bits & HVN_LSO_IPV6;
		l4off = (ti->lso_bits >> HVN_LSO_TCP_HDR_OFF_SHIFT) & HVN_LSO_TCP_HDR_OFF_MAX;
		l3 = v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
		if (!(ti->lso_bits & HVN_LSO_TYPE_V2) || !mss ||
		    l4off < ETH_HLEN + l3 || l4off + sizeof(struct tcphdr) > skb->len ||
		    l4off + tcp_hdrlen(skb) > skb->len) {
			hs_violation(d, "LSO info %#x on a %u byte frame", ti->lso_bits,
				     skb->len);
			return -EINVAL;
		}
		skb_set_transport_header(skb, l4off);
		if (l4off + tcp_hdrlen(skb) > skb->len || tcp_hdrlen(skb) < 20) {
			hs_violation(d, "LSO TCP header beyond the frame");
			return -EINVAL;
		}
		/*
		 * LSOv2 hands the host zeroed IP lengths and a pseudo-header
		 * checksum without length; restate the frame the way the
		 * host's segmenter (here: Linux GSO) wants it.
		 */
		if (v6) {
			struct ipv6hdr *ip6 = ipv6_hdr(skb);

			if (ip6->version != 6 || ip6->nexthdr != IPPROTO_TCP) {
				hs_violation(d, "LSO IPv6 frame is not TCP over IPv6");
				return -EINVAL;
			}
			ip6->payload_len = htons(skb->len - ETH_HLEN - sizeof(*ip6));
			tcp_hdr(skb)->check = ~tcp_v6_check(skb->len - l4off,
							    &ip6->saddr, &ip6->daddr, 0);
		} else {
			struct iphdr *ip = ip_hdr(skb);

			if (ip->version != 4 || ip->protocol != IPPROTO_TCP ||
			    ETH_HLEN + ip->ihl * 4 != l4off) {
				hs_violation(d, "LSO IPv4 frame is not TCP over IPv4");
				return -EINVAL;
			}
			if (ip->tot_len)
				hs_violation(d, "LSO IPv4 total length not zeroed");
			ip->tot_len = htons(skb->len - ETH_HLEN);
			ip_send_check(ip);
			tcp_hdr(skb)->check = ~tcp_v4_check(skb->len - l4off,
							    ip->saddr, ip->daddr, 0);
		}
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_headroom(skb) + l4off;
		skb->csum_offset = offsetof(struct tcphdr, check);
		skb_shinfo(skb)->gso_size = mss;
		skb_shinfo(skb)->gso_type = v6 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4;
		skb_shinfo(skb)->gso_segs = 0;
		d->rndis->tx_lso++;
		return 1;
	}
	if (ti->csum && (ti->csum_bits & (HVN_TXCSUM_TCP | HVN_TXCSUM_UDP))) {
		bool tcp = ti->csum_bits & HVN_TXCSUM_TCP;

		l4off = (ti->csum_bits >> HVN_TXCSUM_TCP_HDR_OFF_SHIFT) &
			HVN_TXCSUM_TCP_HDR_OFF_MAX;
		if (l4off < ETH_HLEN + sizeof(struct iphdr) ||
		    l4off + (tcp ? sizeof(struct tcphdr) : sizeof(struct udphdr)) >
		    skb->len || (tcp && ti->csum_bits & HVN_TXCSUM_UDP)) {
			hs_violation(d, "checksum info %#x on a %u byte frame",
				     ti->csum_bits, skb->len);
			return -EINVAL;
		}
		if (!tcp && !d->prof->udp_csum)
			hs_violation(d, "UDP checksum offload used on a host without it");
		skb_set_transport_header(skb, l4off);
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_headroom(skb) + l4off;
		skb->csum_offset = tcp ? offsetof(struct tcphdr, check) :
					 offsetof(struct udphdr, check);
		d->rndis->tx_csum++;
		if (skb_checksum_help(skb))
			return -EINVAL;
	}
	return 0;
}

static int hs_tx_packet(struct hs_chan *hc, const u8 *msg, u32 len)
{
	struct hs_dev *d = hc->dev;
	const u8 *body = msg + 8;
	u32 blen = len - 8;
	struct hvn_rndis_packet p;
	struct hs_txinfo ti = {};
	struct sk_buff *skb, *segs, *next;
	int gso;

	if (blen < sizeof(p)) {
		hs_violation(d, "RNDIS PACKET of %u bytes", len);
		return -EINVAL;
	}
	memcpy(&p, body, sizeof(p));
	if (p.oob_data_offset || p.oob_data_len || p.num_oob_data_elements ||
	    p.vc_handle)
		hs_violation(d, "RNDIS PACKET with OOB data or VC handle");
	if (!p.data_len || p.data_offset < sizeof(p) || p.data_offset > blen ||
	    p.data_len > blen - p.data_offset) {
		hs_violation(d, "RNDIS PACKET data %u at %u outside %u bytes",
			     p.data_len, p.data_offset, blen);
		return -EINVAL;
	}
	if (hs_parse_ppi(d, body, blen, &p, &ti))
		return -EINVAL;
	if (p.data_len > 65535 + ETH_HLEN || p.data_len < ETH_HLEN) {
		hs_violation(d, "frame of %u bytes", p.data_len);
		return -EINVAL;
	}
	if (!ti.lso && p.data_len > hs_nvsp_mtu_of(d) + VLAN_HLEN)
		hs_violation(d, "frame of %u bytes over the NDIS MTU %u",
			     p.data_len, hs_nvsp_mtu_of(d));
	hc->tx_frames++;
	hc->tx_bytes += p.data_len;
	if (READ_ONCE(d->dp_vf))
		atomic64_inc(&d->syn_tx_offpath);
	if (!d->port)
		return 0;
	skb = netdev_alloc_skb(d->port, p.data_len + NET_IP_ALIGN);
	if (!skb)
		return 0;
	skb_reserve(skb, NET_IP_ALIGN);
	skb_put_data(skb, body + p.data_offset, p.data_len);
	gso = hs_tx_offload(d, skb, &ti);
	if (gso < 0) {
		kfree_skb(skb);
		return -EINVAL;
	}
	if (ti.vlan) {
		d->rndis->tx_vlan++;
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
				       (ti.vlan_bits >> HVN_VLAN_ID_SHIFT & HVN_VLAN_ID_MASK) |
				       (ti.vlan_bits & HVN_VLAN_PRI_MASK) << VLAN_PRIO_SHIFT);
	}
	if (!gso) {
		hs_port_deliver(d, skb);
		return 0;
	}
	/* the host segments large sends */
	segs = skb_gso_segment(skb, 0);
	if (IS_ERR_OR_NULL(segs)) {
		hs_violation(d, "LSO frame could not be segmented");
		kfree_skb(skb);
		return -EINVAL;
	}
	consume_skb(skb);
	skb_list_walk_safe(segs, segs, next) {
		skb_mark_not_on_list(segs);
		hs_port_deliver(d, segs);
	}
	return 0;
}

/* One NVSP RNDIS transfer: a control message or one or more packets. */
int hs_rndis_from_guest(struct hs_chan *hc, const u8 *buf, u32 len, bool control)
{
	struct hs_dev *d = hc->dev;
	struct hs_rndis *r = d->rndis;
	u32 off = 0, n = 0;
	int err = 0;

	while (off < len) {
		u32 type, mlen;

		if (len - off < sizeof(struct hvn_rndis_hdr)) {
			if (n)	/* trailing padding of a batch */
				break;
			hs_violation(d, "RNDIS message of %u bytes", len - off);
			return -EINVAL;
		}
		type = get_unaligned_le32(buf + off);
		mlen = get_unaligned_le32(buf + off + 4);
		if (mlen < sizeof(struct hvn_rndis_hdr) || mlen > len - off) {
			hs_violation(d, "RNDIS message length %u (have %u)", mlen,
				     len - off);
			return -EINVAL;
		}
		if (type < ARRAY_SIZE(r->msgs))
			r->msgs[type]++;
		if (control) {
			if (type == HVN_RNDIS_MSG_PACKET || n) {
				hs_violation(d, "data or batch on the control channel");
				return -EINVAL;
			}
			err = hs_on_control(hc, buf + off, type, mlen);
		} else {
			if (type != HVN_RNDIS_MSG_PACKET) {
				hs_violation(d, "RNDIS type %#x on the data channel", type);
				return -EINVAL;
			}
			if (r->state != HS_RNDIS_READY) {
				hs_violation(d, "RNDIS PACKET before INIT");
				return -EINVAL;
			}
			if (++n > 8 + 1)
				hs_violation(d, "more packets in one message than max_pkt");
			err = hs_tx_packet(hc, buf + off, mlen);
		}
		if (err)
			return err;
		off += mlen;
		if (control)
			break;
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* host -> guest data: RSS and the RNDIS packet */

static u32 hs_toeplitz(const u8 *key, const u8 *in, u32 len)
{
	u32 hash = 0, v = get_unaligned_be32(key), i, b;

	for (i = 0; i < len; i++) {
		for (b = 0; b < 8; b++) {
			if (in[i] & (0x80 >> b))
				hash ^= v;
			v <<= 1;
			if (i + 4 < HVN_RSS_KEY_SIZE && key[i + 4] & (0x80 >> b))
				v |= 1;
		}
	}
	return hash;
}

/*
 * Channel for a frame going to the guest.  With RSS on, the frame's hash and
 * hash type go to its control block (they become the hash PPIs).
 */
u32 hs_rndis_pick_channel(struct hs_dev *d, struct sk_buff *skb)
{
	struct hs_rndis *r = d->rndis;
	struct hs_rxcb *cb = HS_RXCB(skb);
	u8 in[36];
	u32 n = 0, type = 0, h;
	const struct ethhdr *eh;
	u32 l3 = ETH_HLEN;

	cb->hash = 0;
	cb->hashinfo = 0;
	if (!r->rss_on || skb_headlen(skb) < ETH_HLEN)
		return 0;
	eh = (const struct ethhdr *)skb->data;
	if (eh->h_proto == htons(ETH_P_IP) && skb_headlen(skb) >= l3 + sizeof(struct iphdr) &&
	    r->hashinfo & (HVN_NDIS_HASH_IPV4 | HVN_NDIS_HASH_TCP_IPV4)) {
		const struct iphdr *ip = (const void *)(skb->data + l3);
		u32 l4 = l3 + ip->ihl * 4;

		memcpy(in, &ip->saddr, 8);
		n = 8;
		type = HVN_NDIS_HASH_IPV4;
		if (ip->protocol == IPPROTO_TCP && !(ip->frag_off & htons(IP_MF | IP_OFFSET)) &&
		    r->hashinfo & HVN_NDIS_HASH_TCP_IPV4 && skb_headlen(skb) >= l4 + 4) {
			memcpy(in + 8, skb->data + l4, 4);
			n = 12;
			type = HVN_NDIS_HASH_TCP_IPV4;
		} else if (!(r->hashinfo & HVN_NDIS_HASH_IPV4)) {
			return 0;
		}
	} else if (eh->h_proto == htons(ETH_P_IPV6) &&
		   skb_headlen(skb) >= l3 + sizeof(struct ipv6hdr) &&
		   r->hashinfo & (HVN_NDIS_HASH_IPV6 | HVN_NDIS_HASH_TCP_IPV6)) {
		const struct ipv6hdr *ip6 = (const void *)(skb->data + l3);
		u32 l4 = l3 + sizeof(*ip6);

		memcpy(in, &ip6->saddr, 32);
		n = 32;
		type = HVN_NDIS_HASH_IPV6;
		if (ip6->nexthdr == IPPROTO_TCP && r->hashinfo & HVN_NDIS_HASH_TCP_IPV6 &&
		    skb_headlen(skb) >= l4 + 4) {
			memcpy(in + 32, skb->data + l4, 4);
			n = 36;
			type = HVN_NDIS_HASH_TCP_IPV6;
		} else if (!(r->hashinfo & HVN_NDIS_HASH_IPV6)) {
			return 0;
		}
	}
	if (!n)
		return 0;
	h = hs_toeplitz(r->key, in, n);
	cb->hash = h;
	cb->hashinfo = type | HVN_NDIS_HASH_FUNC_TOEPLITZ;
	return r->itab[h % r->itab_len];
}

bool hs_rndis_rsc_on(struct hs_dev *d, bool v6)
{
	return v6 ? d->rndis->rsc6 : d->rndis->rsc4;
}

/* Receive checksum offload enabled by the guest (3 RX only, 4 TX and RX). */
static bool hs_rx_offl(u8 v)
{
	return v == HVN_OFFLOAD_PARAM_RX_ENABLED_TX_DISABLED ||
	       v == HVN_OFFLOAD_PARAM_TX_RX_ENABLED;
}

/* Verify an L4 checksum at @off (@len bytes) against its pseudo header. */
static bool hs_l4_ok(struct sk_buff *skb, u32 off, u32 len, u8 proto, bool v6,
		     const void *l3)
{
	__wsum sum = skb_checksum(skb, off, len, 0);

	if (v6) {
		const struct ipv6hdr *ip6 = l3;

		return !csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len, proto, sum);
	}
	return !csum_tcpudp_magic(((const struct iphdr *)l3)->saddr,
				  ((const struct iphdr *)l3)->daddr, len, proto, sum);
}

/*
 * The checksum PPI of a frame: the host verifies what the guest asked it to
 * (OID_TCP_OFFLOAD_PARAMETERS, within what the profile offers) and reports
 * ok or failed per check.  0: nothing to report, no PPI.
 */
static u32 hs_rx_csum(struct hs_dev *d, struct sk_buff *skb)
{
	const struct hvn_ndis_offload_params *o = &d->rndis->offl;
	const struct hs_profile *p = d->prof;
	u8 hdr[sizeof(struct ipv6hdr)];
	u32 bits = 0, l4, l4len;
	bool tcp_on, udp_on, v6;
	__be16 proto;
	u8 l4p;

	if (skb_headlen(skb) < ETH_HLEN)
		return 0;
	proto = ((const struct ethhdr *)skb->data)->h_proto;
	if (proto == htons(ETH_P_IP)) {
		const struct iphdr *ip = (const void *)hdr;
		u32 ihl;

		if (skb_copy_bits(skb, ETH_HLEN, hdr, sizeof(struct iphdr)))
			return 0;
		ihl = ip->ihl * 4;
		if (ip->version != 4 || ihl < sizeof(*ip) ||
		    ETH_HLEN + ihl > skb->len || ntohs(ip->tot_len) < ihl ||
		    ETH_HLEN + ntohs(ip->tot_len) > skb->len ||
		    csum_fold(skb_checksum(skb, ETH_HLEN, ihl, 0))) {
			return hs_rx_offl(o->ip_v4_csum) ? HVN_RXCSUM_IP_FAILED : 0;
		}
		if (hs_rx_offl(o->ip_v4_csum))
			bits |= HVN_RXCSUM_IP_OK;
		if (ip->frag_off & htons(IP_MF | IP_OFFSET))
			return bits;
		v6 = false;
		l4p = ip->protocol;
		l4 = ETH_HLEN + ihl;
		l4len = ntohs(ip->tot_len) - ihl;
		tcp_on = hs_rx_offl(o->tcp_ip_v4_csum);
		udp_on = hs_rx_offl(o->udp_ip_v4_csum) && p->udp_csum;
	} else if (proto == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6 = (const void *)hdr;

		if (!p->ipv6_csum || skb_copy_bits(skb, ETH_HLEN, hdr, sizeof(*ip6)) ||
		    ip6->version != 6 ||
		    ETH_HLEN + sizeof(*ip6) + ntohs(ip6->payload_len) > skb->len)
			return 0;
		v6 = true;
		l4p = ip6->nexthdr;
		l4 = ETH_HLEN + sizeof(*ip6);
		l4len = ntohs(ip6->payload_len);
		tcp_on = hs_rx_offl(o->tcp_ip_v6_csum);
		udp_on = hs_rx_offl(o->udp_ip_v6_csum) && p->udp_csum;
	} else {
		return 0;
	}
	if (l4p == IPPROTO_TCP && tcp_on && l4len >= sizeof(struct tcphdr)) {
		bits |= hs_l4_ok(skb, l4, l4len, l4p, v6, hdr) ?
			HVN_RXCSUM_TCP_OK : HVN_RXCSUM_TCP_FAILED;
	} else if (l4p == IPPROTO_UDP && udp_on && l4len >= sizeof(struct udphdr)) {
		__be16 check;

		/* an IPv4 UDP checksum of 0 means "none": nothing to verify */
		if (skb_copy_bits(skb, l4 + offsetof(struct udphdr, check), &check, 2))
			return bits;
		if (check || v6)
			bits |= hs_l4_ok(skb, l4, l4len, l4p, v6, hdr) ?
				HVN_RXCSUM_UDP_OK : HVN_RXCSUM_UDP_FAILED;
	}
	return bits;
}

/* The per-packet information of a frame to the guest. */
void hs_rndis_rx_meta(struct hs_chan *hc, struct sk_buff *skb, struct hs_rxmeta *m)
{
	m->csum = hs_rx_csum(hc->dev, skb);
	m->hash = HS_RXCB(skb)->hash;
	m->hashinfo = HS_RXCB(skb)->hashinfo;
	m->vlan = skb_vlan_tag_present(skb);
	m->tci = m->vlan ? skb_vlan_tag_get(skb) : 0;
}

/*
 * Length of the RNDIS PACKET header and PPIs of one receive message.  @frag
 * is 0 for a whole frame, else the RSC fragment flags (HVN_PKTINFO_*): only
 * the first fragment carries the frame's checksum, VLAN and hash PPIs.
 */
u32 hs_rndis_rx_hdrlen(const struct hs_rxmeta *m, u8 frag)
{
	u32 n = 0;

	if (!frag || frag & HVN_PKTINFO_1ST_FRAG)
		n = !!m->csum + m->vlan + (m->hashinfo ? 2 : 0);
	if (frag)
		n++;
	return 8 + sizeof(struct hvn_rndis_packet) + n * HVN_PPI_U32_SIZE;
}

static u32 hs_put_ppi(u8 *dst, u32 off, u32 type, u32 val)
{
	struct hvn_rndis_ppi *ppi = (void *)(dst + off);

	ppi->size = HVN_PPI_U32_SIZE;
	ppi->type = type;
	ppi->ppi_offset = sizeof(*ppi);
	put_unaligned_le32(val, dst + off + sizeof(*ppi));
	return off + HVN_PPI_U32_SIZE;
}

/*
 * Write the RNDIS PACKET header and PPIs for @dlen data bytes at @dst; the
 * caller puts the data right after.  Returns the header length.
 */
u32 hs_rndis_rx_header(struct hs_chan *hc, const struct hs_rxmeta *m, u8 frag,
		       u8 *dst, u32 dlen)
{
	u32 hlen = hs_rndis_rx_hdrlen(m, frag), off;
	struct hvn_rndis_packet *p;
	bool first = !frag || frag & HVN_PKTINFO_1ST_FRAG;

	put_unaligned_le32(HVN_RNDIS_MSG_PACKET, dst);
	put_unaligned_le32(hlen + dlen, dst + 4);
	p = (void *)(dst + 8);
	memset(p, 0, sizeof(*p));
	p->data_offset = hlen - 8;
	p->data_len = dlen;
	p->per_pkt_info_len = hlen - 8 - sizeof(*p);
	p->per_pkt_info_offset = p->per_pkt_info_len ? sizeof(*p) : 0;
	off = 8 + sizeof(*p);
	if (first && m->csum) {
		off = hs_put_ppi(dst, off, HVN_PPI_TCPIP_CHKSUM, m->csum);
		hc->ctr.csum_ppi++;
		hc->ctr.csum_tcp += !!(m->csum & HVN_RXCSUM_TCP_OK);
		hc->ctr.csum_udp += !!(m->csum & HVN_RXCSUM_UDP_OK);
		hc->ctr.csum_ip += !!(m->csum & HVN_RXCSUM_IP_OK);
		if (m->csum & (HVN_RXCSUM_TCP_FAILED | HVN_RXCSUM_UDP_FAILED |
			       HVN_RXCSUM_IP_FAILED))
			hc->ctr.csum_bad++;
	}
	if (first && m->vlan)
		off = hs_put_ppi(dst, off, HVN_PPI_IEEE_8021Q,
				 (m->tci & VLAN_VID_MASK) << HVN_VLAN_ID_SHIFT |
				 (m->tci >> VLAN_PRIO_SHIFT));
	if (first && m->hashinfo) {
		off = hs_put_ppi(dst, off, HVN_PPI_NBL_HASH_VALUE, m->hash);
		off = hs_put_ppi(dst, off, HVN_PPI_NBL_HASH_INFO, m->hashinfo);
		hc->ctr.hash_ppi++;
	}
	if (frag)
		/* {version u8, flags u8, packet id u16}, little endian */
		off = hs_put_ppi(dst, off, HVN_PPI_PKTINFO_ID | HVN_PPI_INTERNAL,
				 HVN_PKTINFO_ID_V1 | (u32)frag << 8 |
				 (u32)(hc->ctr.rsc_pkts & 0xffff) << 16);
	return off;
}

/* The guest's packet filter, applied by the host's switch port. */
bool hs_rndis_accepts(struct hs_dev *d, const struct sk_buff *skb)
{
	u32 f = d->rndis->filter;
	const u8 *dst = skb->data;

	if (f & HVN_NDIS_PACKET_TYPE_PROMISCUOUS)
		return true;
	if (is_broadcast_ether_addr(dst))
		return f & HVN_NDIS_PACKET_TYPE_BROADCAST;
	if (is_multicast_ether_addr(dst))
		return f & (HVN_NDIS_PACKET_TYPE_ALL_MULTICAST |
			    HVN_NDIS_PACKET_TYPE_MULTICAST);
	return (f & HVN_NDIS_PACKET_TYPE_DIRECTED) && ether_addr_equal(dst, d->mac);
}

void hs_rndis_show(struct seq_file *m, struct hs_dev *d)
{
	struct hs_rndis *r = d->rndis;
	u32 i;

	seq_printf(m, "rndis_state %s\n", r->state == HS_RNDIS_READY ? "ready" :
		   r->state == HS_RNDIS_HALTED ? "halted" : "uninitialized");
	seq_printf(m, "packet_filter %#x\n", r->filter);
	seq_printf(m, "rss %s entries %u hashinfo %#x\n", r->rss_on ? "on" : "off",
		   r->itab_len, r->hashinfo);
	seq_printf(m, "offload ip4 %u tcp4 %u udp4 %u tcp6 %u udp6 %u lso4 %u lso6 %u rsc4 %u rsc6 %u\n",
		   r->offl.ip_v4_csum, r->offl.tcp_ip_v4_csum, r->offl.udp_ip_v4_csum,
		   r->offl.tcp_ip_v6_csum, r->offl.udp_ip_v6_csum,
		   r->offl.lso_v2_ipv4, r->offl.lso_v2_ipv6, r->offl.rsc_ip_v4,
		   r->offl.rsc_ip_v6);
	/* what the guest configured, for tests of ethtool -X */
	seq_printf(m, "rss_key %*phN\n", HVN_RSS_KEY_SIZE, r->key);
	seq_puts(m, "rss_table");
	for (i = 0; i < r->itab_len; i++)
		seq_printf(m, " %u", r->itab[i]);
	seq_puts(m, "\n");
	seq_printf(m, "rsc ip4 %s ip6 %s\n", r->rsc4 ? "on" : "off",
		   r->rsc6 ? "on" : "off");
	seq_printf(m, "tx_csum %llu tx_lso %llu tx_vlan %llu tx_hash %llu\n",
		   r->tx_csum, r->tx_lso, r->tx_vlan, r->tx_hash);
	seq_printf(m, "oids_unsupported %llu\n", r->oids_unknown);
	for (i = 0; i < ARRAY_SIZE(r->msgs); i++)
		if (r->msgs[i])
			seq_printf(m, "rndis_msg %u %llu\n", i, r->msgs[i]);
}
