// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for src/proto/{sections,indir,reqid,violations}.c.
 */
#include "helpers.h"
#include "hvn_sections.h"
#include "hvn_indir.h"
#include "hvn_reqid.h"

static struct hvn_violations V;

static int reset(void **state)
{
	(void)state;
	memset(&V, 0, sizeof(V));
	return 0;
}

/* ---------- send sections ---------- */

static void test_sections(void **state)
{
	unsigned long map[BITS_TO_LONGS(100) + 1];
	struct hvn_sections s;
	u32 i;

	(void)state;
	memset(map, 0xff, sizeof(map));
	hvn_sections_init(&s, map, 100);
	assert_int_equal(map[BITS_TO_LONGS(100)], ~0UL);	/* untouched */
	assert_int_equal(hvn_sections_in_use(&s), 0);

	for (i = 0; i < 100; i++)
		assert_int_equal(hvn_sections_alloc(&s), i);
	assert_int_equal(hvn_sections_alloc(&s), HVN_SECTION_NONE);
	assert_int_equal(hvn_sections_in_use(&s), 100);

	assert_int_equal(hvn_sections_free(&s, 64, &V), 0);
	assert_int_equal(hvn_sections_free(&s, 5, &V), 0);
	assert_no_viol(&V);
	assert_int_equal(hvn_sections_in_use(&s), 98);
	assert_int_equal(hvn_sections_alloc(&s), 5);
	assert_int_equal(hvn_sections_alloc(&s), 64);
	assert_int_equal(hvn_sections_alloc(&s), HVN_SECTION_NONE);

	assert_int_equal(hvn_sections_free(&s, 99, &V), 0);
	assert_int_equal(hvn_sections_free(&s, 99, &V), -EPROTO);
	assert_viol(&V, HVN_V_SECTION_DOUBLE_FREE);
	assert_int_equal(hvn_sections_free(&s, 100, &V), -EPROTO);
	assert_viol(&V, HVN_V_SECTION_RANGE);
	assert_int_equal(hvn_sections_free(&s, HVN_SECTION_NONE, &V), -EPROTO);
	assert_viol(&V, HVN_V_SECTION_RANGE);
	assert_int_equal(hvn_sections_in_use(&s), 99);
	assert_int_equal(map[BITS_TO_LONGS(100)], ~0UL);
}

static void test_sections_empty(void **state)
{
	unsigned long map[1] = { 0 };
	struct hvn_sections s;

	(void)state;
	hvn_sections_init(&s, map, 0);
	assert_int_equal(hvn_sections_alloc(&s), HVN_SECTION_NONE);
	assert_int_equal(hvn_sections_free(&s, 0, &V), -EPROTO);
	assert_viol(&V, HVN_V_SECTION_RANGE);
}

/* ---------- indirection tables ---------- */

static void test_num_channels(void **state)
{
	(void)state;
	assert_int_equal(hvn_indir_num_channels(0, 16, 16), 8);
	assert_int_equal(hvn_indir_num_channels(100, 128, 128), 64);
	assert_int_equal(hvn_indir_num_channels(4, 2, 8), 2);
	assert_int_equal(hvn_indir_num_channels(4, 8, 3), 3);
	assert_int_equal(hvn_indir_num_channels(4, 8, 0), 1);
	assert_int_equal(hvn_indir_num_channels(1, 8, 8), 1);
}

static void test_fill_default(void **state)
{
	u32 tab[128];
	u32 i;

	(void)state;
	hvn_indir_fill_default(tab, 128, 3);
	for (i = 0; i < 128; i++)
		assert_int_equal(tab[i], i % 3);
	assert_int_equal(hvn_indir_check(tab, 128, 3), 0);
	assert_int_equal(hvn_indir_check(tab, 128, 2), -EINVAL);
	hvn_indir_fill_default(tab, 128, 0);
	for (i = 0; i < 128; i++)
		assert_int_equal(tab[i], 0);
}

static void test_fill_weights(void **state)
{
	static const u32 even[2] = { 1, 1 };
	static const u32 skew[3] = { 1, 0, 3 };
	static const u32 zero[2] = { 0, 0 };
	static const u32 big[2] = { U32_MAX, U32_MAX };
	u32 w65[65] = { 1 };
	u32 tab[256];
	u32 i, n0 = 0, n2 = 0;

	(void)state;
	assert_int_equal(hvn_indir_fill_weights(tab, 128, even, 2), 0);
	for (i = 0; i < 128; i++)
		assert_int_equal(tab[i], i < 64 ? 0 : 1);

	assert_int_equal(hvn_indir_fill_weights(tab, 16, skew, 3), 0);
	for (i = 0; i < 16; i++) {
		assert_true(tab[i] == 0 || tab[i] == 2);
		n0 += tab[i] == 0;
		n2 += tab[i] == 2;
	}
	assert_int_equal(n0, 4);
	assert_int_equal(n2, 12);

	assert_int_equal(hvn_indir_fill_weights(tab, 256, big, 2), 0);
	assert_int_equal(tab[127], 0);
	assert_int_equal(tab[128], 1);
	assert_int_equal(tab[255], 1);

	assert_int_equal(hvn_indir_fill_weights(tab, 16, zero, 2), -EINVAL);
	assert_int_equal(hvn_indir_fill_weights(tab, 16, even, 0), -EINVAL);
	assert_int_equal(hvn_indir_fill_weights(tab, 257, even, 2), -EINVAL);
	assert_int_equal(hvn_indir_fill_weights(tab, 16, w65, 65), -EINVAL);
	assert_int_equal(hvn_indir_fill_weights(tab, 16, w65, 64), 0);
	for (i = 0; i < 16; i++)
		assert_int_equal(tab[i], 0);
}

