/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared helpers for the libFuzzer harnesses of src/proto.
 *
 * Every harness feeds host-controlled bytes to the pure protocol code
 * (compiled unchanged, with AddressSanitizer and UBSan) and checks more
 * than "no crash": what a successful parse returns must lie inside the
 * input, and the violation counters must move exactly as documented
 * (a rejection counts exactly one violation, an acceptance none).  A
 * broken invariant aborts, which libFuzzer reports as a crash and saves
 * as an artifact.
 */
#ifndef _HVN_FUZZ_H
#define _HVN_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hvn/types.h>
#include "hvn_viol.h"

#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
			__FILE__, __LINE__, #cond);			\
		abort();						\
	}								\
} while (0)

/*
 * Counters before a call, to compare with after it.  hvn_viol() is the
 * only writer and bumps one counter and the total together, so the change
 * of the total is the number of violations a call counted, and @last the
 * counter of the most recent one; fuzz_check_sum() verifies once per input
 * that the counters add up to the total.  (Copying and comparing all
 * counters around every call made the harnesses several times slower.)
 */
struct fuzz_viol_snap {
	u64 total;
};

static inline void fuzz_snap(struct fuzz_viol_snap *s,
			     const struct hvn_violations *v)
{
	s->total = v->total;
}

/* Violations counted since the snapshot */
static inline u64 fuzz_viol_delta(const struct fuzz_viol_snap *s,
				  const struct hvn_violations *v)
{
	return v->total - s->total;
}

/*
 * The documented contract of every host-input parser: @ret == 0 counted
 * nothing; @ret == -EPROTO counted exactly one violation (recorded in
 * @last); @ret == -EIO (host reported failure) counted exactly
 * HVN_V_NVSP_HOST_FAIL.  Other return values are not allowed unless the
 * caller checked them before.
 */
static inline void fuzz_check_viol(const struct fuzz_viol_snap *s,
				   const struct hvn_violations *v, int ret)
{
	u64 n = fuzz_viol_delta(s, v);

	if (ret == 0) {
		FUZZ_CHECK(n == 0);
		return;
	}
	FUZZ_CHECK(ret == -EPROTO || ret == -EIO);
	FUZZ_CHECK(n == 1);
	FUZZ_CHECK(v->last < HVN_V_NR);
	FUZZ_CHECK(v->cnt[v->last] > 0);
	if (ret == -EIO)
		FUZZ_CHECK(v->last == HVN_V_NVSP_HOST_FAIL);
	else
		FUZZ_CHECK(v->last != HVN_V_NVSP_HOST_FAIL);
}

/* Once per input: every counted violation is in exactly one counter */
static inline void fuzz_check_sum(const struct hvn_violations *v)
{
	u64 sum = 0;
	unsigned int i;

	for (i = 0; i < HVN_V_NR; i++)
		sum += v->cnt[i];
	FUZZ_CHECK(sum == v->total);
}

/* Is [p, p + len) inside [base, base + size)? */
static inline int fuzz_inside(const void *p, u64 len, const void *base,
			      u64 size)
{
	const u8 *a = p, *b = base;

	return a >= b && a <= b + size && len <= (u64)(b + size - a);
}

/*
 * Read every byte of a region the code under test handed back, so that
 * AddressSanitizer checks it really is accessible; the sum is folded into
 * a volatile sink so the reads are not optimised away.
 */
__attribute__((weak)) volatile u32 fuzz_sink;

static inline void fuzz_touch(const void *p, u64 len)
{
	const u8 *b = p;
	u32 s = 0;
	u64 i;

	for (i = 0; i < len; i++)
		s += b[i];
	fuzz_sink += s;
}

/* Little-endian readers of the harness's own configuration bytes */
static inline u32 fuzz_take(const u8 **data, size_t *size, unsigned int n)
{
	u32 val = 0;
	unsigned int i;

	for (i = 0; i < n && *size; i++) {
		val |= (u32)(*data)[0] << (8 * i);
		(*data)++;
		(*size)--;
	}
	return val;
}

/*
 * A heap copy of exactly @len bytes, so that AddressSanitizer reports a
 * read one byte past the end of this piece of the input.
 */
static inline u8 *fuzz_dup(const u8 *data, size_t len)
{
	u8 *p = malloc(len ? len : 1);

	if (!p)
		abort();
	if (len)
		memcpy(p, data, len);
	return p;
}

#endif /* _HVN_FUZZ_H */
