// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for src/proto/rsc.c: RSC fragment assembly.
 */
#include "helpers.h"
#include "hvn_rsc.h"

static struct hvn_violations V;
static struct hvn_rsc R;
static u8 buf[4096];

static int reset(void **state)
{
	(void)state;
	memset(&V, 0, sizeof(V));
	memset(&R, 0x5a, sizeof(R));
	hvn_rsc_reset(&R);
	return 0;
}

/* A parsed packet at @off of @len bytes with RSC flags @flag (0: none) */
static struct hvn_rndis_rx_pkt frag(u32 off, u32 len, u8 flag)
{
	struct hvn_rndis_rx_pkt rx;

	memset(&rx, 0, sizeof(rx));
	rx.data = buf + off;
	rx.data_len = len;
	if (flag) {
		rx.flags = HVN_RX_PKTINFO;
		rx.rsc_flag = flag;
		rx.rsc_pkt_id = 7;
	}
	return rx;
}

#define SUB	HVN_PKTINFO_SUBALLOC
#define FIRST	(HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG)
#define LAST	(HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_LAST_FRAG)

static void test_single(void **state)
{
	struct hvn_rndis_rx_pkt rx = frag(0, 60, 0);

	(void)state;
	rx.flags |= HVN_RX_VLAN | HVN_RX_CSUM;
	rx.vlan_tci = 12;
	rx.csum = HVN_RXCSUM_TCP_OK;
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	assert_no_viol(&V);
	assert_int_equal(R.cnt, 1);
	assert_int_equal(R.pktlen, 60);
	assert_ptr_equal(R.frag[0].data, buf);
	assert_int_equal(R.frag[0].len, 60);
	assert_int_equal(R.meta.vlan_tci, 12);
	assert_int_equal(R.meta.csum, HVN_RXCSUM_TCP_OK);

	/* the next frame starts fresh */
	rx = frag(100, 70, 0);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_DONE);
	assert_int_equal(R.cnt, 1);
	assert_int_equal(R.pktlen, 70);
	assert_no_viol(&V);

	/* packet id present but not a suballocation: a whole frame */
	rx = frag(200, 64, HVN_PKTINFO_1ST_FRAG);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_DONE);
	assert_int_equal(R.cnt, 1);
	/* first and last in one fragment */
	rx = frag(300, 64, FIRST | LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_DONE);
	assert_int_equal(R.cnt, 1);
	assert_no_viol(&V);
}

static void test_too_short(void **state)
{
	struct hvn_rndis_rx_pkt rx = frag(0, 13, 0);

	(void)state;
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RX_TOO_SHORT);
	assert_int_equal(R.cnt, 0);
	rx = frag(0, 14, 0);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	/* a short first fragment drops the chain start ... */
	rx = frag(0, 10, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), -EPROTO);
	assert_viol(&V, HVN_V_RX_TOO_SHORT);
	/* ... so its followers have no first fragment */
	rx = frag(10, 10, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_NO_FIRST);
	/* middle fragments may be short */
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(100, 1, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	assert_int_equal(R.pktlen, 101);
	assert_no_viol(&V);
}

static void test_chain(void **state)
{
	struct hvn_rndis_rx_pkt rx;

	(void)state;
	rx = frag(0, 1000, FIRST);
	rx.flags |= HVN_RX_HASH;
	rx.hash = 0xabc;
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(1000, 1000, SUB);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(2000, 500, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	assert_no_viol(&V);
	assert_int_equal(R.cnt, 3);
	assert_int_equal(R.pktlen, 2500);
	assert_ptr_equal(R.frag[1].data, buf + 1000);
	assert_int_equal(R.frag[2].len, 500);
	assert_int_equal(R.meta.hash, 0xabc);
	assert_int_equal(R.meta.flags, HVN_RX_PKTINFO | HVN_RX_HASH);
}

static void test_no_first(void **state)
{
	struct hvn_rndis_rx_pkt rx;

	(void)state;
	rx = frag(0, 100, SUB);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_NO_FIRST);
	rx = frag(0, 100, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_NO_FIRST);
	assert_int_equal(R.cnt, 0);

	/* after a completed frame, a middle fragment has no first either */
	rx = frag(0, 100, 0);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_DONE);
	rx = frag(0, 100, SUB);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_NO_FIRST);
}

