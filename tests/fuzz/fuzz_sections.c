// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz harness: send-section allocator with section indexes from the
 * host.
 *
 * A send completion names the section to free, so the index is host
 * input.  The input is the section count (u16 modulo 4096) and a list of
 * operations: op bit 0 clear allocates a section; set frees the index
 * that follows (bit 1 set: a raw u32 index; clear: a u16 one).  The
 * harness keeps its own map of sections in use and checks every result:
 * allocation returns the lowest free section (HVN_SECTION_NONE when all
 * are in use), a free of an index out of range or not in use is refused
 * with the matching counter and changes nothing.
 */
#include "fuzz.h"
#include "hvn_sections.h"

#define MAX_SECTIONS	0x1000

static u8 model[MAX_SECTIONS];

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct hvn_violations v;
	struct fuzz_viol_snap s;
	struct hvn_sections sec;
	u32 count, busy = 0, lowest = 0, op, idx, i;
	unsigned long *map;
	size_t n;
	int ret;

	memset(&v, 0, sizeof(v));
	count = fuzz_take(&data, &size, 2) % MAX_SECTIONS;
	n = BITS_TO_LONGS(count) * sizeof(unsigned long);
	map = malloc(n ? n : 1);
	if (!map)
		abort();
	hvn_sections_init(&sec, map, count);
	memset(model, 0, count);
	FUZZ_CHECK(hvn_sections_in_use(&sec) == 0);

	while (size) {
		op = fuzz_take(&data, &size, 1);
		if (!(op & 1)) {
			idx = hvn_sections_alloc(&sec);
			if (busy == count) {
				FUZZ_CHECK(idx == HVN_SECTION_NONE);
				continue;
			}
			/* the lowest free one */
			FUZZ_CHECK(idx == lowest && idx < count && !model[idx]);
			model[idx] = 1;
			busy++;
			while (lowest < count && model[lowest])
				lowest++;
			continue;
		}
		idx = fuzz_take(&data, &size, op & 2 ? 4 : 2);
		fuzz_snap(&s, &v);
		ret = hvn_sections_free(&sec, idx, &v);
		fuzz_check_viol(&s, &v, ret);
		if (idx >= count) {
			FUZZ_CHECK(ret == -EPROTO &&
				   v.last == HVN_V_SECTION_RANGE);
		} else if (!model[idx]) {
			FUZZ_CHECK(ret == -EPROTO &&
				   v.last == HVN_V_SECTION_DOUBLE_FREE);
		} else {
			FUZZ_CHECK(ret == 0);
			model[idx] = 0;
			busy--;
			if (idx < lowest)
				lowest = idx;
		}
	}
	FUZZ_CHECK(hvn_sections_in_use(&sec) == busy);
	for (i = 0; i < count; i++)
		FUZZ_CHECK(hvn_test_bit(i, map) == model[i]);
	fuzz_check_sum(&v);
	free(map);
	return 0;
}
