/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Send-buffer section allocator: one bit per section.  In the kernel the
 * bit operations are atomic, so alloc and free may run concurrently on
 * different queues without a lock (as the in-tree driver does).
 */
#ifndef _HVN_PROTO_SECTIONS_H
#define _HVN_PROTO_SECTIONS_H

#include <hvn/types.h>
#include <hvn/nvsp.h>
#include "hvn_viol.h"

/* Returned by hvn_sections_alloc() when no section is free */
#define HVN_SECTION_NONE	HVN_NVSP_INVALID_SECTION

/**
 * struct hvn_sections - section bitmap
 * @map: BITS_TO_LONGS(@count) words, bit set = section in use
 * @count: number of sections
 */
struct hvn_sections {
	unsigned long *map;
	u32 count;
};

void hvn_sections_init(struct hvn_sections *s, unsigned long *map,
		       u32 count);
u32 hvn_sections_alloc(struct hvn_sections *s);
int hvn_sections_free(struct hvn_sections *s, u32 idx,
		      struct hvn_violations *v);
u32 hvn_sections_in_use(const struct hvn_sections *s);

#endif /* _HVN_PROTO_SECTIONS_H */
