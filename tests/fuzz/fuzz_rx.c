// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz harness: the receive path.
 *
 * One transfer-page VMBus packet (descriptor, transfer-page header, ranges
 * and the NVSP SEND_RNDIS_PKT message) whose ranges point into a receive
 * buffer holding RNDIS messages: data packets with per-packet info, fed
 * through RSC assembly, and the control messages the host also sends
 * through the receive buffer.  Processed as the driver does:
 * hvn_vmpkt_parse, hvn_nvsp_parse_xfer, hvn_nvsp_xfer_range for every
 * range, hvn_rndis_msg_type, then hvn_rndis_parse_packet + hvn_rsc_add or
 * the completion / indication / keepalive parser.
 *
 * Input: u16 packet length P, u16 receive section size (0: the whole
 * receive buffer), P bytes of VMBus packet, then the receive buffer (the
 * rest of the input).  Packet and receive buffer are separate heap copies
 * of exactly their size.
 */
#include "fuzz.h"
#include "hvn_nvsp.h"
#include "hvn_rndis.h"
#include "hvn_rsc.h"

static struct hvn_rsc rsc;

static u32 msg_len_of(const u8 *msg)
{
	u32 len;

	memcpy(&len, msg + 4, sizeof(len));
	return len;
}

static void check_rx_pkt(const struct hvn_rndis_rx_pkt *rx, const u8 *msg,
			 u32 len)
{
	u32 msg_len = msg_len_of(msg);

	FUZZ_CHECK(msg_len <= len);
	FUZZ_CHECK(rx->data_len > 0);
	/* the frame starts after the RNDIS and packet headers */
	FUZZ_CHECK(rx->data >= msg + HVN_RNDIS_HDR_SIZE +
			       sizeof(struct hvn_rndis_packet));
	FUZZ_CHECK(fuzz_inside(rx->data, rx->data_len, msg, msg_len));
	FUZZ_CHECK(!(rx->flags & ~(u32)(HVN_RX_CSUM | HVN_RX_VLAN | HVN_RX_HASH |
					HVN_RX_HASH_INFO | HVN_RX_PKTINFO)));
	(void)hvn_rndis_rx_csum_ok(rx);
}

static void check_frame(const struct hvn_rsc *r, const u8 *rb, u32 rb_len)
{
	u64 sum = 0;
	u32 i;

	FUZZ_CHECK(r->done);
	FUZZ_CHECK(r->cnt >= 1 && r->cnt <= HVN_RSC_MAX);
	FUZZ_CHECK(r->frag[0].len >= HVN_ETH_HLEN);
	FUZZ_CHECK(r->meta.data == r->frag[0].data);
	for (i = 0; i < r->cnt; i++) {
		FUZZ_CHECK(r->frag[i].len > 0);
		FUZZ_CHECK(fuzz_inside(r->frag[i].data, r->frag[i].len, rb,
				       rb_len));
		fuzz_touch(r->frag[i].data, r->frag[i].len);
		sum += r->frag[i].len;
	}
	FUZZ_CHECK(sum == r->pktlen);
}

/*
 * Feed one data packet to RSC assembly and check the counters it moved:
 * one count per dropped chain or fragment, so an interrupted open chain
 * adds one count to the call's result (see hvn_viol.h).
 */
static void rsc_feed(const struct hvn_rndis_rx_pkt *rx, bool last,
		     struct hvn_violations *v, const u8 *rb, u32 rb_len)
{
	bool open = rsc.cnt && !rsc.done;
	u64 unterm = v->cnt[HVN_V_RSC_UNTERMINATED];
	u64 short_ = v->cnt[HVN_V_RX_TOO_SHORT];
	struct fuzz_viol_snap s;
	u64 sum;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_rsc_add(&rsc, rx, last, v);
	sum = fuzz_viol_delta(&s, v);
	unterm = v->cnt[HVN_V_RSC_UNTERMINATED] - unterm;
	short_ = v->cnt[HVN_V_RX_TOO_SHORT] - short_;

	if (ret >= 0) {
		FUZZ_CHECK(ret == HVN_RSC_MORE || ret == HVN_RSC_DONE);
		/* only the interrupted chain may have been counted */
		FUZZ_CHECK(sum == 0 || (sum == 1 && open && unterm == 1));
	} else {
		FUZZ_CHECK(ret == -EPROTO);
		/*
		 * the fragment, plus the interrupted chain: either too short
		 * or itself an unterminated chain at the last range
		 */
		FUZZ_CHECK(sum == 1 ||
			   (sum == 2 && open &&
			    ((unterm == 1 && short_ == 1 &&
			      v->last == HVN_V_RX_TOO_SHORT) ||
			     (unterm == 2 && last &&
			      v->last == HVN_V_RSC_UNTERMINATED))));
		FUZZ_CHECK(rsc.cnt == 0 && rsc.pktlen == 0);
	}
	if (ret == HVN_RSC_DONE)
		check_frame(&rsc, rb, rb_len);
	if (ret == HVN_RSC_MORE) {
		FUZZ_CHECK(!last);
		FUZZ_CHECK(rsc.cnt >= 1 && rsc.cnt < HVN_RSC_MAX + 1);
	}
	/* after the last range no chain may stay open */
	if (last)
		FUZZ_CHECK(rsc.cnt == 0 || rsc.done);
}

