// SPDX-License-Identifier: GPL-2.0
/*
 * Seed corpora for the fuzz harnesses, built from valid messages.
 *
 * Messages are made with the project's own builders where the guest has
 * one (RNDIS data packet headers, keepalives, NVSP SEND_RNDIS_PKT, object
 * headers, request ids from hvn_reqid_alloc) and with the wire structures
 * of include/hvn for what only the host sends.  Every seed is checked to
 * be accepted by the parser it targets, so a seed that drifts from the
 * code fails the build instead of silently seeding garbage.
 *
 * usage: gen_seeds OUTDIR   (writes OUTDIR/<harness>/seed-*)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <hvn/types.h>
#include "hvn_nvsp.h"
#include "hvn_rndis.h"
#include "hvn_reqid.h"
#include "hvn_rsc.h"

static const char *outdir;
static unsigned int nseeds;

#define DIE(...) do { fprintf(stderr, "gen_seeds: " __VA_ARGS__);	\
		      fputc('\n', stderr); exit(1); } while (0)
#define MUST(cond) do { if (!(cond)) DIE("%s:%d: %s", __FILE__,	\
					  __LINE__, #cond); } while (0)

/* A growing byte buffer */
struct buf {
	u8 b[16384];
	u32 len;
};

static void *put(struct buf *b, const void *p, u32 len)
{
	void *at = b->b + b->len;

	MUST(b->len + len <= sizeof(b->b));
	if (p)
		memcpy(at, p, len);
	else
		memset(at, 0, len);
	b->len += len;
	return at;
}

static void put_u8(struct buf *b, u8 v)
{
	put(b, &v, 1);
}

static void put_u16(struct buf *b, u16 v)
{
	put(b, &v, 2);
}

static void put_u32(struct buf *b, u32 v)
{
	put(b, &v, 4);
}

static void write_seed(const char *harness, const char *name,
		       const struct buf *b)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", outdir, harness);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/%s/seed-%s", outdir, harness, name);
	f = fopen(path, "wb");
	if (!f || fwrite(b->b, 1, b->len, f) != b->len || fclose(f))
		DIE("cannot write %s", path);
	nseeds++;
}

/* --- RNDIS messages as the host sends them --- */

/* One per-packet-info element with a u32 payload */
static void ppi_u32(struct buf *b, u32 type, u32 val)
{
	struct hvn_rndis_ppi ppi = {
		.size = HVN_PPI_U32_SIZE,
		.type = type,
		.ppi_offset = sizeof(ppi),
	};

	put(b, &ppi, sizeof(ppi));
	put_u32(b, val);
}

#define RX_CSUM		BIT(0)
#define RX_VLAN		BIT(1)
#define RX_HASH		BIT(2)
#define RX_FRAG		BIT(3)

/*
 * An RNDIS data packet with @frame_len frame bytes and the per-packet
 * info in @ppis; @frag is the RSC fragment flag byte (with RX_FRAG).
 */
