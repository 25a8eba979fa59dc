// SPDX-License-Identifier: GPL-2.0
/*
 * VMBus channel layer: open a ring pair, send inband, page-range and
 * completion packets, read and frame-check what the host writes, and map
 * the host's transaction ids back to what was sent.
 *
 * Request ids are our own (src/proto/reqid.c), not the VMBus requestor's:
 * they are checked the same way on every kernel, and a completion for an
 * id that is unknown, stale or already completed is a counted violation.
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include "compat.h"
#include "channel.h"

/* The smallest packet a send can take in the ring: descriptor, NVSP, trailer */
#define HVN_CHAN_MIN_PKT	64

/**
 * hvn_viol_log() - rate-limited report of the violation just counted
 * @dev: device to log for
 * @v: counters; @v->last names the check that failed
 */
void hvn_viol_log(struct device *dev, const struct hvn_violations *v)
{
	dev_warn_ratelimited(dev, "host protocol violation: %s (%llu so far)\n",
			     hvn_viol_name(v->last), v->total);
}

/**
 * hvn_chan_init() - prepare a channel before opening it
 * @c: channel state (zeroed by the caller)
 * @dev: device for log messages
 * @vmch: VMBus channel
 * @index: queue index
 * @ring_bytes: size of each ring, to size the request id table
 *
 * Return: 0 or -ENOMEM.
 */
int hvn_chan_init(struct hvn_chan *c, struct device *dev,
		  struct vmbus_channel *vmch, u16 index, u32 ring_bytes)
{
	u32 n = max_t(u32, ring_bytes / HVN_CHAN_MIN_PKT, 64);
	int ret;

	c->vmch = vmch;
	c->dev = dev;
	c->index = index;
	spin_lock_init(&c->req_lock);
	c->slots = kvcalloc(n, sizeof(*c->slots), GFP_KERNEL);
	if (!c->slots)
		return -ENOMEM;
	ret = hvn_reqid_init(&c->reqs, c->slots, n, false);
	if (ret) {
		kvfree(c->slots);
		c->slots = NULL;
	}
	return ret;
}

/**
 * hvn_chan_destroy() - free what hvn_chan_init() allocated
 * @c: channel, closed
 */
void hvn_chan_destroy(struct hvn_chan *c)
{
	kvfree(c->slots);
	c->slots = NULL;
}

static void hvn_chan_callback(void *arg)
{
	struct hvn_chan *c = arg;

	c->event(c->event_ctx);
}

/**
 * hvn_chan_open() - open the ring pair
 * @c: channel from hvn_chan_init()
 * @ring_bytes: size of each ring (page multiple)
 * @max_pkt: largest packet the host may send on it
 * @event: called in interrupt context when the host signals
 * @ctx: argument of @event
 *
 * Return: 0 or a negative errno from VMBus.
 */
int hvn_chan_open(struct hvn_chan *c, u32 ring_bytes, u32 max_pkt,
		  void (*event)(void *ctx), void *ctx)
{
	int ret;

	c->event = event;
	c->event_ctx = ctx;
	set_channel_read_mode(c->vmch, HV_CALL_ISR);
	hvn_chan_set_max_pkt_size(c->vmch, max_pkt);
	ret = vmbus_open(c->vmch, ring_bytes, ring_bytes, NULL, 0,
			 hvn_chan_callback, c);
	c->opened = !ret;
	return ret;
}

/* Take a request id for a packet the host will complete */
static int hvn_chan_req(struct hvn_chan *c, u64 ctx, u64 *id)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&c->req_lock, flags);
	ret = hvn_reqid_alloc(&c->reqs, ctx, id);
	spin_unlock_irqrestore(&c->req_lock, flags);
	return ret ? -EAGAIN : 0;
}

static void hvn_chan_unreq(struct hvn_chan *c, u64 id)
{
	unsigned long flags;

	spin_lock_irqsave(&c->req_lock, flags);
	hvn_reqid_cancel(&c->reqs, id);
	spin_unlock_irqrestore(&c->req_lock, flags);
}

