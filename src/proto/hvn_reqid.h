/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Request ids for guest requests that the host completes.
 *
 * An id names a slot and the generation of that slot's use, so that a
 * completion for an id that was never issued, one completed twice and
 * one of an earlier use of a reused slot are told apart and rejected.
 * Not locked: callers serialise access.
 */
#ifndef _HVN_PROTO_REQID_H
#define _HVN_PROTO_REQID_H

#include <hvn/types.h>
#include "hvn_viol.h"

/**
 * struct hvn_reqid_slot - one outstanding request
 * @ctx: caller context returned on completion
 * @gen: generation of the current or last use (0: never used)
 * @next: free list link
 * @busy: outstanding
 */
struct hvn_reqid_slot {
	u64 ctx;
	u32 gen;
	u32 next;
	bool busy;
};

/**
 * struct hvn_reqid_table - request id allocator
 * @slots: caller storage
 * @size: number of slots
 * @free_head: first free slot, @size if none
 * @in_use: outstanding requests
 * @gen_shift: bit position of the generation in an id
 * @gen_max: largest generation
 */
struct hvn_reqid_table {
	struct hvn_reqid_slot *slots;
	u32 size;
	u32 free_head;
	u32 in_use;
	u32 gen_shift;
	u32 gen_max;
};

/*
 * Transaction id for messages that expect no completion (the value the
 * kernel's VMBus requestor uses for the same purpose).  A completion that
 * carries it is ignored without counting a violation.
 */
#define HVN_REQID_NO_RESPONSE	(U64_MAX - 2)

/* Largest table for 32-bit ids (RNDIS request ids) */
#define HVN_REQID_MAX_SLOTS_32	0xfffe

int hvn_reqid_init(struct hvn_reqid_table *t, struct hvn_reqid_slot *slots,
		   u32 size, bool id32);
int hvn_reqid_alloc(struct hvn_reqid_table *t, u64 ctx, u64 *id);
int hvn_reqid_complete(struct hvn_reqid_table *t, u64 id, u64 *ctx,
		       struct hvn_violations *v);
int hvn_reqid_cancel(struct hvn_reqid_table *t, u64 id);
u32 hvn_reqid_in_use(const struct hvn_reqid_table *t);

#endif /* _HVN_PROTO_REQID_H */