static void test_send_queue(void **state)
{
	u32 t[HVN_NVSP_SEND_TABLE_SIZE];
	u32 i;

	(void)state;
	for (i = 0; i < 16; i++)
		t[i] = i % 4;
	assert_int_equal(hvn_indir_send_queue(t, 5, 4), 1);
	assert_int_equal(hvn_indir_send_queue(t, 5 + 16 * 1000, 4), 1);
	assert_int_equal(hvn_indir_send_queue(t, 7, 2), 1);	/* 3 % 2 */
	assert_int_equal(hvn_indir_send_queue(t, 7, 0), 0);
	t[3] = 0xffffffff;
	assert_int_equal(hvn_indir_send_queue(t, 3, 8), 0xffffffff % 8);
}

/* ---------- request ids ---------- */

static void test_reqid_basic(void **state)
{
	struct hvn_reqid_slot slots[4];
	struct hvn_reqid_table t;
	u64 id[5], ctx;
	u32 i;

	(void)state;
	assert_int_equal(hvn_reqid_init(&t, slots, 0, false), -EINVAL);
	assert_int_equal(hvn_reqid_init(&t, slots, U32_MAX, false), -EINVAL);
	assert_int_equal(hvn_reqid_init(&t, slots, 4, false), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(hvn_reqid_alloc(&t, 100 + i, &id[i]), 0);
		assert_true(id[i] != 0);
		assert_true(id[i] < (1ULL << 63));
	}
	assert_int_equal(hvn_reqid_alloc(&t, 0, &id[4]), -ENOSPC);
	assert_int_equal(hvn_reqid_in_use(&t), 4);

	assert_int_equal(hvn_reqid_complete(&t, id[2], &ctx, &V), 0);
	assert_true(ctx == 102);
	assert_int_equal(hvn_reqid_complete(&t, id[0], &ctx, &V), 0);
	assert_true(ctx == 100);
	assert_no_viol(&V);
	assert_int_equal(hvn_reqid_in_use(&t), 2);

	/* duplicate completion */
	assert_int_equal(hvn_reqid_complete(&t, id[2], &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_DUPLICATE);

	/* slot reused: the old id is stale, the new one works */
	assert_int_equal(hvn_reqid_alloc(&t, 200, &id[4]), 0);
	assert_true((id[4] & 0xffffffff) == (id[0] & 0xffffffff));
	assert_true(id[4] != id[0]);
	assert_int_equal(hvn_reqid_complete(&t, id[0], &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_STALE);
	assert_int_equal(hvn_reqid_complete(&t, id[4], &ctx, &V), 0);
	assert_true(ctx == 200);
	/* stale also once the slot is free again */
	assert_int_equal(hvn_reqid_complete(&t, id[0], &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_STALE);
}

static void test_reqid_unknown(void **state)
{
	struct hvn_reqid_slot slots[4];
	struct hvn_reqid_table t;
	u64 id, ctx;

	(void)state;
	assert_int_equal(hvn_reqid_init(&t, slots, 4, false), 0);
	assert_int_equal(hvn_reqid_alloc(&t, 1, &id), 0);

	assert_int_equal(hvn_reqid_complete(&t, 0, &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
	/* slot beyond the table */
	assert_int_equal(hvn_reqid_complete(&t, (1ULL << 32) | 5, &ctx, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
	/* generation 0 */
	assert_int_equal(hvn_reqid_complete(&t, 1, &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
	/* a host-initiated transaction id (bit 63) */
	assert_int_equal(hvn_reqid_complete(&t, 0x8000000000000001ULL, &ctx,
					    &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
	/* a slot never used */
	assert_int_equal(hvn_reqid_complete(&t, (1ULL << 32) | 4, &ctx, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
	assert_int_equal(hvn_reqid_complete(&t, U64_MAX, &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);

	/* completion of a message sent without expecting one: ignored */
	assert_int_equal(hvn_reqid_complete(&t, HVN_REQID_NO_RESPONSE, &ctx,
					    &V), -ENOENT);
	assert_no_viol(&V);

	assert_int_equal(hvn_reqid_in_use(&t), 1);
	assert_int_equal(hvn_reqid_complete(&t, id, &ctx, &V), 0);
	assert_true(ctx == 1);
}

static void test_reqid_cancel(void **state)
{
	struct hvn_reqid_slot slots[2];
	struct hvn_reqid_table t;
	u64 id, ctx;

	(void)state;
	assert_int_equal(hvn_reqid_init(&t, slots, 2, false), 0);
	assert_int_equal(hvn_reqid_alloc(&t, 9, &id), 0);
	assert_int_equal(hvn_reqid_cancel(&t, id), 0);
	assert_int_equal(hvn_reqid_cancel(&t, id), -EINVAL);
	assert_int_equal(hvn_reqid_cancel(&t, 12345), -EINVAL);
	assert_int_equal(hvn_reqid_in_use(&t), 0);
	/* a late host completion for a cancelled id is rejected */
	assert_int_equal(hvn_reqid_complete(&t, id, &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_DUPLICATE);
}

static void test_reqid_32(void **state)
{
	static struct hvn_reqid_slot slots[HVN_REQID_MAX_SLOTS_32 + 1];
	struct hvn_reqid_table t;
	u64 id, first, ctx;
	u32 i;

	(void)state;
	assert_int_equal(hvn_reqid_init(&t, slots, HVN_REQID_MAX_SLOTS_32 + 1,
					true), -EINVAL);
	assert_int_equal(hvn_reqid_init(&t, slots, HVN_REQID_MAX_SLOTS_32,
					true), 0);
	assert_int_equal(hvn_reqid_alloc(&t, 1, &first), 0);
	assert_true(first <= U32_MAX);
	assert_int_equal(hvn_reqid_complete(&t, first, &ctx, &V), 0);

	/* the generation wraps after 0x7fff uses and skips 0 */
	for (i = 1; i < 0x7fff; i++) {
		assert_int_equal(hvn_reqid_alloc(&t, i, &id), 0);
		assert_true(id <= 0x7fffffff);
		assert_true(id != first);
		assert_int_equal(hvn_reqid_complete(&t, id, &ctx, &V), 0);
	}
	assert_int_equal(hvn_reqid_alloc(&t, 5, &id), 0);
	assert_true(id == first);
	assert_no_viol(&V);
	/* a 64-bit style id is unknown in a 32-bit table */
	assert_int_equal(hvn_reqid_complete(&t, (1ULL << 32) | 1, &ctx, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
	assert_int_equal(hvn_reqid_complete(&t, 0x8001, &ctx, &V), -EPROTO);
	assert_viol(&V, HVN_V_REQID_UNKNOWN);
}

/* ---------- violation counters ---------- */

static void test_violation_names(void **state)
{
	unsigned int i, j;

	(void)state;
	for (i = 0; i < HVN_V_NR; i++) {
		const char *n = hvn_viol_name(i);

		assert_non_null(n);
		assert_string_not_equal(n, "unknown");
		for (j = 0; j < i; j++)
			assert_string_not_equal(n, hvn_viol_name(j));
	}
	assert_string_equal(hvn_viol_name(HVN_V_NR), "unknown");
	assert_string_equal(hvn_viol_name(HVN_V_XFER_PAGESET),
			    "xfer_pageset");
}

static void test_violation_count(void **state)
{
	(void)state;
	assert_int_equal(hvn_viol(NULL, HVN_V_RSC_LEN), -EPROTO);
	assert_int_equal(hvn_viol(&V, HVN_V_NR), -EPROTO);
	assert_no_viol(&V);
	assert_int_equal(hvn_viol(&V, HVN_V_RSC_LEN), -EPROTO);
	assert_int_equal(hvn_viol(&V, HVN_V_RSC_LEN), -EPROTO);
	assert_int_equal(hvn_viol(&V, HVN_V_VMPKT_SHORT), -EPROTO);
	assert_int_equal(V.cnt[HVN_V_RSC_LEN], 2);
	assert_int_equal(V.cnt[HVN_V_VMPKT_SHORT], 1);
	assert_int_equal(V.total, 3);
	assert_int_equal(V.last, HVN_V_VMPKT_SHORT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_sections, reset),
		cmocka_unit_test_setup(test_sections_empty, reset),
		cmocka_unit_test_setup(test_num_channels, reset),
		cmocka_unit_test_setup(test_fill_default, reset),
		cmocka_unit_test_setup(test_fill_weights, reset),
		cmocka_unit_test_setup(test_send_queue, reset),
		cmocka_unit_test_setup(test_reqid_basic, reset),
		cmocka_unit_test_setup(test_reqid_unknown, reset),
		cmocka_unit_test_setup(test_reqid_cancel, reset),
		cmocka_unit_test_setup(test_reqid_32, reset),
		cmocka_unit_test_setup(test_violation_names, reset),
		cmocka_unit_test_setup(test_violation_count, reset),
	};

	return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