static void control_msg(u32 type, const u8 *msg, u32 len,
			struct hvn_violations *v)
{
	u32 msg_len = msg_len_of(msg);
	struct hvn_rndis_indication ind;
	struct hvn_rndis_comp c;
	struct fuzz_viol_snap s;
	u32 req_id;
	int ret;

	fuzz_snap(&s, v);
	switch (type) {
	case HVN_RNDIS_MSG_INDICATE:
		ret = hvn_rndis_parse_indicate(msg, len, &ind, v);
		fuzz_check_viol(&s, v, ret);
		if (!ret && ind.buf)
			FUZZ_CHECK(fuzz_inside(ind.buf, ind.buflen, msg, msg_len));
		break;
	case HVN_RNDIS_MSG_KEEPALIVE:
		ret = hvn_rndis_parse_keepalive(msg, len, &req_id, v);
		fuzz_check_viol(&s, v, ret);
		break;
	default:
		ret = hvn_rndis_parse_comp(msg, len, &c, v);
		fuzz_check_viol(&s, v, ret);
		if (!ret) {
			FUZZ_CHECK(c.type == type);
			if (c.info)
				FUZZ_CHECK(fuzz_inside(c.info, c.info_len, msg,
						       msg_len));
		}
		break;
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct hvn_violations v;
	struct hvn_rndis_rx_pkt rx;
	struct fuzz_viol_snap s;
	struct hvn_xfer_pkt x;
	struct hvn_vmpkt vp;
	u32 pkt_len, section, rb_len, off, len, type, i;
	bool reached_last = false;
	u8 *pkt, *rb;
	int ret;

	pkt_len = fuzz_take(&data, &size, 2);
	section = fuzz_take(&data, &size, 2);
	if (pkt_len > size)
		pkt_len = size;
	rb_len = size - pkt_len;
	if (!section)
		section = rb_len;
	pkt = fuzz_dup(data, pkt_len);
	rb = fuzz_dup(data + pkt_len, rb_len);
	memset(&v, 0, sizeof(v));
	hvn_rsc_reset(&rsc);

	fuzz_snap(&s, &v);
	ret = hvn_vmpkt_parse(pkt, pkt_len, &vp, &v);
	fuzz_check_viol(&s, &v, ret);
	if (ret)
		goto out;
	FUZZ_CHECK(vp.buf == pkt);
	FUZZ_CHECK(vp.hdr_len >= sizeof(struct hvn_vmpkt_desc));
	FUZZ_CHECK((const u8 *)vp.data == pkt + vp.hdr_len);
	FUZZ_CHECK((u64)vp.hdr_len + vp.len <= pkt_len);
	fuzz_touch(vp.data, vp.len);

	fuzz_snap(&s, &v);
	ret = hvn_nvsp_parse_xfer(&vp, rb_len, section, &x, &v);
	fuzz_check_viol(&s, &v, ret);
	if (ret)
		goto out;
	FUZZ_CHECK(HVN_VMPKT_XFER_HDR_SIZE(x.range_cnt) <= vp.hdr_len);
	FUZZ_CHECK(x.trans_id == vp.trans_id);
	if (x.rndis)
		FUZZ_CHECK(fuzz_inside(x.rndis, sizeof(*x.rndis), vp.data,
				       vp.len));
	fuzz_touch(x.hdr->ranges,
		   (u64)x.range_cnt * sizeof(struct hvn_vmpkt_xfer_range));

	/* one past the last range: refused without counting */
	fuzz_snap(&s, &v);
	FUZZ_CHECK(hvn_nvsp_xfer_range(&x, x.range_cnt, &off, &len, &v) ==
		   -EINVAL);
	fuzz_check_viol(&s, &v, 0);

	for (i = 0; i < x.range_cnt; i++) {
		bool last = i + 1 == x.range_cnt;
		const u8 *msg;

		fuzz_snap(&s, &v);
		ret = hvn_nvsp_xfer_range(&x, i, &off, &len, &v);
		fuzz_check_viol(&s, &v, ret);
		if (ret) {
			/* the driver drops the whole packet */
			hvn_rsc_reset(&rsc);
			break;
		}
		FUZZ_CHECK((u64)off + len <= rb_len);
		FUZZ_CHECK(len <= section);
		msg = rb + off;

		fuzz_snap(&s, &v);
		ret = hvn_rndis_msg_type(msg, len, &type, &v);
		fuzz_check_viol(&s, &v, ret);
		if (ret)
			continue;
		FUZZ_CHECK(msg_len_of(msg) >= HVN_RNDIS_HDR_SIZE &&
			   msg_len_of(msg) <= len);

		if (type != HVN_RNDIS_MSG_PACKET) {
			control_msg(type, msg, len, &v);
			continue;
		}
		fuzz_snap(&s, &v);
		ret = hvn_rndis_parse_packet(msg, len, &rx, &v);
		fuzz_check_viol(&s, &v, ret);
		if (ret) {
			hvn_rsc_reset(&rsc);
			continue;
		}
		check_rx_pkt(&rx, msg, len);
		rsc_feed(&rx, last, &v, rb, rb_len);
		reached_last = last;
	}
	if (reached_last)
		FUZZ_CHECK(rsc.cnt == 0 || rsc.done);
out:
	fuzz_check_sum(&v);
	free(pkt);
	free(rb);
	return 0;
}
