// SPDX-License-Identifier: GPL-2.0
/*
 * Regression tests: inputs found by the fuzz harnesses (tests/fuzz), kept
 * with what the driver must do with them.
 */
#include "helpers.h"
#include "hvn_nvsp.h"
#include "hvn_rndis.h"
#include "hvn_rsc.h"

/*
 * What the receive path of the driver does with one transfer-page packet:
 * every range is checked, its RNDIS message typed, data packets parsed
 * and fed to RSC assembly; frames completed are counted in @frames.
 */
static void rx_packet(const void *pkt, u32 pkt_len, const u8 *rb, u32 rb_len,
		      struct hvn_rsc *rsc, int *rsc_ret, u32 *frames,
		      struct hvn_violations *v)
{
	struct hvn_rndis_rx_pkt rx;
	struct hvn_xfer_pkt x;
	struct hvn_vmpkt vp;
	u32 i, off, len, type;

	assert_int_equal(hvn_vmpkt_parse(pkt, pkt_len, &vp, v), 0);
	assert_int_equal(hvn_nvsp_parse_xfer(&vp, rb_len, rb_len, &x, v), 0);
	for (i = 0; i < x.range_cnt; i++) {
		rsc_ret[i] = 99;	/* not fed to RSC assembly */
		assert_int_equal(hvn_nvsp_xfer_range(&x, i, &off, &len, v), 0);
		if (hvn_rndis_msg_type(rb + off, len, &type, v))
			continue;
		assert_int_equal(type, HVN_RNDIS_MSG_PACKET);
		assert_int_equal(hvn_rndis_parse_packet(rb + off, len, &rx, v),
				 0);
		rsc_ret[i] = hvn_rsc_add(rsc, &rx, i + 1 == x.range_cnt, v);
		if (rsc_ret[i] == HVN_RSC_DONE)
			(*frames)++;
	}
}

/*
 * fuzz_rx, rx-crash-a472f535798fc77ca18936c11002c792e99cbd73: ten ranges;
 * six hold messages whose msg_len does not fit the range, the last four
 * the same RSC first fragment (SUBALLOC | 1ST_FRAG, no LAST_FRAG).  Each
 * first fragment interrupts the chain the one before it started, and the
 * last one is also a chain still open at the last range, so the final
 * hvn_rsc_add() drops two chains and counts rsc_unterminated twice.  The
 * harness expected at most one count per call; the behaviour is right (one
 * count per dropped chain, as ethtool -S should show) and the contract in
 * hvn_viol.h now says so.
 */
static const u8 crash_a472f535_rb[188] = {
	0x00, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, 0x78,
	0x00, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, 0x78,
	0x00, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, 0x78,
	0x00, 0x00, 0x00, 0x44, 0x00, 0x00, 0x00, 0x78,
	[68] = 0x01, 0x00, 0x00, 0x00, 0x78, 0x00, 0x00, 0x00,
	0x33, 0x00, 0x00, 0x00, 0x3c, 0x00, 0x00, 0x00,
	[96] = 0x24, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00,
	[112] = 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x80,
	0x0c, 0x00, 0x00, 0x00, 0x01, 0x03, 0x0b, 0x00,
	0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
	0x02, 0x02, 0x02, 0x02, 0x54, 0x5b, 0x62, 0x69,
	0x70, 0x77, 0x7e, 0x85, 0x8c, 0x93, 0x9a, 0xa1,
	0xa8, 0xaf, 0xb6, 0xbd, 0xc4, 0xcb, 0xd2, 0xd9,
	0xe0, 0xe7, 0xee, 0x00, 0x00, 0x44, 0x00, 0x00,
	0x00, 0x78, 0x00, 0x00, 0x00, 0x44, 0x00, 0x00,
	0x00, 0x00, 0x78, 0x00, 0x00, 0x34, 0x00, 0x00,
	0x00, 0x08, 0x00, 0x78,
};

/* byte_count, byte_offset of its ten ranges */
static const u32 crash_a472f535_ranges[10][2] = {
	{ 120, 0 }, { 68, 120 }, { 68, 120 }, { 68, 120 }, { 68, 120 },
	{ 68, 68 }, { 120, 68 }, { 120, 68 }, { 120, 68 }, { 120, 68 },
};