/**
 * hvn_chan_send() - send an inband packet
 * @c: channel
 * @msg: payload
 * @len: its length
 * @ctx: returned by hvn_chan_complete() when the host completes it
 * @completion: ask for a completion (else @ctx is ignored)
 *
 * Return: 0, -EAGAIN when the ring or the id table is full, or another
 * negative errno (-ENODEV after a rescind).
 */
int hvn_chan_send(struct hvn_chan *c, const void *msg, u32 len, u64 ctx,
		  bool completion)
{
	u64 id = HVN_REQID_NO_RESPONSE;
	int ret;

	if (completion) {
		ret = hvn_chan_req(c, ctx, &id);
		if (ret)
			goto full;
	}
	ret = vmbus_sendpacket(c->vmch, (void *)msg, len, id,
			       VM_PKT_DATA_INBAND,
			       completion ? VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED : 0);
	if (ret && completion)
		hvn_chan_unreq(c, id);
full:
	if (ret == -EAGAIN)
		c->ring_full++;
	return ret;
}

/**
 * hvn_chan_send_pages() - send a GPA-direct packet
 * @c: channel
 * @r: page ranges (each inside one page)
 * @n: number of ranges, 1..HVN_CHAN_MAX_RANGES
 * @msg: inband payload
 * @len: its length
 * @ctx: returned by hvn_chan_complete() when the host completes it
 *
 * Return: 0, -EAGAIN when the ring or the id table is full, or another
 * negative errno.
 */
int hvn_chan_send_pages(struct hvn_chan *c,
			const struct hvn_vmpkt_page_range *r, u32 n,
			const void *msg, u32 len, u64 ctx)
{
	struct {
		struct hvn_vmpkt_gpa_hdr h;
		struct hvn_vmpkt_page_range range[HVN_CHAN_MAX_RANGES];
	} desc;
	u32 size;
	u64 id;
	int ret;

	BUILD_BUG_ON(offsetof(struct vmbus_packet_mpb_array, range) !=
		     sizeof(struct hvn_vmpkt_gpa_hdr));
	BUILD_BUG_ON(offsetof(struct hv_mpb_array, pfn_array) !=
		     offsetof(struct hvn_vmpkt_page_range, pfn));
	if (!n || n > HVN_CHAN_MAX_RANGES)
		return -EINVAL;
	size = sizeof(desc.h) + n * sizeof(*r);
	memset(&desc.h, 0, sizeof(desc.h));
	desc.h.range_cnt = n;
	memcpy(desc.range, r, n * sizeof(*r));

	ret = hvn_chan_req(c, ctx, &id);
	if (ret)
		goto full;
	ret = vmbus_sendpacket_mpb_desc(c->vmch,
					(struct vmbus_packet_mpb_array *)&desc,
					size, (void *)msg, len, id);
	if (ret)
		hvn_chan_unreq(c, id);
full:
	if (ret == -EAGAIN)
		c->ring_full++;
	return ret;
}

/**
 * hvn_chan_send_comp() - complete a packet the host sent
 * @c: channel
 * @msg: completion payload
 * @len: its length
 * @tid: transaction id of the host's packet
 *
 * Return: 0, -EAGAIN when the ring is full, or another negative errno.
 */
int hvn_chan_send_comp(struct hvn_chan *c, const void *msg, u32 len, u64 tid)
{
	return vmbus_sendpacket(c->vmch, (void *)msg, len, tid, VM_PKT_COMP, 0);
}

/**
 * hvn_chan_complete() - accept the host's completion of a sent packet
 * @c: channel
 * @tid: transaction id from the completion
 * @ctx: set to the context given at send time
 *
 * Return: 0, -ENOENT for a completion of a packet that asked for none
 * (ignore it), or -EPROTO (counted in @c->viol and logged).
 */