static void rndis_data(struct buf *b, u32 frame_len, u32 ppis, u8 frag,
		       u16 pkt_id)
{
	struct hvn_rndis_tx_info ti = { 0 };
	struct buf ppi = { .len = 0 };
	struct hvn_rndis_packet *p;
	struct hvn_rndis_rx_pkt rx;
	struct hvn_violations v = { 0 };
	u32 start = b->len, hdr_len, i;
	int ret;

	/* the guest's builder gives the header layout, no PPI */
	hdr_len = hvn_rndis_tx_hdr_len(&ti);
	ret = hvn_rndis_build_packet(put(b, NULL, hdr_len), hdr_len, &ti,
				     frame_len);
	MUST(ret == (int)hdr_len);

	/* receive-side per-packet info */
	if (ppis & RX_CSUM)
		ppi_u32(&ppi, HVN_PPI_TCPIP_CHKSUM,
			HVN_RXCSUM_TCP_OK | HVN_RXCSUM_IP_OK);
	if (ppis & RX_VLAN)
		ppi_u32(&ppi, HVN_PPI_IEEE_8021Q, (5 << HVN_VLAN_ID_SHIFT) | 3);
	if (ppis & RX_HASH) {
		ppi_u32(&ppi, HVN_PPI_NBL_HASH_VALUE, 0x12345678);
		ppi_u32(&ppi, HVN_PPI_NBL_HASH_INFO,
			HVN_HASH_INFO_FUNC_TOEPLITZ | 0x100);
	}
	if (ppis & RX_FRAG)
		ppi_u32(&ppi, HVN_PPI_PKTINFO_ID | HVN_PPI_INTERNAL,
			HVN_PKTINFO_ID_V1 | (u32)frag << 8 | (u32)pkt_id << 16);
	if (ppi.len) {
		p = (void *)(b->b + start + HVN_RNDIS_HDR_SIZE);
		p->per_pkt_info_offset = sizeof(*p);
		p->per_pkt_info_len = ppi.len;
		p->data_offset = sizeof(*p) + ppi.len;
		put(b, ppi.b, ppi.len);
		((struct hvn_rndis_hdr *)(b->b + start))->msg_len =
			hdr_len + ppi.len + frame_len;
	}
	for (i = 0; i < frame_len; i++)
		put_u8(b, i < 12 ? 0x02 : (u8)(i * 7));

	MUST(hvn_rndis_parse_packet(b->b + start, b->len - start, &rx,
				    &v) == 0);
}

static void rndis_init_c(struct buf *b, u32 status, u32 align_shift)
{
	struct hvn_rndis_hdr h = {
		.msg_type = HVN_RNDIS_MSG_INIT_C,
		.msg_len = sizeof(h) + sizeof(struct hvn_rndis_init_comp),
	};
	struct hvn_rndis_init_comp c = {
		.req_id = 1,
		.status = status,
		.major_ver = HVN_RNDIS_MAJOR_VERSION,
		.minor_ver = HVN_RNDIS_MINOR_VERSION,
		.dev_flags = HVN_RNDIS_DF_CONNECTIONLESS,
		.medium = HVN_RNDIS_MEDIUM_802_3,
		.max_pkt_per_msg = 8,
		.max_xfer_size = 0x4000,
		.pkt_alignment_factor = align_shift,
	};

	put(b, &h, sizeof(h));
	put(b, &c, sizeof(c));
}

static void rndis_query_c(struct buf *b, u32 req_id, const void *info,
			  u32 info_len)
{
	struct hvn_rndis_hdr h = {
		.msg_type = HVN_RNDIS_MSG_QUERY_C,
		.msg_len = sizeof(h) + sizeof(struct hvn_rndis_query_comp) +
			   info_len,
	};
	struct hvn_rndis_query_comp c = {
		.req_id = req_id,
		.status = HVN_RNDIS_STATUS_SUCCESS,
		.info_buflen = info_len,
		.info_buf_offset = info_len ? sizeof(c) : 0,
	};

	put(b, &h, sizeof(h));
	put(b, &c, sizeof(c));
	put(b, info, info_len);
}

static void rndis_simple_c(struct buf *b, u32 type, u32 w0, u32 w1)
{
	struct hvn_rndis_hdr h = { .msg_type = type, .msg_len = 16 };

	put(b, &h, sizeof(h));
	put_u32(b, w0);
	put_u32(b, w1);
}

static void rndis_indicate(struct buf *b, u32 status, const void *sbuf,
			   u32 slen)
{
	struct hvn_rndis_hdr h = {
		.msg_type = HVN_RNDIS_MSG_INDICATE,
		.msg_len = sizeof(h) + sizeof(struct hvn_rndis_indicate) + slen,
	};
	struct hvn_rndis_indicate in = {
		.status = status,
		.status_buflen = slen,
		.status_buf_offset = slen ? sizeof(in) : 0,
	};

	put(b, &h, sizeof(h));
	put(b, &in, sizeof(in));
	put(b, sbuf, slen);
}

static void rndis_keepalive(struct buf *b, u32 req_id)
{
	int n = hvn_rndis_build_keepalive(put(b, NULL, 12), 12, req_id);

	MUST(n == 12);
}

