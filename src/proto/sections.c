// SPDX-License-Identifier: GPL-2.0
/*
 * Send-buffer section allocator.
 */
#include "hvn_sections.h"

/**
 * hvn_sections_init() - set up an allocator with all sections free
 * @s: allocator
 * @map: storage for BITS_TO_LONGS(@count) words, cleared here
 * @count: number of sections
 */
void hvn_sections_init(struct hvn_sections *s, unsigned long *map,
		       u32 count)
{
	s->map = map;
	s->count = count;
	memset(map, 0, BITS_TO_LONGS(count) * sizeof(unsigned long));
}

/**
 * hvn_sections_alloc() - take a free section
 * @s: allocator
 *
 * Return: the lowest free section index, or HVN_SECTION_NONE.
 */
u32 hvn_sections_alloc(struct hvn_sections *s)
{
	unsigned long idx = 0;

	for (;;) {
		idx = hvn_find_next_zero_bit(s->map, s->count, idx);
		if (idx >= s->count)
			return HVN_SECTION_NONE;
		if (!hvn_test_and_set_bit(idx, s->map))
			return idx;
		idx++;
	}
}

/**
 * hvn_sections_free() - return a section
 * @s: allocator
 * @idx: section index from hvn_sections_alloc()
 * @v: violation counters
 *
 * Return: 0, or -EPROTO for an index out of range or a section that is
 * not in use (double free); the bitmap is unchanged then.
 */
int hvn_sections_free(struct hvn_sections *s, u32 idx,
		      struct hvn_violations *v)
{
	if (idx >= s->count)
		return hvn_viol(v, HVN_V_SECTION_RANGE);
	if (!hvn_test_and_clear_bit(idx, s->map))
		return hvn_viol(v, HVN_V_SECTION_DOUBLE_FREE);
	return 0;
}

/**
 * hvn_sections_in_use() - count sections in use (not atomic as a whole)
 * @s: allocator
 *
 * Return: number of sections allocated and not yet freed.
 */
u32 hvn_sections_in_use(const struct hvn_sections *s)
{
	u32 i, n = 0;

	for (i = 0; i < s->count; i++)
		if (hvn_test_bit(i, s->map))
			n++;
	return n;
}