static void test_unterminated(void **state)
{
	struct hvn_rndis_rx_pkt rx;

	(void)state;
	/* chain still open at the last range */
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(100, 100, SUB);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_UNTERMINATED);
	assert_int_equal(R.cnt, 0);

	/* a first fragment alone in the last range */
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_UNTERMINATED);

	/* a new first fragment while a chain is open: old one dropped */
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(100, 200, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	assert_viol(&V, HVN_V_RSC_UNTERMINATED);
	rx = frag(300, 50, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	assert_int_equal(R.cnt, 2);
	assert_int_equal(R.pktlen, 250);
	assert_ptr_equal(R.frag[0].data, buf + 100);

	/* a plain frame while a chain is open: chain dropped, frame kept */
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(100, 60, 0);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	assert_viol(&V, HVN_V_RSC_UNTERMINATED);
	assert_int_equal(R.cnt, 1);
	assert_int_equal(R.pktlen, 60);
}

static void test_max_fragments(void **state)
{
	struct hvn_rndis_rx_pkt rx;
	u32 i;

	(void)state;
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	for (i = 1; i < HVN_RSC_MAX - 1; i++) {
		rx = frag(i, 1, SUB);
		assert_int_equal(hvn_rsc_add(&R, &rx, false, &V),
				 HVN_RSC_MORE);
	}
	rx = frag(0, 1, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), HVN_RSC_DONE);
	assert_int_equal(R.cnt, HVN_RSC_MAX);
	assert_int_equal(R.pktlen, 100 + HVN_RSC_MAX - 1);
	assert_no_viol(&V);

	/* one fragment more than the maximum */
	rx = frag(0, 100, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	for (i = 1; i < HVN_RSC_MAX; i++) {
		rx = frag(i, 1, SUB);
		assert_int_equal(hvn_rsc_add(&R, &rx, false, &V),
				 HVN_RSC_MORE);
	}
	rx = frag(0, 1, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_TOO_MANY);
	assert_int_equal(R.cnt, 0);
}

static void test_length_overflow(void **state)
{
	struct hvn_rndis_rx_pkt rx;

	(void)state;
	rx = frag(0, 0x80000000, FIRST);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	rx = frag(0, 0x7fffffff, SUB);
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	assert_int_equal(R.pktlen, U32_MAX);
	rx = frag(0, 1, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_LEN);
	assert_int_equal(R.cnt, 0);
	assert_int_equal(R.pktlen, 0);
}

static void test_reset(void **state)
{
	struct hvn_rndis_rx_pkt rx = frag(0, 100, FIRST);

	(void)state;
	assert_int_equal(hvn_rsc_add(&R, &rx, false, &V), HVN_RSC_MORE);
	hvn_rsc_reset(&R);
	assert_int_equal(R.cnt, 0);
	assert_false(R.done);
	rx = frag(0, 100, LAST);
	assert_int_equal(hvn_rsc_add(&R, &rx, true, &V), -EPROTO);
	assert_viol(&V, HVN_V_RSC_NO_FIRST);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_single, reset),
		cmocka_unit_test_setup(test_too_short, reset),
		cmocka_unit_test_setup(test_chain, reset),
		cmocka_unit_test_setup(test_no_first, reset),
		cmocka_unit_test_setup(test_unterminated, reset),
		cmocka_unit_test_setup(test_max_fragments, reset),
		cmocka_unit_test_setup(test_length_overflow, reset),
		cmocka_unit_test_setup(test_reset, reset),
	};

	return cmocka_run_group_tests_name("rsc", tests, NULL, NULL);
}
