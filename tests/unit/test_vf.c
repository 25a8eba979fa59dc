// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for src/proto/vf.c: VF association word, VF matching, PCI
 * slot names as serials.
 */
#include "helpers.h"
#include "hvn_vf.h"

static void test_assoc_word(void **state)
{
	u64 a;

	(void)state;
	a = hvn_vf_assoc_word(true, 4660);
	assert_true(hvn_vf_assoc_offered(a));
	assert_false(hvn_vf_assoc_withdrawn(a));
	assert_int_equal((u32)a, 4660);

	/* serial 0 and the largest serial are still an offer */
	assert_true(hvn_vf_assoc_offered(hvn_vf_assoc_word(true, 0)));
	a = hvn_vf_assoc_word(true, 0xffffffff);
	assert_true(hvn_vf_assoc_offered(a));
	assert_false(hvn_vf_assoc_withdrawn(a));
	assert_int_equal((u32)a, 0xffffffff);

	a = hvn_vf_assoc_word(false, 4660);
	assert_false(hvn_vf_assoc_offered(a));
	assert_true(hvn_vf_assoc_withdrawn(a));

	assert_false(hvn_vf_assoc_offered(HVN_VF_ASSOC_NONE));
	assert_false(hvn_vf_assoc_withdrawn(HVN_VF_ASSOC_NONE));
}

static void test_rank(void **state)
{
	u64 on = hvn_vf_assoc_word(true, 7);
	u64 off = hvn_vf_assoc_word(false, 7);

	(void)state;
	/* the named slot with our MAC */
	assert_int_equal(hvn_vf_rank(on, true, 7, true), HVN_VF_RANK_SERIAL);
	/* a serial never selects a device with another MAC */
	assert_int_equal(hvn_vf_rank(on, true, 7, false), HVN_VF_RANK_NONE);
	/* another slot, or none, with our MAC: fallback */
	assert_int_equal(hvn_vf_rank(on, true, 8, true), HVN_VF_RANK_MAC);
	assert_int_equal(hvn_vf_rank(on, false, 7, true), HVN_VF_RANK_MAC);
	/* before any association: MAC only */
	assert_int_equal(hvn_vf_rank(HVN_VF_ASSOC_NONE, true, 0, true),
			 HVN_VF_RANK_MAC);
	assert_int_equal(hvn_vf_rank(HVN_VF_ASSOC_NONE, true, 0, false),
			 HVN_VF_RANK_NONE);
	/* withdrawn: nothing matches, not even the slot it named */
	assert_int_equal(hvn_vf_rank(off, true, 7, true), HVN_VF_RANK_NONE);
	assert_int_equal(hvn_vf_rank(off, false, 0, true), HVN_VF_RANK_NONE);
}

static void test_slot_number(void **state)
{
	u32 s = 12345;

	(void)state;
	assert_true(hvn_vf_slot_number("0", &s));
	assert_int_equal(s, 0);
	assert_true(hvn_vf_slot_number("4660", &s));
	assert_int_equal(s, 4660);
	assert_true(hvn_vf_slot_number("4294967295", &s));
	assert_int_equal(s, 0xffffffff);
	assert_true(hvn_vf_slot_number("000000000000000000042", &s));
	assert_int_equal(s, 42);

	s = 99;
	assert_false(hvn_vf_slot_number("4294967296", &s));
	assert_false(hvn_vf_slot_number("99999999999999999999999", &s));
	assert_false(hvn_vf_slot_number("", &s));
	assert_false(hvn_vf_slot_number("+1", &s));
	assert_false(hvn_vf_slot_number("-1", &s));
	assert_false(hvn_vf_slot_number(" 1", &s));
	assert_false(hvn_vf_slot_number("1\n", &s));
	assert_false(hvn_vf_slot_number("0x10", &s));
	assert_false(hvn_vf_slot_number("0-1", &s));
	assert_false(hvn_vf_slot_number("pcie-slot", &s));
	assert_int_equal(s, 99);	/* untouched on failure */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_assoc_word),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_slot_number),
	};

	return cmocka_run_group_tests_name("vf", tests, NULL, NULL);
}