static void offload_caps(struct hvn_ndis_offload *caps, u32 nvsp_ver)
{
	hvn_ndis_offload_caps_hdr(caps, nvsp_ver);
	caps->csum.ip4_txcsum = HVN_NDIS_TXCSUM_ALL_TCP4 |
				HVN_NDIS_TXCSUM_CAP_UDP4;
	caps->csum.ip6_txcsum = HVN_NDIS_TXCSUM_ALL_TCP6 |
				HVN_NDIS_TXCSUM_CAP_UDP6;
	caps->lsov2.ip4_encap = HVN_NDIS_OFFLOAD_ENCAP_8023;
	caps->lsov2.ip4_maxsz = 62780;
	caps->lsov2.ip4_minsg = 2;
	caps->lsov2.ip6_encap = HVN_NDIS_OFFLOAD_ENCAP_8023;
	caps->lsov2.ip6_maxsz = 62780;
	caps->lsov2.ip6_minsg = 2;
	caps->lsov2.ip6_opts = HVN_NDIS_LSOV2_CAP_IP6;
	if (caps->hdr.revision >= HVN_NDIS_OFFLOAD_REV_3) {
		caps->rsc.ip4 = 1;
		caps->rsc.ip6 = 1;
	}
}

static void gen_rndis_ctrl(void)
{
	const char *h = "rndis_ctrl";
	struct hvn_ndis_offload caps;
	struct hvn_ndis_rss_caps rss;
	const u8 mac[6] = { 0x00, 0x15, 0x5d, 0x01, 0x02, 0x03 };
	struct buf b;
	u32 val;

	b.len = 0;
	rndis_init_c(&b, HVN_RNDIS_STATUS_SUCCESS, 3);
	write_seed(h, "init_c", &b);
	b.len = 0;
	rndis_init_c(&b, HVN_RNDIS_STATUS_FAILURE, 0);
	write_seed(h, "init_c_fail", &b);

	b.len = 0;
	val = 100000000;	/* 10 Gbit/s in 100 bit/s units */
	rndis_query_c(&b, 2, &val, sizeof(val));
	write_seed(h, "query_c_u32", &b);
	b.len = 0;
	rndis_query_c(&b, 3, mac, sizeof(mac));
	write_seed(h, "query_c_mac", &b);
	b.len = 0;
	rndis_query_c(&b, 4, NULL, 0);
	write_seed(h, "query_c_empty", &b);

	b.len = 0;
	offload_caps(&caps, HVN_NVSP_VERSION_61);
	rndis_query_c(&b, 5, &caps, caps.hdr.size);
	write_seed(h, "query_c_offload_rev3", &b);
	b.len = 0;
	offload_caps(&caps, HVN_NVSP_VERSION_4);
	rndis_query_c(&b, 6, &caps, caps.hdr.size);
	write_seed(h, "query_c_offload_rev2", &b);
	b.len = 0;
	offload_caps(&caps, HVN_NVSP_VERSION_2);
	rndis_query_c(&b, 7, &caps, caps.hdr.size);
	write_seed(h, "query_c_offload_rev1", &b);

	b.len = 0;
	hvn_ndis_rss_caps_hdr(&rss);
	rss.capabilities = HVN_NDIS_RSS_CAPS_MSI | 0x100;
	rss.num_int_msg = 8;
	rss.num_recv_que = 8;
	rss.num_indirect_tabent = 128;
	rndis_query_c(&b, 8, &rss, sizeof(rss));
	write_seed(h, "query_c_rss", &b);

	b.len = 0;
	rndis_simple_c(&b, HVN_RNDIS_MSG_SET_C, 9, HVN_RNDIS_STATUS_SUCCESS);
	write_seed(h, "set_c", &b);
	b.len = 0;
	rndis_simple_c(&b, HVN_RNDIS_MSG_RESET_C, HVN_RNDIS_STATUS_SUCCESS, 0);
	write_seed(h, "reset_c", &b);
	b.len = 0;
	MUST(hvn_rndis_build_keepalive_c(put(&b, NULL, 16), 16, 10,
					 HVN_RNDIS_STATUS_SUCCESS) == 16);
	write_seed(h, "keepalive_c", &b);

	b.len = 0;
	rndis_indicate(&b, HVN_RNDIS_STATUS_MEDIA_CONNECT, NULL, 0);
	write_seed(h, "indicate_connect", &b);
	b.len = 0;
	val = 400000000;
	rndis_indicate(&b, HVN_RNDIS_STATUS_LINK_SPEED_CHANGE, &val,
		       sizeof(val));
	write_seed(h, "indicate_speed", &b);
	b.len = 0;
	rndis_indicate(&b, HVN_RNDIS_STATUS_NETWORK_CHANGE, mac, sizeof(mac));
	write_seed(h, "indicate_network", &b);

	b.len = 0;
	rndis_keepalive(&b, 11);
	write_seed(h, "keepalive", &b);
	b.len = 0;
	rndis_data(&b, 60, RX_CSUM | RX_VLAN | RX_HASH | RX_FRAG,
		   HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG |
		   HVN_PKTINFO_LAST_FRAG, 1);
	write_seed(h, "packet", &b);
}