static void test_rsc_two_chains_dropped(void **state)
{
	static struct hvn_rsc rsc;
	struct hvn_violations v = { 0 };
	u32 hdr_len = HVN_VMPKT_XFER_HDR_SIZE(10), frames = 0, i;
	struct hvn_vmpkt_xfer_hdr *hdr;
	struct hvn_nvsp_msg m;
	u8 pkt[256];
	int ret[10];

	(void)state;
	memset(pkt, 0, sizeof(pkt));
	hdr = (void *)pkt;
	hdr->d.type = HVN_VMPKT_DATA_XFER_PAGES;
	hdr->d.offset8 = hdr_len >> HVN_VMPKT_UNIT_SHIFT;
	hdr->d.len8 = (hdr_len + sizeof(m)) >> HVN_VMPKT_UNIT_SHIFT;
	hdr->d.flags = HVN_VMPKT_FLAG_COMPLETION_REQUESTED;
	hdr->xfer_pageset_id = HVN_NVSP_RECV_BUF_ID;
	hdr->range_cnt = 10;
	for (i = 0; i < 10; i++) {
		hdr->ranges[i].byte_count = crash_a472f535_ranges[i][0];
		hdr->ranges[i].byte_offset = crash_a472f535_ranges[i][1];
	}
	hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_DATA, 0, 0);
	memcpy(pkt + hdr_len, &m, sizeof(m));

	hvn_rsc_reset(&rsc);
	rx_packet(pkt, hdr_len + sizeof(m), crash_a472f535_rb,
		  sizeof(crash_a472f535_rb), &rsc, ret, &frames, &v);

	/* ranges 0..5: msg_len beyond the range, dropped */
	for (i = 0; i < 6; i++)
		assert_int_equal(ret[i], 99);
	assert_int_equal(v.cnt[HVN_V_RNDIS_MSG_LEN], 6);
	/* four first fragments: each one drops the chain before it */
	assert_int_equal(ret[6], HVN_RSC_MORE);
	assert_int_equal(ret[7], HVN_RSC_MORE);
	assert_int_equal(ret[8], HVN_RSC_MORE);
	assert_int_equal(ret[9], -EPROTO);
	assert_int_equal(v.cnt[HVN_V_RSC_UNTERMINATED], 4);
	assert_int_equal(v.last, HVN_V_RSC_UNTERMINATED);
	assert_int_equal(v.total, 10);
	/* nothing delivered, nothing left pointing into the buffer */
	assert_int_equal(frames, 0);
	assert_int_equal(rsc.cnt, 0);
	assert_int_equal(rsc.pktlen, 0);
	assert_false(rsc.done);
}

/* The same in its smallest form: one lone first fragment, last range */
static void test_rsc_interrupted_then_unterminated(void **state)
{
	static struct hvn_rsc rsc;
	struct hvn_violations v = { 0 };
	struct hvn_rndis_rx_pkt rx;
	u8 frame[60];

	(void)state;
	memset(frame, 2, sizeof(frame));
	memset(&rx, 0, sizeof(rx));
	rx.data = frame;
	rx.data_len = sizeof(frame);
	rx.flags = HVN_RX_PKTINFO;
	rx.rsc_flag = HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG;

	hvn_rsc_reset(&rsc);
	assert_int_equal(hvn_rsc_add(&rsc, &rx, false, &v), HVN_RSC_MORE);
	assert_no_viol(&v);
	/* drops the open chain and its own: two counts, one call */
	assert_int_equal(hvn_rsc_add(&rsc, &rx, true, &v), -EPROTO);
	assert_int_equal(v.cnt[HVN_V_RSC_UNTERMINATED], 2);
	assert_int_equal(v.total, 2);
	assert_int_equal(rsc.cnt, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rsc_two_chains_dropped),
		cmocka_unit_test(test_rsc_interrupted_then_unterminated),
	};

	return cmocka_run_group_tests_name("regress", tests, NULL, NULL);
}
