/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared helpers for the cmocka unit tests of src/proto.
 */
#ifndef _HVN_TEST_HELPERS_H
#define _HVN_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <hvn/types.h>
#include "hvn_viol.h"

/* Assert that exactly one violation, @which, was counted; then clear. */
#define assert_viol(v, which) do {					\
	assert_int_equal((v)->total, 1);				\
	assert_int_equal((v)->cnt[(which)], 1);				\
	assert_int_equal((v)->last, (which));				\
	memset((v), 0, sizeof(*(v)));					\
} while (0)

/* Assert that no violation was counted. */
#define assert_no_viol(v) assert_int_equal((v)->total, 0)

static inline void put32(void *p, u32 val)
{
	memcpy(p, &val, sizeof(val));
}

static inline u32 get32(const void *p)
{
	u32 val;

	memcpy(&val, p, sizeof(val));
	return val;
}

static inline void put16(void *p, u16 val)
{
	memcpy(p, &val, sizeof(val));
}

#endif