/* --- receive path: transfer-page packet + receive buffer --- */

struct range {
	u32 off;
	u32 len;
};

/* Harness input: u16 packet length, u16 section size, packet, buffer */
static void rx_seed(const char *name, u16 section, const struct range *r,
		    u32 n, const struct buf *rb)
{
	struct hvn_violations v = { 0 };
	struct hvn_vmpkt_xfer_hdr *hdr;
	struct hvn_nvsp_msg m;
	struct hvn_xfer_pkt x;
	struct hvn_vmpkt vp;
	struct buf pkt, in;
	u32 hdr_len = HVN_VMPKT_XFER_HDR_SIZE(n), i, mlen;

	pkt.len = 0;
	hdr = put(&pkt, NULL, hdr_len);
	hdr->d.type = HVN_VMPKT_DATA_XFER_PAGES;
	hdr->d.offset8 = hdr_len >> HVN_VMPKT_UNIT_SHIFT;
	hdr->d.flags = HVN_VMPKT_FLAG_COMPLETION_REQUESTED;
	hdr->d.trans_id = 0x1000 + n;
	hdr->xfer_pageset_id = HVN_NVSP_RECV_BUF_ID;
	hdr->range_cnt = n;
	for (i = 0; i < n; i++) {
		hdr->ranges[i].byte_offset = r[i].off;
		hdr->ranges[i].byte_count = r[i].len;
	}
	mlen = hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_DATA, 0, 0);
	put(&pkt, &m, mlen);
	hdr = (void *)pkt.b;
	hdr->d.len8 = pkt.len >> HVN_VMPKT_UNIT_SHIFT;
	MUST(!(pkt.len & 7) && !(hdr_len & 7));

	MUST(hvn_vmpkt_parse(pkt.b, pkt.len, &vp, &v) == 0);
	MUST(hvn_nvsp_parse_xfer(&vp, rb->len, section ? section : rb->len,
				 &x, &v) == 0);
	for (i = 0; i < n; i++) {
		u32 o, l;

		MUST(hvn_nvsp_xfer_range(&x, i, &o, &l, &v) == 0);
	}
	MUST(v.total == 0);

	in.len = 0;
	put_u16(&in, pkt.len);
	put_u16(&in, section);
	put(&in, pkt.b, pkt.len);
	put(&in, rb->b, rb->len);
	write_seed("rx", name, &in);
}

/* Append a message to the receive buffer at an 8-byte boundary */
static struct range rb_add(struct buf *rb, const struct buf *msg)
{
	struct range r;

	while (rb->len & 7)
		put_u8(rb, 0);
	r.off = rb->len;
	r.len = msg->len;
	put(rb, msg->b, msg->len);
	return r;
}

