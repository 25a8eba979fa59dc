// SPDX-License-Identifier: GPL-2.0
/*
 * Request id table.
 *
 * An id is (generation << gen_shift) | (slot + 1).  It is never 0, and
 * with 64-bit ids bit 63 is never set, so values a host uses for its own
 * unsolicited messages do not collide with issued ids.
 */
#include "hvn_reqid.h"

/**
 * hvn_reqid_init() - set up an empty table
 * @t: table
 * @slots: storage for @size slots
 * @size: number of slots (at most HVN_REQID_MAX_SLOTS_32 with @id32)
 * @id32: issue ids that fit in 32 bits (15-bit generation) instead of
 *	64-bit ids (31-bit generation)
 *
 * Return: 0 or -EINVAL for a bad size.
 */
int hvn_reqid_init(struct hvn_reqid_table *t, struct hvn_reqid_slot *slots,
		   u32 size, bool id32)
{
	u32 i;

	if (!size || size >= U32_MAX || (id32 && size > HVN_REQID_MAX_SLOTS_32))
		return -EINVAL;

	t->slots = slots;
	t->size = size;
	t->in_use = 0;
	t->gen_shift = id32 ? 16 : 32;
	t->gen_max = id32 ? 0x7fff : 0x7fffffff;
	for (i = 0; i < size; i++) {
		slots[i].ctx = 0;
		slots[i].gen = 0;
		slots[i].busy = false;
		slots[i].next = i + 1;
	}
	t->free_head = 0;
	return 0;
}

/**
 * hvn_reqid_alloc() - issue an id for a new request
 * @t: table
 * @ctx: caller context, returned by hvn_reqid_complete()
 * @id: set to the id to send with the request
 *
 * Return: 0 or -ENOSPC when all slots are outstanding.
 */
int hvn_reqid_alloc(struct hvn_reqid_table *t, u64 ctx, u64 *id)
{
	struct hvn_reqid_slot *s;
	u32 idx = t->free_head;

	if (idx >= t->size)
		return -ENOSPC;
	s = &t->slots[idx];
	t->free_head = s->next;

	s->gen = s->gen >= t->gen_max ? 1 : s->gen + 1;
	s->ctx = ctx;
	s->busy = true;
	t->in_use++;
	*id = ((u64)s->gen << t->gen_shift) | (idx + 1);
	return 0;
}

/* Find the outstanding slot for @id, or say why there is none */
static int hvn_reqid_lookup(const struct hvn_reqid_table *t, u64 id,
			    u32 *idx)
{
	u64 low = id & ((1ULL << t->gen_shift) - 1);
	u64 gen = id >> t->gen_shift;
	const struct hvn_reqid_slot *s;

	if (!low || low > t->size || !gen || gen > t->gen_max)
		return HVN_V_REQID_UNKNOWN;
	s = &t->slots[low - 1];
	if (!s->gen)
		return HVN_V_REQID_UNKNOWN;
	if (s->gen != gen)
		return HVN_V_REQID_STALE;
	if (!s->busy)
		return HVN_V_REQID_DUPLICATE;
	*idx = low - 1;
	return -1;
}

static u64 hvn_reqid_release(struct hvn_reqid_table *t, u32 idx)
{
	struct hvn_reqid_slot *s = &t->slots[idx];
	u64 ctx = s->ctx;

	s->busy = false;
	s->ctx = 0;
	s->next = t->free_head;
	t->free_head = idx;
	t->in_use--;
	return ctx;
}

/**
 * hvn_reqid_complete() - accept a host completion for an id
 * @t: table
 * @id: transaction / request id from the host
 * @ctx: set to the context given at allocation
 * @v: violation counters
 *
 * The id is released.  Ids never issued (or malformed), ids not
 * outstanding any more (duplicate completion) and ids of an earlier use
 * of a slot (stale) are rejected.
 *
 * Return: 0, -ENOENT for HVN_REQID_NO_RESPONSE (ignore the completion,
 * nothing counted), or -EPROTO.
 */
int hvn_reqid_complete(struct hvn_reqid_table *t, u64 id, u64 *ctx,
		       struct hvn_violations *v)
{
	u32 idx;
	int why;

	if (id == HVN_REQID_NO_RESPONSE)
		return -ENOENT;
	why = hvn_reqid_lookup(t, id, &idx);
	if (why >= 0)
		return hvn_viol(v, why);
	*ctx = hvn_reqid_release(t, idx);
	return 0;
}

/**
 * hvn_reqid_cancel() - release an id the host will never complete
 * @t: table
 * @id: id from hvn_reqid_alloc() (e.g. the send failed)
 *
 * Return: 0 or -EINVAL if @id is not outstanding.
 */
int hvn_reqid_cancel(struct hvn_reqid_table *t, u64 id)
{
	u32 idx;

	if (hvn_reqid_lookup(t, id, &idx) >= 0)
		return -EINVAL;
	hvn_reqid_release(t, idx);
	return 0;
}

/**
 * hvn_reqid_in_use() - number of outstanding requests
 * @t: table
 *
 * Return: ids issued and neither completed nor cancelled.
 */
u32 hvn_reqid_in_use(const struct hvn_reqid_table *t)
{
	return t->in_use;
}
