// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz harness: NVSP control messages, completions and request ids.
 *
 * The input is a few configuration bytes and then a run of VMBus packets
 * as read from the ring.  Each packet is framed with hvn_vmpkt_parse; its
 * payload (an exact-size heap copy) goes through hvn_nvsp_comp_type,
 * hvn_nvsp_inband_type and every completion parser (INIT_COMPLETE,
 * SEND_RECV_BUF_COMPLETE, SEND_SEND_BUF_COMPLETE, SEND_RNDIS_PKT_COMPLETE,
 * SUBCHANNEL).  The transaction id of a completion packet is completed
 * against a request id table holding some outstanding requests; the
 * harness keeps its own list of outstanding (id, context) pairs and checks
 * that exactly those complete, with the right context.  A packet asking
 * for a completion makes the harness issue one more id.
 *
 * Configuration: byte 0: table size - 1 (bits 0..5) and 32-bit ids (bit
 * 7); byte 1: requests outstanding at the start; byte 2: generations that
 * earlier requests left in the slots (0: none; bit 7: close to the
 * largest, so that new ids wrap); byte 3: buffer size choice (bits 0..2)
 * and subchannels requested (bits 4..7).
 */
#include "fuzz.h"
#include "hvn_nvsp.h"
#include "hvn_reqid.h"

#define MAX_SLOTS	64

static const u32 buf_sizes[] = {
	0, 68, 4096, 1024 * 1024, HVN_NVSP_SEND_BUF_MAX,
	HVN_NVSP_RECV_BUF_MAX_LEGACY, HVN_NVSP_RECV_BUF_MAX, U32_MAX,
};

static struct hvn_reqid_slot slots[MAX_SLOTS];
static struct hvn_reqid_table tab;

/* The harness's own view: the outstanding ids and their contexts */
static struct {
	u64 id;
	u64 ctx;
} model[MAX_SLOTS];
static u32 model_cnt;
static u64 next_ctx;
static bool id32;

static void issue(void)
{
	u64 id;
	u32 i;
	int ret;

	ret = hvn_reqid_alloc(&tab, ++next_ctx, &id);
	if (model_cnt == tab.size) {
		FUZZ_CHECK(ret == -ENOSPC);
		return;
	}
	FUZZ_CHECK(ret == 0);
	FUZZ_CHECK(id != 0 && id != HVN_REQID_NO_RESPONSE);
	FUZZ_CHECK(id32 ? id <= U32_MAX : !(id >> 63));
	for (i = 0; i < model_cnt; i++)
		FUZZ_CHECK(model[i].id != id);
	model[model_cnt].id = id;
	model[model_cnt].ctx = next_ctx;
	model_cnt++;
	FUZZ_CHECK(hvn_reqid_in_use(&tab) == model_cnt);
}

static void complete(u64 id, struct hvn_violations *v)
{
	struct fuzz_viol_snap s;
	u64 ctx = 0;
	u32 i;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_reqid_complete(&tab, id, &ctx, v);
	if (id == HVN_REQID_NO_RESPONSE) {
		FUZZ_CHECK(ret == -ENOENT);
		fuzz_check_viol(&s, v, 0);
		return;
	}
	fuzz_check_viol(&s, v, ret);
	for (i = 0; i < model_cnt; i++)
		if (model[i].id == id)
			break;
	if (i == model_cnt) {
		FUZZ_CHECK(ret == -EPROTO);
		FUZZ_CHECK(v->last == HVN_V_REQID_UNKNOWN ||
			   v->last == HVN_V_REQID_DUPLICATE ||
			   v->last == HVN_V_REQID_STALE);
	} else {
		FUZZ_CHECK(ret == 0);
		FUZZ_CHECK(ctx == model[i].ctx);
		model[i] = model[--model_cnt];
	}
	FUZZ_CHECK(hvn_reqid_in_use(&tab) == model_cnt);
}

static void setup(const u8 **data, size_t *size)
{
	u32 cfg = fuzz_take(data, size, 1);
	u32 size_tab = (cfg & 0x3f) + 1;
	u32 nout = fuzz_take(data, size, 1);
	u32 churn = fuzz_take(data, size, 1);
	u32 i;

	id32 = cfg & 0x80;
	FUZZ_CHECK(hvn_reqid_init(&tab, slots, size_tab, id32) == 0);
	model_cnt = 0;
	next_ctx = 0;

	/*
	 * Earlier uses of the slots: set their generations as a long run of
	 * alloc/complete cycles would have left them (bit 7: close to the
	 * largest generation, so that issuing wraps it).
	 */
	if (churn) {
		for (i = 0; i < size_tab; i++)
			slots[i].gen = churn & 0x80 ?
				       tab.gen_max - ((churn + i) & 3) :
				       (churn + i) & 0x7f;
	}
	for (i = 0; i < nout % (size_tab + 1); i++)
		issue();
}

static u32 get_u32(const u8 *p, u32 len, u32 off)
{
	u32 val = 0;

	if (off + 4 <= len)
		memcpy(&val, p + off, 4);
	return val;
}