static void gen_rx(void)
{
	struct range r[8];
	struct buf rb, m;
	u32 val, extra, i;

	/* one plain frame */
	rb.len = 0;
	m.len = 0;
	rndis_data(&m, 60, 0, 0, 0);
	r[0] = rb_add(&rb, &m);
	rx_seed("single", 0, r, 1, &rb);

	/* one frame with every receive per-packet info */
	rb.len = 0;
	m.len = 0;
	rndis_data(&m, 1514, RX_CSUM | RX_VLAN | RX_HASH, 0, 0);
	r[0] = rb_add(&rb, &m);
	rx_seed("ppi", 2048, r, 1, &rb);

	/* two frames in two ranges */
	rb.len = 0;
	m.len = 0;
	rndis_data(&m, 64, RX_CSUM, 0, 0);
	r[0] = rb_add(&rb, &m);
	m.len = 0;
	rndis_data(&m, 128, RX_HASH | RX_VLAN, 0, 0);
	r[1] = rb_add(&rb, &m);
	rx_seed("two", 0, r, 2, &rb);

	/* an RSC chain of three fragments, then a plain frame */
	rb.len = 0;
	m.len = 0;
	rndis_data(&m, 100, RX_CSUM | RX_HASH | RX_FRAG,
		   HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG, 7);
	r[0] = rb_add(&rb, &m);
	m.len = 0;
	rndis_data(&m, 80, RX_FRAG, HVN_PKTINFO_SUBALLOC, 7);
	r[1] = rb_add(&rb, &m);
	m.len = 0;
	rndis_data(&m, 40, RX_FRAG,
		   HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_LAST_FRAG, 7);
	r[2] = rb_add(&rb, &m);
	m.len = 0;
	rndis_data(&m, 60, RX_FRAG, 0, 8);
	r[3] = rb_add(&rb, &m);
	rx_seed("rsc", 0, r, 4, &rb);

	/* a single-fragment RSC frame (first and last) */
	rb.len = 0;
	m.len = 0;
	rndis_data(&m, 90, RX_FRAG, HVN_PKTINFO_SUBALLOC |
		   HVN_PKTINFO_1ST_FRAG | HVN_PKTINFO_LAST_FRAG, 9);
	r[0] = rb_add(&rb, &m);
	rx_seed("rsc_one", 0, r, 1, &rb);

	/*
	 * RSC chains at the fragment limit: first, middle fragments (all
	 * ranges pointing at the same message), last.  HVN_RSC_MAX fragments
	 * make a frame; one more middle fragment makes too many.
	 */
	for (extra = 0; extra < 2; extra++) {
		static struct range big[HVN_RSC_MAX + 1];

		rb.len = 0;
		m.len = 0;
		rndis_data(&m, 60, RX_FRAG,
			   HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG, 11);
		big[0] = rb_add(&rb, &m);
		m.len = 0;
		rndis_data(&m, 8, RX_FRAG, HVN_PKTINFO_SUBALLOC, 11);
		big[1] = rb_add(&rb, &m);
		for (i = 2; i < HVN_RSC_MAX - 1 + extra; i++)
			big[i] = big[1];
		m.len = 0;
		rndis_data(&m, 8, RX_FRAG,
			   HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_LAST_FRAG, 11);
		big[i] = rb_add(&rb, &m);
		rx_seed(extra ? "rsc_too_many" : "rsc_max", 0, big, i + 1, &rb);
	}

	/* control messages the host sends through the receive buffer */
	rb.len = 0;
	m.len = 0;
	rndis_init_c(&m, HVN_RNDIS_STATUS_SUCCESS, 3);
	r[0] = rb_add(&rb, &m);
	m.len = 0;
	val = 100000000;
	rndis_query_c(&m, 2, &val, sizeof(val));
	r[1] = rb_add(&rb, &m);
	m.len = 0;
	rndis_simple_c(&m, HVN_RNDIS_MSG_SET_C, 3, HVN_RNDIS_STATUS_SUCCESS);
	r[2] = rb_add(&rb, &m);
	m.len = 0;
	rndis_indicate(&m, HVN_RNDIS_STATUS_LINK_SPEED_CHANGE, &val,
		       sizeof(val));
	r[3] = rb_add(&rb, &m);
	m.len = 0;
	rndis_keepalive(&m, 4);
	r[4] = rb_add(&rb, &m);
	m.len = 0;
	rndis_simple_c(&m, HVN_RNDIS_MSG_RESET_C, HVN_RNDIS_STATUS_SUCCESS, 0);
	r[5] = rb_add(&rb, &m);
	m.len = 0;
	rndis_data(&m, 60, RX_VLAN, 0, 0);
	r[6] = rb_add(&rb, &m);
	rx_seed("control", 0, r, 7, &rb);
}