int hvn_chan_complete(struct hvn_chan *c, u64 tid, u64 *ctx)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&c->req_lock, flags);
	ret = hvn_reqid_complete(&c->reqs, tid, ctx, &c->viol);
	spin_unlock_irqrestore(&c->req_lock, flags);
	if (ret == -EPROTO)
		hvn_viol_log(c->dev, &c->viol);
	return ret;
}

/**
 * hvn_chan_pending() - packets sent and not completed yet
 * @c: channel
 *
 * Return: number of outstanding request ids.
 */
u32 hvn_chan_pending(struct hvn_chan *c)
{
	unsigned long flags;
	u32 n;

	spin_lock_irqsave(&c->req_lock, flags);
	n = hvn_reqid_in_use(&c->reqs);
	spin_unlock_irqrestore(&c->req_lock, flags);
	return n;
}

/**
 * hvn_chan_drain() - release every outstanding request after close
 * @c: channel, closed (the host completes nothing any more)
 * @fn: called with the context of each outstanding request
 * @arg: first argument of @fn
 */
void hvn_chan_drain(struct hvn_chan *c, void (*fn)(void *arg, u64 ctx),
		    void *arg)
{
	u32 i;
	u64 id;

	if (!c->slots)
		return;
	for (i = 0; i < c->reqs.size; i++) {
		if (!c->slots[i].busy)
			continue;
		id = ((u64)c->slots[i].gen << c->reqs.gen_shift) | (i + 1);
		fn(arg, c->slots[i].ctx);
		hvn_reqid_cancel(&c->reqs, id);
	}
}

/* Bytes of a packet that may be read at @desc */
static u32 hvn_chan_pkt_room(struct hvn_chan *c,
			     const struct vmpacket_descriptor *desc)
{
	u32 len = (u32)READ_ONCE(desc->len8) << 3;

	return min(len, c->vmch->inbound.ring_datasize);
}

/**
 * hvn_chan_poll() - handle the packets in the inbound ring
 * @c: channel
 * @budget: stop once the handlers reported this much work
 * @fn: handler of each packet that passes the framing checks
 * @ctx: its first argument
 *
 * Packets with a broken descriptor are counted, logged and skipped.
 *
 * Return: work done.
 */
int hvn_chan_poll(struct hvn_chan *c, int budget, hvn_chan_pkt_fn fn,
		  void *ctx)
{
	struct vmpacket_descriptor *desc;
	struct hvn_vmpkt pkt;
	int work = 0;

	desc = hv_pkt_iter_first(c->vmch);
	while (desc && work < budget) {
		if (hvn_vmpkt_parse(desc, hvn_chan_pkt_room(c, desc), &pkt,
				    &c->viol))
			hvn_viol_log(c->dev, &c->viol);
		else
			work += fn(ctx, c, &pkt);
		desc = hv_pkt_iter_next(c->vmch, desc);
	}
	hv_pkt_iter_close(c->vmch);
	return work;
}

/**
 * hvn_chan_begin_read() - mask host interrupts while polling
 * @c: channel
 *
 * Return: true (for use in conditions).
 */
bool hvn_chan_begin_read(struct hvn_chan *c)
{
	hv_begin_read(&c->vmch->inbound);
	return true;
}

/**
 * hvn_chan_end_read() - unmask host interrupts after polling
 * @c: channel
 *
 * Return: true if packets arrived meanwhile (poll again).
 */
bool hvn_chan_end_read(struct hvn_chan *c)
{
	return hv_end_read(&c->vmch->inbound) != 0;
}

/**
 * hvn_chan_tx_avail_pct() - free space of the outbound ring
 * @c: channel
 *
 * Return: percent of the ring that is free.
 */
u32 hvn_chan_tx_avail_pct(struct hvn_chan *c)
{
	return hv_get_avail_to_write_percent(&c->vmch->outbound);
}