static void payload(const u8 *p, u32 len, u32 buf_size, u32 requested,
		    struct hvn_violations *v)
{
	struct hvn_nvsp_buf_info info;
	struct fuzz_viol_snap s;
	u32 ctype = 0, itype = 0;
	int cret, iret, ret;
	u32 status, num;

	fuzz_snap(&s, v);
	cret = hvn_nvsp_comp_type(p, len, &ctype, v);
	fuzz_check_viol(&s, v, cret);
	if (!cret && !len)
		FUZZ_CHECK(ctype == HVN_NVSP_MSG_NONE);
	if (!cret && len)
		FUZZ_CHECK(ctype == get_u32(p, len, 0));

	fuzz_snap(&s, v);
	iret = hvn_nvsp_inband_type(p, len, &itype, v);
	fuzz_check_viol(&s, v, iret);
	if (!iret)
		FUZZ_CHECK(itype == get_u32(p, len, 0));

	fuzz_snap(&s, v);
	ret = hvn_nvsp_parse_init_complete(p, len, &status, v);
	fuzz_check_viol(&s, v, ret);
	if (!ret)
		FUZZ_CHECK(!cret && ctype == HVN_NVSP_MSG_INIT_COMPLETE &&
			   status == get_u32(p, len, 12));

	fuzz_snap(&s, v);
	ret = hvn_nvsp_parse_recv_buf_complete(p, len, buf_size, &info, v);
	fuzz_check_viol(&s, v, ret);
	if (ret != -EPROTO)
		FUZZ_CHECK(!cret &&
			   ctype == HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE);
	if (ret == -EIO)
		FUZZ_CHECK(get_u32(p, len, 4) != HVN_NVSP_STAT_SUCCESS);
	if (!ret) {
		FUZZ_CHECK(info.section_size >= HVN_NVSP_MIN_SECTION_SIZE);
		FUZZ_CHECK(info.section_count >= 1);
		FUZZ_CHECK((u64)info.section_size * info.section_count <=
			   buf_size);
	}

	fuzz_snap(&s, v);
	ret = hvn_nvsp_parse_send_buf_complete(p, len, buf_size, &info, v);
	fuzz_check_viol(&s, v, ret);
	if (ret != -EPROTO)
		FUZZ_CHECK(!cret &&
			   ctype == HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE);
	if (ret == -EIO)
		FUZZ_CHECK(get_u32(p, len, 4) != HVN_NVSP_STAT_SUCCESS);
	if (!ret) {
		FUZZ_CHECK(info.section_size >= HVN_NVSP_MIN_SECTION_SIZE);
		FUZZ_CHECK(info.section_size <= buf_size);
		FUZZ_CHECK(info.section_count == buf_size / info.section_size);
		FUZZ_CHECK(info.section_count >= 1);
	}

	fuzz_snap(&s, v);
	ret = hvn_nvsp_parse_rndis_pkt_complete(p, len, &status, v);
	fuzz_check_viol(&s, v, ret);
	if (!ret)
		FUZZ_CHECK(!cret &&
			   ctype == HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE &&
			   status == get_u32(p, len, 4));

	fuzz_snap(&s, v);
	ret = hvn_nvsp_parse_subchannel_complete(p, len, requested, &num, v);
	fuzz_check_viol(&s, v, ret);
	if (ret != -EPROTO)
		FUZZ_CHECK(!cret && ctype == HVN_NVSP_MSG5_SUBCHANNEL);
	if (!ret)
		FUZZ_CHECK(num <= requested && num == get_u32(p, len, 8));
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct hvn_violations v;
	struct fuzz_viol_snap s;
	u32 sel, buf_size, requested;
	struct hvn_vmpkt vp;
	u8 *ring, *p;
	u32 pos, rem;
	int ret;

	if (size > U32_MAX)
		return 0;
	memset(&v, 0, sizeof(v));
	setup(&data, &size);
	sel = fuzz_take(&data, &size, 1);
	buf_size = buf_sizes[sel & 7];
	requested = sel >> 4;

	ring = fuzz_dup(data, size);
	for (pos = 0; pos < size; pos += vp.hdr_len + vp.len) {
		rem = size - pos;
		fuzz_snap(&s, &v);
		ret = hvn_vmpkt_parse(ring + pos, rem, &vp, &v);
		fuzz_check_viol(&s, &v, ret);
		if (ret)
			break;
		FUZZ_CHECK(vp.hdr_len >= sizeof(struct hvn_vmpkt_desc));
		FUZZ_CHECK((u64)vp.hdr_len + vp.len <= rem);

		if (vp.type == HVN_VMPKT_COMP)
			complete(vp.trans_id, &v);
		p = fuzz_dup(vp.data, vp.len);
		payload(p, vp.len, buf_size, requested, &v);
		free(p);
		if (vp.flags & HVN_VMPKT_FLAG_COMPLETION_REQUESTED)
			issue();
	}
	fuzz_check_sum(&v);
	free(ring);
	return 0;
}