/* --- NVSP control messages and completions --- */

static u32 nvsp_put(struct buf *b, u16 vmtype, u16 flags, u64 trans_id,
		    const void *msg, u32 len)
{
	struct hvn_vmpkt_desc d = {
		.type = vmtype,
		.offset8 = sizeof(d) >> HVN_VMPKT_UNIT_SHIFT,
		.len8 = (sizeof(d) + len + 7) >> HVN_VMPKT_UNIT_SHIFT,
		.flags = flags,
		.trans_id = trans_id,
	};
	u32 start = b->len;

	put(b, &d, sizeof(d));
	put(b, msg, len);
	while ((b->len - start) & 7)
		put_u8(b, 0);
	return b->len - start;
}

static void nvsp_msg(struct hvn_nvsp_msg *m, u32 type)
{
	memset(m, 0, sizeof(*m));
	m->hdr.msg_type = type;
}

/*
 * The id the harness issues as its (@n + 1)th outstanding request for the
 * configuration bytes @cfg and @churn (same setup as fuzz_nvsp_ctrl.c).
 */
static u64 issued_id(u8 cfg, u8 churn, u32 n)
{
	struct hvn_reqid_slot slots[64];
	struct hvn_reqid_table t;
	u64 id = 0;
	u32 i;

	MUST(hvn_reqid_init(&t, slots, (cfg & 0x3f) + 1, cfg & 0x80) == 0);
	if (churn) {
		for (i = 0; i < t.size; i++)
			slots[i].gen = churn & 0x80 ?
				       t.gen_max - ((churn + i) & 3) :
				       (churn + i) & 0x7f;
	}
	for (i = 0; i <= n; i++)
		MUST(hvn_reqid_alloc(&t, i + 1, &id) == 0);
	return id;
}

#define first_id(cfg, n)	issued_id(cfg, 0, n)

static void gen_nvsp_ctrl(void)
{
	const char *h = "nvsp_ctrl";
	struct hvn_nvsp_msg m;
	struct buf b;
	u8 cfg;

	/* setup with 8 slots, 4 outstanding; completions for them */
	b.len = 0;
	cfg = 7;
	put_u8(&b, cfg);
	put_u8(&b, 4);
	put_u8(&b, 0);
	put_u8(&b, 6 | 3 << 4);	/* 31 MiB buffers, 3 subchannels */

	nvsp_msg(&m, HVN_NVSP_MSG_INIT_COMPLETE);
	m.msg.init_complete.status = HVN_NVSP_STAT_SUCCESS;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, first_id(cfg, 0), &m,
		 HVN_NVSP_LEN(init_complete));

	nvsp_msg(&m, HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE);
	m.msg.send_recv_buf_complete.status = HVN_NVSP_STAT_SUCCESS;
	m.msg.send_recv_buf_complete.num_sections = 1;
	m.msg.send_recv_buf_complete.section.sub_alloc_size = 1728;
	m.msg.send_recv_buf_complete.section.num_sub_allocs = 18000;
	m.msg.send_recv_buf_complete.section.end_offset = 1728 * 18000;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, first_id(cfg, 1), &m,
		 HVN_NVSP_LEN(send_recv_buf_complete));

	nvsp_msg(&m, HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE);
	m.msg.send_send_buf_complete.status = HVN_NVSP_STAT_SUCCESS;
	m.msg.send_send_buf_complete.section_size = 6144;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, first_id(cfg, 2), &m,
		 HVN_NVSP_LEN(send_send_buf_complete));

	nvsp_msg(&m, HVN_NVSP_MSG5_SUBCHANNEL);
	m.msg.subchannel_complete.status = HVN_NVSP_STAT_SUCCESS;
	m.msg.subchannel_complete.num_subchannels = 3;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, first_id(cfg, 3), &m,
		 HVN_NVSP_LEN(subchannel_complete));
	write_seed(h, "setup", &b);

	/* data path: RNDIS packet completions for issued ids, 32-bit ids */
	b.len = 0;
	cfg = 0x80 | 15;
	put_u8(&b, cfg);
	put_u8(&b, 2);
	put_u8(&b, 3);
	put_u8(&b, 4);
	nvsp_msg(&m, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE);
	m.msg.send_rndis_pkt_complete.status = HVN_NVSP_STAT_SUCCESS;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, issued_id(cfg, 3, 0), &m,
		 HVN_NVSP_LEN(send_rndis_pkt_complete));
	nvsp_put(&b, HVN_VMPKT_COMP, HVN_VMPKT_FLAG_COMPLETION_REQUESTED,
		 issued_id(cfg, 3, 1), &m,
		 HVN_NVSP_LEN(send_rndis_pkt_complete));
	nvsp_put(&b, HVN_VMPKT_COMP, 0, HVN_REQID_NO_RESPONSE, &m,
		 HVN_NVSP_LEN(send_rndis_pkt_complete));
	nvsp_put(&b, HVN_VMPKT_COMP, 0, first_id(cfg, 0), NULL, 0);
	write_seed(h, "rndis_pkt_complete", &b);

	/* inband host messages and a failed buffer setup */
	b.len = 0;
	put_u8(&b, 3);
	put_u8(&b, 1);
	put_u8(&b, 0);
	put_u8(&b, 2);
	nvsp_msg(&m, HVN_NVSP_MSG4_SEND_VF_ASSOCIATION);
	m.msg.vf_association.allocated = 1;
	m.msg.vf_association.serial = 42;
	nvsp_put(&b, HVN_VMPKT_DATA_INBAND, 0, 0, &m, HVN_NVSP_MSG_SIZE);
	nvsp_msg(&m, HVN_NVSP_MSG4_SWITCH_DATA_PATH);
	m.msg.switch_data_path.active_datapath = HVN_NVSP_DATAPATH_VF;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, first_id(3, 0), &m, HVN_NVSP_MSG_SIZE);
	nvsp_msg(&m, HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE);
	m.msg.send_recv_buf_complete.status = HVN_NVSP_STAT_FAIL;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, 0, &m, HVN_NVSP_MSG_SIZE);
	nvsp_msg(&m, HVN_NVSP_MSG_INIT_COMPLETE);
	m.msg.init_complete.status = HVN_NVSP_STAT_PROTOCOL_TOO_NEW;
	nvsp_put(&b, HVN_VMPKT_COMP, 0, 0, &m, HVN_NVSP_MSG_SIZE_V1);
	write_seed(h, "inband", &b);
}

/* --- sub-channel, VF, data path, send table --- */

static void chan_seed(const char *name, u8 nq, u8 requested, const void *msg,
		      u32 len)
{
	struct buf b;

	b.len = 0;
	put_u8(&b, nq);
	put_u8(&b, requested);
	put(&b, msg, len);
	write_seed("chan", name, &b);
}

static void gen_chan(void)
{
	u8 raw[HVN_NVSP_SEND_TABLE_QUIRK_OFFSET + 16 * 4];
	struct hvn_violations v = { 0 };
	u32 table[HVN_NVSP_SEND_TABLE_SIZE], i;
	struct hvn_nvsp_msg *m = (void *)raw;
	u32 len;

	memset(raw, 0, sizeof(raw));
	nvsp_msg(m, HVN_NVSP_MSG5_SUBCHANNEL);
	m->msg.subchannel_complete.status = HVN_NVSP_STAT_SUCCESS;
	m->msg.subchannel_complete.num_subchannels = 7;
	chan_seed("subchannel", 8, 7, m, HVN_NVSP_MSG_SIZE);

	nvsp_msg(m, HVN_NVSP_MSG4_SEND_VF_ASSOCIATION);
	m->msg.vf_association.allocated = 1;
	m->msg.vf_association.serial = 0x1234;
	chan_seed("vf_association", 8, 0, m, HVN_NVSP_MSG_SIZE);

	nvsp_msg(m, HVN_NVSP_MSG4_SWITCH_DATA_PATH);
	m->msg.switch_data_path.active_datapath = HVN_NVSP_DATAPATH_VF;
	chan_seed("switch_vf", 8, 0, m, HVN_NVSP_LEN(switch_data_path));
	m->msg.switch_data_path.active_datapath = HVN_NVSP_DATAPATH_SYNTHETIC;
	chan_seed("switch_synthetic", 8, 0, m, HVN_NVSP_MSG_SIZE);

	/* NVSP 6.1 host: table right after the count and offset */
	memset(raw, 0, sizeof(raw));
	nvsp_msg(m, HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE);
	m->msg.send_table.count = HVN_NVSP_SEND_TABLE_SIZE;
	m->msg.send_table.offset = HVN_NVSP_LEN(send_table);
	for (i = 0; i < HVN_NVSP_SEND_TABLE_SIZE; i++)
		table[i] = i % 4;
	memcpy(raw + HVN_NVSP_LEN(send_table), table, sizeof(table));
	len = HVN_NVSP_LEN(send_table) + sizeof(table);
	MUST(hvn_nvsp_parse_send_table(raw, len, HVN_NVSP_VERSION_61, table,
				       &v) == 0);
	chan_seed("send_table_61", 4, 0, raw, len);

	/* older host: table after the full-size message */
	memset(raw, 0, sizeof(raw));
	nvsp_msg(m, HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE);
	m->msg.send_table.count = HVN_NVSP_SEND_TABLE_SIZE;
	m->msg.send_table.offset = HVN_NVSP_LEN(send_table);
	for (i = 0; i < HVN_NVSP_SEND_TABLE_SIZE; i++)
		table[i] = i % 3;
	memcpy(raw + HVN_NVSP_SEND_TABLE_QUIRK_OFFSET, table, sizeof(table));
	MUST(hvn_nvsp_parse_send_table(raw, sizeof(raw), HVN_NVSP_VERSION_6,
				       table, &v) == 0);
	MUST(v.total == 0);
	chan_seed("send_table_quirk", 3, 0, raw, sizeof(raw));
}

/* --- send sections --- */

static void gen_sections(void)
{
	struct buf b;
	u32 i;

	/* 32 sections: take them all, free some, take again, bad frees */
	b.len = 0;
	put_u16(&b, 32);
	for (i = 0; i < 33; i++)
		put_u8(&b, 0);
	for (i = 0; i < 32; i += 3) {
		put_u8(&b, 1);
		put_u16(&b, i);
	}
	put_u8(&b, 1);
	put_u16(&b, 3);		/* double free */
	put_u8(&b, 3);
	put_u32(&b, 0xffffffff);	/* out of range */
	put_u8(&b, 0);
	put_u8(&b, 0);
	write_seed("sections", "cycle", &b);

	/* a realistic count (15 MiB / 6144) */
	b.len = 0;
	put_u16(&b, 2560);
	for (i = 0; i < 70; i++)
		put_u8(&b, 0);
	put_u8(&b, 1);
	put_u16(&b, 64);
	put_u8(&b, 1);
	put_u16(&b, 2559);
	put_u8(&b, 0);
	write_seed("sections", "large", &b);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		DIE("usage: gen_seeds OUTDIR");
	outdir = argv[1];
	mkdir(outdir, 0755);
	gen_rx();
	gen_rndis_ctrl();
	gen_nvsp_ctrl();
	gen_chan();
	gen_sections();
	printf("gen_seeds: %u seeds in %s\n", nseeds, outdir);
	return 0;
}
