// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim VMBus core: devices on an emulated "vmbus" bus, channels with
 * real ring buffers (shared header page + data pages, wrap-around mapped),
 * GPADLs, request ids, interrupts in both directions and sub-channel offers.
 *
 * The guest half (what a VMBus client driver calls) and the host half (what
 * the NVSP layer uses) meet only in the shared ring memory and the GPADL
 * pages, as on a real host: the host maps the pages itself.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include "hostsim.h"

struct workqueue_struct *hs_wq;

/* 7.x wants per-CPU workqueues named as such (the host runs on the CPU the
 * channel targets, like a VMBus interrupt). */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(7, 0, 0)
#define HS_WQ_PERCPU WQ_PERCPU
#else
#define HS_WQ_PERCPU 0
#endif
static struct device *hs_root;
static atomic_t hs_next_gpadl = ATOMIC_INIT(0xe1e10);
static atomic_t hs_next_relid = ATOMIC_INIT(1);

/* The synthetic network device class and our instance ids. */
static const guid_t hs_nic_class = GUID_INIT(0xf8615163, 0xdf3e, 0x46c5, 0x91,
					     0x3f, 0xf2, 0xd2, 0xf9, 0x65,
					     0xed, 0x0e);

/* Every guest-visible channel is embedded in this wrapper. */
struct hs_vchan {
	struct vmbus_channel ch;
	struct hs_dev *dev;
	struct hs_chan *hc;
	struct page *ring_pages;
	u32 ring_order;
	bool offered;
};

struct hs_hvdev {
	struct hv_device hv;
	struct hs_dev *dev;
};

static struct hs_vchan *to_vchan(struct vmbus_channel *ch)
{
	return container_of(ch, struct hs_vchan, ch);
}

struct hs_chan *hs_chan_of(struct vmbus_channel *ch)
{
	return to_vchan(ch)->hc;
}

struct hs_dev *hs_dev_of_channel(struct vmbus_channel *ch)
{
	return to_vchan(ch)->dev;
}

/* ---------------------------------------------------------------- */
/* diagnostics */

void hs_violation(struct hs_dev *d, const char *fmt, ...)
{
	unsigned long flags;
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	atomic64_inc(&d->violations);
	spin_lock_irqsave(&d->hist_lock, flags);
	strscpy(d->viol_last[d->viol_pos++ % ARRAY_SIZE(d->viol_last)], buf,
		sizeof(d->viol_last[0]));
	spin_unlock_irqrestore(&d->hist_lock, flags);
	pr_warn_ratelimited("hvn_hostsim nic%d: protocol violation: %s\n",
			    d->id, buf);
}

void hs_hist(struct hs_dev *d, const char *fmt, ...)
{
	unsigned long flags;
	va_list ap;

	spin_lock_irqsave(&d->hist_lock, flags);
	va_start(ap, fmt);
	vscnprintf(d->hist[d->hist_pos++ % HS_HIST], sizeof(d->hist[0]), fmt, ap);
	va_end(ap);
	spin_unlock_irqrestore(&d->hist_lock, flags);
}

/* ---------------------------------------------------------------- */
/* memory: wrap-around ring mappings and guest physical pages */

/*
 * Map a ring (header page + data pages) so that the data area appears
 * twice in a row: a packet that wraps can be read or written linearly.
 */
static void *hs_map_ring(struct page *first, u32 npages)
{
	struct page **pv;
	void *va;
	u32 i;

	if (npages < 2)
		return NULL;
	pv = kcalloc(npages * 2 - 1, sizeof(*pv), GFP_KERNEL);
	if (!pv)
		return NULL;
	pv[0] = first;
	for (i = 0; i < 2 * (npages - 1); i++)
		pv[i + 1] = first + 1 + i % (npages - 1);
	va = vmap(pv, npages * 2 - 1, VM_MAP, PAGE_KERNEL);
	kfree(pv);
	return va;
}

/* The host reaches guest memory by page frame number only. */
void *hs_map_gpa(u64 pfn)
{
	if (!pfn_valid(pfn))
		return NULL;
	return page_address(pfn_to_page(pfn));
}

/* ---------------------------------------------------------------- */
/* GPADLs */

int hs_api_establish_gpadl(struct vmbus_channel *ch, void *kbuf, u32 size,
			   u32 *handle)
{
	struct hs_dev *d = hs_dev_of_channel(ch);
	struct hs_gpadl *g;
	u32 i;

	if (!size || size % PAGE_SIZE || offset_in_page(kbuf))
		return -EINVAL;
	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	g->npages = size >> PAGE_SHIFT;
	g->size = size;
	g->pages = kvcalloc(g->npages, sizeof(*g->pages), GFP_KERNEL);
	if (!g->pages)
		goto nomem;
	for (i = 0; i < g->npages; i++) {
		void *va = kbuf + (size_t)i * PAGE_SIZE;

		g->pages[i] = is_vmalloc_addr(va) ? vmalloc_to_page(va) :
						    virt_to_page(va);
	}
	g->hva = vmap(g->pages, g->npages, VM_MAP, PAGE_KERNEL);
	if (!g->hva)
		goto nomem;
	g->owner = ch;
	g->handle = atomic_inc_return(&hs_next_gpadl);
	spin_lock(&d->gpadl_lock);
	list_add_tail(&g->node, &d->gpadls);
	spin_unlock(&d->gpadl_lock);
	hs_hist(d, "gpadl+ %u pages=%u", g->handle, g->npages);
	*handle = g->handle;
	return 0;
nomem:
	kvfree(g->pages);
	kfree(g);
	return -ENOMEM;
}

struct hs_gpadl *hs_gpadl_get(struct hs_dev *d, u32 handle)
{
	struct hs_gpadl *g, *found = NULL;

	spin_lock(&d->gpadl_lock);
	list_for_each_entry(g, &d->gpadls, node)
		if (g->handle == handle) {
			found = g;
			break;
		}
	spin_unlock(&d->gpadl_lock);
	return found;
}

static void hs_gpadl_destroy(struct hs_gpadl *g)
{
	vunmap(g->hva);
	kvfree(g->pages);
	kfree(g);
}

static void hs_flush_host(struct hs_dev *d)
{
	int i;

	for (i = 0; i < HS_MAX_CHANNELS; i++) {
		struct hs_chan *hc = d->chan[i];

		if (!hc)
			continue;
		flush_work(&hc->g2h_work);
		flush_work(&hc->rx_work);
	}
}

int hs_api_teardown_gpadl(struct vmbus_channel *ch, u32 handle)
{
	struct hs_dev *d = hs_dev_of_channel(ch);
	struct hs_gpadl *g;

	/* The host finishes the ring messages sent before the teardown. */
	hs_flush_host(d);
	g = hs_gpadl_get(d, handle);
	if (!g) {
		hs_violation(d, "teardown of unknown GPADL %u", handle);
		return -EINVAL;
	}
	mutex_lock(&d->lock);
	if (handle == d->rbuf_gpadl || handle == d->sbuf_gpadl) {
		/*
		 * A buffer still in use: the guest did not revoke it.  After a
		 * rescind it cannot (the channel is gone), so that is fine.
		 */
		if (d->nvsp && hs_nvsp_ready(d) && !ch->rescind)
			hs_violation(d, "teardown of GPADL %u still in use", handle);
		if (handle == d->rbuf_gpadl) {
			d->rbuf_gpadl = 0;
			hs_flush_host(d);
			d->rbuf = NULL;
			hs_sections_free(d);
		} else {
			d->sbuf_gpadl = 0;
			d->sbuf = NULL;
		}
	}
	mutex_unlock(&d->lock);
	spin_lock(&d->gpadl_lock);
	list_del(&g->node);
	spin_unlock(&d->gpadl_lock);
	hs_hist(d, "gpadl- %u", handle);
	hs_gpadl_destroy(g);
	return 0;
}

/* ---------------------------------------------------------------- */
/* request ids (the guest's requestor, as VMBus keeps it) */

static int hs_rqstor_alloc(struct vmbus_channel *ch)
{
	struct vmbus_requestor *r = &ch->requestor;
	u32 i, size = ch->rqstor_size;

	if (!size)
		return 0;
	r->req_arr = kcalloc(size, sizeof(u64), GFP_KERNEL);
	r->req_bitmap = bitmap_zalloc(size, GFP_KERNEL);
	if (!r->req_arr || !r->req_bitmap) {
		kfree(r->req_arr);
		bitmap_free(r->req_bitmap);
		r->req_arr = NULL;
		r->req_bitmap = NULL;
		return -ENOMEM;
	}
	/* free list threaded through the array, ending at "size" */
	for (i = 0; i < size; i++)
		r->req_arr[i] = i + 1;
	r->size = size;
	r->next_request_id = 0;
	spin_lock_init(&r->req_lock);
	return 0;
}

static void hs_rqstor_free(struct vmbus_channel *ch)
{
	kfree(ch->requestor.req_arr);
	bitmap_free(ch->requestor.req_bitmap);
	ch->requestor.req_arr = NULL;
	ch->requestor.req_bitmap = NULL;
}

u64 hs_api_next_request_id(struct vmbus_channel *ch, u64 addr)
{
	struct vmbus_requestor *r = &ch->requestor;
	unsigned long flags;
	u64 slot;

	if (!ch->rqstor_size || !r->req_arr)
		return VMBUS_NO_RQSTOR;
	spin_lock_irqsave(&r->req_lock, flags);
	slot = r->next_request_id;
	if (slot >= r->size) {
		spin_unlock_irqrestore(&r->req_lock, flags);
		return VMBUS_RQST_ERROR;
	}
	r->next_request_id = r->req_arr[slot];
	r->req_arr[slot] = addr;
	__set_bit(slot, r->req_bitmap);
	spin_unlock_irqrestore(&r->req_lock, flags);
	/* id 0 means "unsolicited" on the wire, so ids start at 1 */
	return slot + 1;
}

u64 hs_api_request_addr(struct vmbus_channel *ch, u64 tid)
{
	struct vmbus_requestor *r = &ch->requestor;
	unsigned long flags;
	u64 addr, slot;

	if (!ch->rqstor_size || !r->req_arr)
		return VMBUS_NO_RQSTOR;
	if (!tid)
		return VMBUS_RQST_ERROR;
	slot = tid - 1;
	spin_lock_irqsave(&r->req_lock, flags);
	if (slot >= r->size || !test_bit(slot, r->req_bitmap)) {
		spin_unlock_irqrestore(&r->req_lock, flags);
		return VMBUS_RQST_ERROR;
	}
	addr = r->req_arr[slot];
	r->req_arr[slot] = r->next_request_id;
	r->next_request_id = slot;
	__clear_bit(slot, r->req_bitmap);
	spin_unlock_irqrestore(&r->req_lock, flags);
	return addr;
}

/* ---------------------------------------------------------------- */
/* interrupts */

/* Host -> guest: runs in hard interrupt context like the VMBus ISR. */
static void hs_irq_fn(struct irq_work *w)
{
	struct hs_chan *hc = container_of(w, struct hs_chan, irq);
	struct vmbus_channel *ch = hc->ch;
	void (*cb)(void *ctx);

	spin_lock(&ch->sched_lock);
	cb = ch->onchannel_callback;
	if (cb) {
		hc->interrupts++;
		if (ch->callback_mode == HV_CALL_ISR)
			cb(ch->channel_callback_context);
		else
			tasklet_schedule(&ch->callback_event);
	}
	spin_unlock(&ch->sched_lock);
}

static void hs_tasklet_fn(unsigned long data)
{
	struct vmbus_channel *ch = (struct vmbus_channel *)data;
	void (*cb)(void *ctx) = READ_ONCE(ch->onchannel_callback);

	if (cb)
		cb(ch->channel_callback_context);
}

static void hs_signal_guest(struct hs_chan *hc)
{
	virt_mb();
	if (!READ_ONCE(hc->h2g->interrupt_mask))
		irq_work_queue(&hc->irq);
}

/* Guest -> host: the host processes on the channel's target CPU. */
static void hs_signal_host(struct hs_chan *hc)
{
	int cpu = READ_ONCE(hc->ch->target_cpu);

	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		cpu = WORK_CPU_UNBOUND;
	queue_work_on(cpu, hs_wq, &hc->g2h_work);
}

void hs_kick_g2h(struct hs_chan *hc)
{
	hs_signal_host(hc);
}

void hs_kick_rx(struct hs_chan *hc)
{
	int cpu = READ_ONCE(hc->ch->target_cpu);

	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		cpu = WORK_CPU_UNBOUND;
	queue_work_on(cpu, hs_wq, &hc->rx_work);
}

/* ---------------------------------------------------------------- */
/* host side of the rings */

static u32 hs_ring_free(u32 r, u32 w, u32 dsize)
{
	return w >= r ? dsize - (w - r) : r - w;
}

/*
 * Write one packet into the host -> guest ring: descriptor, @hdr (rest of
 * the packet header, a multiple of 8 bytes), @data, padding to 8 bytes and
 * the 8-byte trailer.  With @wait the call sleeps until the guest makes room
 * (process context only); otherwise a full ring returns -EAGAIN and asks the
 * guest, through pending_send_sz, to signal when it has read enough.
 */
int hs_chan_write(struct hs_chan *hc, u16 type, u16 flags, u64 tid,
		  const void *hdr, u32 hdrlen, const void *data, u32 datalen,
		  bool wait)
{
	struct vmpacket_descriptor desc;
	struct hv_ring_buffer *rb = hc->h2g;
	u32 len, total, r, w, dsize = hc->h2g_size;
	unsigned long deadline = jiffies + 10 * HZ;
	unsigned long irqf;
	u64 trailer;
	u8 *p;

	if (WARN_ON(hdrlen % 8))
		return -EINVAL;
	len = ALIGN(sizeof(desc) + hdrlen + datalen, 8);
	total = len + sizeof(u64);
	if (total >= dsize || len > 0xffff * 8)
		return -EMSGSIZE;
again:
	if (!hc->opened || hc->closing)
		return -ENODEV;
	spin_lock_irqsave(&hc->h2g_lock, irqf);
	r = READ_ONCE(rb->read_index);
	w = rb->write_index;
	if (r >= dsize || w >= dsize) {
		spin_unlock_irqrestore(&hc->h2g_lock, irqf);
		hs_violation(hc->dev, "chan %u: guest corrupted ring read index %u",
			     hc->index, r);
		return -EIO;
	}
	if (hs_ring_free(r, w, dsize) <= total) {
		WRITE_ONCE(rb->pending_send_sz, total);
		spin_unlock_irqrestore(&hc->h2g_lock, irqf);
		hc->ring_full++;
		/* make sure the guest sees the pending size, then recheck */
		virt_mb();
		if (hs_ring_free(READ_ONCE(rb->read_index), w, dsize) > total)
			goto again;
		if (!wait)
			return -EAGAIN;
		if (time_after(jiffies, deadline)) {
			hs_violation(hc->dev, "chan %u: guest stopped reading its ring",
				     hc->index);
			return -ETIMEDOUT;
		}
		usleep_range(200, 1000);
		goto again;
	}
	desc.type = type;
	desc.offset8 = (sizeof(desc) + hdrlen) >> 3;
	desc.len8 = len >> 3;
	desc.flags = flags;
	desc.trans_id = tid;
	p = rb->buffer + w;
	memcpy(p, &desc, sizeof(desc));
	if (hdrlen)
		memcpy(p + sizeof(desc), hdr, hdrlen);
	if (datalen)
		memcpy(p + sizeof(desc) + hdrlen, data, datalen);
	memset(p + sizeof(desc) + hdrlen + datalen, 0,
	       len - sizeof(desc) - hdrlen - datalen);
	trailer = (u64)w << 32;
	memcpy(p + len, &trailer, sizeof(trailer));
	virt_mb();
	WRITE_ONCE(rb->write_index, (w + total) % dsize);
	WRITE_ONCE(rb->pending_send_sz, 0);
	hc->h2g_pkts++;
	spin_unlock_irqrestore(&hc->h2g_lock, irqf);
	hs_signal_guest(hc);
	return 0;
}

static const char *hs_type_ok(u16 type)
{
	switch (type) {
	case VM_PKT_DATA_INBAND:
	case VM_PKT_DATA_USING_GPA_DIRECT:
	case VM_PKT_COMP:
		return NULL;
	default:
		return "packet type not used by a network client";
	}
}

/*
 * Fault injection (debugfs stall): the host does not drain the guest ->
 * host rings until the stall ends.  It keeps interrupt_mask set meanwhile,
 * like a host that is busy, so the guest does not signal it.
 */
static bool hs_stalled(struct hs_chan *hc)
{
	unsigned long until = READ_ONCE(hc->stall_until);

	if (!until || time_after_eq(jiffies, until))
		return false;
	hc->ctr.stall_defer++;
	return true;
}

void hs_stall_end(struct work_struct *w)
{
	struct hs_chan *hc = container_of(to_delayed_work(w), struct hs_chan,
					  stall_work);

	WRITE_ONCE(hc->stall_until, 0);
	hs_kick_g2h(hc);
}

void hs_stall(struct hs_dev *d, u32 ms)
{
	unsigned long until = jiffies + msecs_to_jiffies(ms);
	int i;

	if (!until)
		until = 1;
	d->stall_ms = ms;
	d->stalls++;
	hs_hist(d, "stall %u ms", ms);
	spin_lock_bh(&d->chan_lock);
	for (i = 0; i < HS_MAX_CHANNELS; i++) {
		struct hs_chan *hc = d->chan[i];

		if (!hc)
			continue;
		WRITE_ONCE(hc->stall_until, ms ? until : 0);
		mod_delayed_work(hs_wq, &hc->stall_work, msecs_to_jiffies(ms));
	}
	spin_unlock_bh(&d->chan_lock);
}

/* Drain the guest -> host ring. */
static void hs_g2h_work(struct work_struct *work)
{
	struct hs_chan *hc = container_of(work, struct hs_chan, g2h_work);
	struct hs_dev *d = hc->dev;
	struct hv_ring_buffer *rb = hc->g2h;
	u32 dsize = hc->g2h_size;
	int budget = 4096;

	if (!hc->opened || hc->closing)
		return;
	WRITE_ONCE(rb->interrupt_mask, 1);
	if (hs_stalled(hc))
		return;
	for (;;) {
		struct vmpacket_descriptor desc;
		u32 r, w, avail, len, off;
		u64 trailer;
		const char *why;

		r = rb->read_index;
		w = smp_load_acquire(&rb->write_index);
		if (w >= dsize || r >= dsize) {
			hs_violation(d, "chan %u: write index %u outside ring of %u",
				     hc->index, w, dsize);
			WRITE_ONCE(rb->read_index, w % dsize);
			break;
		}
		if (r == w) {
			WRITE_ONCE(rb->interrupt_mask, 0);
			virt_mb();
			if (READ_ONCE(rb->write_index) == r)
				break;
			WRITE_ONCE(rb->interrupt_mask, 1);
			continue;
		}
		if (!budget--) {
			/* let other work run; come back */
			hs_signal_host(hc);
			break;
		}
		avail = w > r ? w - r : dsize - r + w;
		if (avail > hc->g2h_used_max)
			hc->g2h_used_max = avail;
		why = NULL;
		if (avail < sizeof(desc) + sizeof(u64)) {
			why = "fragment shorter than a descriptor";
			goto bad_ring;
		}
		memcpy(&desc, rb->buffer + r, sizeof(desc));
		len = (u32)desc.len8 << 3;
		off = (u32)desc.offset8 << 3;
		if (len < sizeof(desc) || len + sizeof(u64) > avail)
			why = "packet length outside the written data";
		else if (off < sizeof(desc) || off > len)
			why = "data offset outside the packet";
		if (why)
			goto bad_ring;
		memcpy(hc->pkt, rb->buffer + r, len);
		memcpy(&trailer, rb->buffer + r + len, sizeof(trailer));
		/* the packet is ours now: give the space back */
		virt_mb();
		WRITE_ONCE(rb->read_index, (r + len + sizeof(u64)) % dsize);
		hc->g2h_pkts++;
		if ((u32)(trailer >> 32) != r)
			hs_violation(d, "chan %u: trailer %#llx does not name the packet start %u",
				     hc->index, trailer, r);
		why = hs_type_ok(desc.type);
		if (why) {
			hs_violation(d, "chan %u: type %u: %s", hc->index,
				     desc.type, why);
			continue;
		}
		if (desc.flags & ~VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED)
			hs_violation(d, "chan %u: unknown packet flags %#x",
				     hc->index, desc.flags);
		hs_nvsp_handle(hc, (struct vmpacket_descriptor *)hc->pkt, len);
		/* the guest may be waiting for room (pending_send_sz) */
		if (READ_ONCE(rb->pending_send_sz) &&
		    hs_ring_free(READ_ONCE(rb->read_index), READ_ONCE(rb->write_index),
				 dsize) > READ_ONCE(rb->pending_send_sz))
			irq_work_queue(&hc->irq);
		continue;
bad_ring:
		/* the ring cannot be parsed any further: drop what is there */
		hs_violation(d, "chan %u: at %u: %s", hc->index, r, why);
		WRITE_ONCE(rb->read_index, w);
	}
}

/* ---------------------------------------------------------------- */
/* guest API: open, close, send, receive */

static struct hs_chan *hs_chan_create(struct hs_dev *d, struct vmbus_channel *ch)
{
	struct hs_chan *hc = kzalloc(sizeof(*hc), GFP_KERNEL);

	if (!hc)
		return NULL;
	hc->dev = d;
	hc->ch = ch;
	hc->index = ch->offermsg.offer.sub_channel_index;
	spin_lock_init(&hc->h2g_lock);
	INIT_WORK(&hc->g2h_work, hs_g2h_work);
	INIT_WORK(&hc->rx_work, hs_rx_work);
	init_irq_work(&hc->irq, hs_irq_fn);
	skb_queue_head_init(&hc->rxq);
	INIT_LIST_HEAD(&hc->held);
	spin_lock_init(&hc->held_lock);
	INIT_DELAYED_WORK(&hc->held_work, hs_nvsp_held_work);
	INIT_DELAYED_WORK(&hc->stall_work, hs_stall_end);
	return hc;
}

int hs_api_open(struct vmbus_channel *ch, u32 send_size, u32 recv_size,
		void *udata, u32 udatalen, void (*cb)(void *), void *ctx)
{
	struct hs_vchan *vc = to_vchan(ch);
	struct hs_dev *d = vc->dev;
	u32 send_pages, recv_pages, order;
	struct hs_chan *hc;
	struct page *pg;
	void *gring[2];
	int err = -ENOMEM;

	if (send_size % PAGE_SIZE || recv_size % PAGE_SIZE ||
	    send_size < 2 * PAGE_SIZE || recv_size < 2 * PAGE_SIZE)
		return -EINVAL;
	if (udatalen > MAX_USER_DEFINED_BYTES)
		return -EINVAL;
	if (ch->state != CHANNEL_OPEN_STATE || ch->rescind)
		return -EINVAL;
	if (ch->offermsg.offer.sub_channel_index >= HS_MAX_CHANNELS)
		return -EINVAL;

	send_pages = send_size >> PAGE_SHIFT;
	recv_pages = recv_size >> PAGE_SHIFT;
	order = get_order(send_size + recv_size);
	pg = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
	if (!pg)
		return -ENOMEM;
	vc->ring_pages = pg;
	vc->ring_order = order;
	ch->ringbuffer_page = pg;
	ch->ringbuffer_pagecount = send_pages + recv_pages;
	ch->ringbuffer_send_offset = send_pages;

	if (hs_rqstor_alloc(ch))
		goto free_pages;
#ifdef HS_HAVE_MAX_PKT_SIZE
	if (!ch->max_pkt_size)
		ch->max_pkt_size = 4096;
#endif

	hc = hs_chan_create(d, ch);
	if (!hc)
		goto free_rq;
	hc->pkt = kvmalloc(max(send_size, recv_size), GFP_KERNEL);
	hc->gather = kvmalloc(128 * 1024, GFP_KERNEL);
	hc->rscbuf = kvmalloc(HS_RSC_BUF, GFP_KERNEL);
	/* guest mappings */
	gring[0] = hs_map_ring(pg, send_pages);
	gring[1] = hs_map_ring(pg + send_pages, recv_pages);
	/* host mappings: separate, from the same pages */
	hc->g2h = hs_map_ring(pg, send_pages);
	hc->h2g = hs_map_ring(pg + send_pages, recv_pages);
	if (!hc->pkt || !hc->gather || !hc->rscbuf || !gring[0] || !gring[1] || !hc->g2h ||
	    !hc->h2g) {
		if (gring[0])
			vunmap(gring[0]);
		if (gring[1])
			vunmap(gring[1]);
		goto free_hc;
	}
	hc->g2h_size = send_size - PAGE_SIZE;
	hc->h2g_size = recv_size - PAGE_SIZE;
	hs_bind_ring_init(&ch->outbound, gring[0], send_size, 0);
#ifdef HS_HAVE_MAX_PKT_SIZE
	hs_bind_ring_init(&ch->inbound, gring[1], recv_size, ch->max_pkt_size);
#else
	hs_bind_ring_init(&ch->inbound, gring[1], recv_size, 0);
#endif
	/* both sides support pending_send_sz */
	hc->g2h->feature_bits.value = 1;
	hc->h2g->feature_bits.value = 1;

	ch->onchannel_callback = cb;
	ch->channel_callback_context = ctx;
	hc->ring_gpadl = atomic_inc_return(&hs_next_gpadl);
	spin_lock_bh(&d->chan_lock);
	d->chan[hc->index] = hc;
	vc->hc = hc;
	hc->opened = true;
	spin_unlock_bh(&d->chan_lock);
	ch->state = CHANNEL_OPENED_STATE;
	hs_hist(d, "open chan %u ring %u+%u", hc->index, send_size, recv_size);
	return 0;

free_hc:
	if (hc->g2h)
		vunmap(hc->g2h);
	if (hc->h2g)
		vunmap(hc->h2g);
	kvfree(hc->pkt);
	kvfree(hc->gather);
	kvfree(hc->rscbuf);
	kfree(hc);
free_rq:
	hs_rqstor_free(ch);
free_pages:
	__free_pages(pg, order);
	ch->ringbuffer_page = NULL;
	return err;
}

static void hs_close_one(struct vmbus_channel *ch)
{
	struct hs_vchan *vc = to_vchan(ch);
	struct hs_chan *hc = vc->hc;
	struct hs_dev *d = vc->dev;
	unsigned long flags;

	tasklet_disable(&ch->callback_event);
	spin_lock_irqsave(&ch->sched_lock, flags);
	ch->onchannel_callback = NULL;
	spin_unlock_irqrestore(&ch->sched_lock, flags);
	ch->sc_creation_callback = NULL;
	tasklet_enable(&ch->callback_event);

	if (ch->state != CHANNEL_OPENED_STATE || !hc)
		return;
	ch->state = CHANNEL_OPEN_STATE;

	/* unpublish first: nobody queues host work for it after this */
	spin_lock_bh(&d->chan_lock);
	hc->closing = true;
	d->chan[hc->index] = NULL;
	spin_unlock_bh(&d->chan_lock);
	cancel_delayed_work_sync(&hc->stall_work);
	cancel_work_sync(&hc->g2h_work);
	cancel_work_sync(&hc->rx_work);
	cancel_delayed_work_sync(&hc->held_work);
	hs_nvsp_held_flush(hc, false);
	irq_work_sync(&hc->irq);
	hc->opened = false;
	skb_queue_purge(&hc->rxq);
	vc->hc = NULL;
	hs_hist(d, "close chan %u", hc->index);
	hs_ctr_add(&d->gone, &hc->ctr);
	d->g2h_used_max = max(d->g2h_used_max, hc->g2h_used_max);

	hs_bind_ring_free(&ch->outbound);
	hs_bind_ring_free(&ch->inbound);
	vunmap(hc->g2h);
	vunmap(hc->h2g);
	kvfree(hc->pkt);
	kvfree(hc->gather);
	kvfree(hc->rscbuf);
	kfree(hc);
	hs_rqstor_free(ch);
	__free_pages(vc->ring_pages, vc->ring_order);
	vc->ring_pages = NULL;
	ch->ringbuffer_page = NULL;
}

static void hs_free_vchan(struct vmbus_channel *ch)
{
	kfree(to_vchan(ch));
}

void hs_api_close(struct vmbus_channel *ch)
{
	struct hs_dev *d = hs_dev_of_channel(ch);
	struct vmbus_channel *sc, *tmp;

	if (ch->primary_channel)
		return;	/* sub-channels close with their primary */
	/* the host finishes what the guest sent before closing */
	if (hs_chan_of(ch))
		flush_work(&hs_chan_of(ch)->g2h_work);
	cancel_delayed_work_sync(&d->offer_work);
	list_for_each_entry_safe(sc, tmp, &ch->sc_list, sc_list) {
		hs_close_one(sc);
		/* the host rescinds sub-channels when the primary closes */
		sc->rescind = true;
		list_del(&sc->sc_list);
		hs_free_vchan(sc);
	}
	d->num_open_sub = 0;
	mutex_lock(&d->lock);
	hs_nvsp_reset(d);
	mutex_unlock(&d->lock);
	hs_close_one(ch);
}

/* Like VMBus' ring write: the trans id comes from the requestor. */
int hs_api_send(struct vmbus_channel *ch, const struct kvec *kv, u32 nkv,
		u64 requestid, u64 *trans_id)
{
	struct hv_ring_buffer_info *rbi = &ch->outbound;
	struct vmpacket_descriptor *desc = kv[0].iov_base;
	struct hs_chan *hc = hs_chan_of(ch);
	u32 total = sizeof(u64), w, start, i;
	u64 rid = VMBUS_NO_RQSTOR, tid, trailer;
	unsigned long flags;

	if (ch->rescind)
		return -ENODEV;
	if (!hc || ch->state != CHANNEL_OPENED_STATE)
		return -EINVAL;
	for (i = 0; i < nkv; i++)
		total += kv[i].iov_len;
	spin_lock_irqsave(&rbi->ring_lock, flags);
	if (hv_get_bytes_to_write(rbi) <= total) {
		hc->ctr.g2h_full++;
		ch->out_full_total++;
		if (!ch->out_full_flag) {
			ch->out_full_first++;
			ch->out_full_flag = true;
		}
		spin_unlock_irqrestore(&rbi->ring_lock, flags);
		return -EAGAIN;
	}
	ch->out_full_flag = false;
	start = rbi->ring_buffer->write_index;
	w = start;
	for (i = 0; i < nkv; i++) {
		memcpy(rbi->ring_buffer->buffer + w, kv[i].iov_base, kv[i].iov_len);
		w += kv[i].iov_len;
	}
#ifdef HS_HAVE_RQST_CALLBACKS
	if (desc->flags == VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED &&
	    ch->next_request_id_callback) {
		rid = ch->next_request_id_callback(ch, requestid);
#else
	if (desc->flags == VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED) {
		rid = hs_api_next_request_id(ch, requestid);
#endif
		if (rid == VMBUS_RQST_ERROR) {
			spin_unlock_irqrestore(&rbi->ring_lock, flags);
			return -EAGAIN;
		}
	}
	tid = rid == VMBUS_NO_RQSTOR ? requestid : rid;
	WRITE_ONCE(((struct vmpacket_descriptor *)(rbi->ring_buffer->buffer +
						  start))->trans_id, tid);
	if (trans_id)
		*trans_id = tid;
	trailer = (u64)start << 32;
	memcpy(rbi->ring_buffer->buffer + w, &trailer, sizeof(trailer));
	w += sizeof(trailer);
	virt_mb();
	WRITE_ONCE(rbi->ring_buffer->write_index, w % rbi->ring_datasize);
	spin_unlock_irqrestore(&rbi->ring_lock, flags);

	virt_mb();
	if (!READ_ONCE(rbi->ring_buffer->interrupt_mask)) {
		ch->sig_events++;
		hs_signal_host(hc);
	}
	if (ch->rescind) {
#ifdef HS_HAVE_RQST_CALLBACKS
		if (rid != VMBUS_NO_RQSTOR && ch->request_addr_callback)
			ch->request_addr_callback(ch, rid);
#else
		if (rid != VMBUS_NO_RQSTOR)
			hs_api_request_addr(ch, rid);
#endif
		return -ENODEV;
	}
	return 0;
}

int hs_api_sendpacket(struct vmbus_channel *ch, void *buf, u32 len,
		      u64 requestid, enum vmbus_packet_type type, u32 flags)
{
	struct vmpacket_descriptor desc;
	u32 plen = sizeof(desc) + len, alen = ALIGN(plen, 8);
	u64 pad = 0;
	struct kvec kv[3] = {
		{ .iov_base = &desc, .iov_len = sizeof(desc) },
		{ .iov_base = buf, .iov_len = len },
		{ .iov_base = &pad, .iov_len = alen - plen },
	};

	desc.type = type;
	desc.offset8 = sizeof(desc) >> 3;
	desc.len8 = alen >> 3;
	desc.flags = flags;
	desc.trans_id = VMBUS_RQST_ERROR;
	return hs_api_send(ch, kv, 3, requestid, NULL);
}

/* GPA-direct send: @desc holds the descriptor and the page ranges. */
int hs_api_send_gpa(struct vmbus_channel *ch, void *desc, u32 desc_size,
		    void *buf, u32 len, u64 requestid)
{
	struct vmbus_packet_mpb_array *m = desc;
	u32 plen = desc_size + len, alen = ALIGN(plen, 8);
	u64 pad = 0;
	struct kvec kv[3] = {
		{ .iov_base = desc, .iov_len = desc_size },
		{ .iov_base = buf, .iov_len = len },
		{ .iov_base = &pad, .iov_len = alen - plen },
	};

	m->type = VM_PKT_DATA_USING_GPA_DIRECT;
	m->flags = VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED;
	m->dataoffset8 = desc_size >> 3;
	m->length8 = alen >> 3;
	m->transactionid = VMBUS_RQST_ERROR;
	m->reserved = 0;
	return hs_api_send(ch, kv, 3, requestid, NULL);
}

static u32 hs_iter_avail(const struct hv_ring_buffer_info *rbi)
{
	u32 r = rbi->priv_read_index;
	u32 w = smp_load_acquire(&rbi->ring_buffer->write_index);

	return w >= r ? w - r : rbi->ring_datasize - r + w;
}

/*
 * The guest's reader: returns the next packet, copied out of the ring when
 * the kernel has a packet buffer (the copy is what the client validates).
 */
struct vmpacket_descriptor *hs_api_iter_first(struct vmbus_channel *ch)
{
	struct hv_ring_buffer_info *rbi = &ch->inbound;
	struct vmpacket_descriptor *desc;
	u32 avail;

	if (!rbi->ring_buffer)
		return NULL;
	avail = hs_iter_avail(rbi);
	if (avail < sizeof(*desc))
		return NULL;
	desc = (struct vmpacket_descriptor *)(rbi->ring_buffer->buffer +
					      rbi->priv_read_index);
#ifdef HS_HAVE_PKT_BUFFER
	{
		struct vmpacket_descriptor *copy = rbi->pkt_buffer;
		u32 len, off;

		avail = min(rbi->pkt_buffer_size, avail);
		len = (u32)READ_ONCE(desc->len8) << 3;
		off = (u32)READ_ONCE(desc->offset8) << 3;
		if (len < sizeof(*desc) || len > avail)
			len = avail;
		if (off < sizeof(*desc) || off > len)
			off = sizeof(*desc);
		memcpy(copy, desc, len);
		copy->len8 = len >> 3;
		copy->offset8 = off >> 3;
		return copy;
	}
#else
	return desc;
#endif
}

struct vmpacket_descriptor *hs_api_iter_next(struct vmbus_channel *ch,
					     const struct vmpacket_descriptor *d)
{
	struct hv_ring_buffer_info *rbi = &ch->inbound;

	rbi->priv_read_index += ((u32)d->len8 << 3) + sizeof(u64);
	if (rbi->priv_read_index >= rbi->ring_datasize)
		rbi->priv_read_index -= rbi->ring_datasize;
	return hs_api_iter_first(ch);
}

void hs_api_iter_close(struct vmbus_channel *ch)
{
	struct hv_ring_buffer_info *rbi = &ch->inbound;
	struct hv_ring_buffer *rb = rbi->ring_buffer;
	u32 pending, start, nread, before;

	virt_rmb();
	start = rb->read_index;
	WRITE_ONCE(rb->read_index, rbi->priv_read_index);
	if (!rb->feature_bits.feat_pending_send_sz)
		return;
	virt_mb();
	pending = READ_ONCE(rb->pending_send_sz);
	if (!pending)
		return;
	/* signal only on the transition to "enough room" */
	nread = rbi->priv_read_index >= start ? rbi->priv_read_index - start :
		rbi->ring_datasize - start + rbi->priv_read_index;
	before = hv_get_bytes_to_write(rbi) - nread;
	if (before > pending || hv_get_bytes_to_write(rbi) <= pending)
		return;
	ch->intr_in_full++;
	if (hs_chan_of(ch))
		hs_kick_rx(hs_chan_of(ch));
}

int hs_api_recvpacket(struct vmbus_channel *ch, void *buf, u32 len,
		      u32 *actual, u64 *rid, bool raw)
{
	struct vmpacket_descriptor *desc;
	u32 off, plen;

	*actual = 0;
	*rid = 0;
	if (!len)
		return -EINVAL;
	desc = hs_api_iter_first(ch);
	if (!desc)
		return 0;
	off = raw ? 0 : (u32)desc->offset8 << 3;
	plen = ((u32)desc->len8 << 3) - off;
	*actual = plen;
	*rid = desc->trans_id;
	if (plen > len)
		return -ENOBUFS;
	memcpy(buf, (u8 *)desc + off, plen);
	hs_api_iter_next(ch, desc);
	hs_api_iter_close(ch);
	return 0;
}

void hs_api_set_sc_create_callback(struct vmbus_channel *ch,
				   void (*cb)(struct vmbus_channel *))
{
	ch->sc_creation_callback = cb;
}

void hs_api_set_chn_rescind_callback(struct vmbus_channel *ch,
				     void (*cb)(struct vmbus_channel *))
{
	ch->chn_rescind_callback = cb;
}

/* ---------------------------------------------------------------- */
/* channels, offers, the bus */

static struct vmbus_channel *hs_new_channel(struct hs_dev *d, u16 index,
					    struct vmbus_channel *primary)
{
	struct hs_vchan *vc = kzalloc(sizeof(*vc), GFP_KERNEL);
	struct vmbus_channel *ch;

	if (!vc)
		return NULL;
	vc->dev = d;
	ch = &vc->ch;
	INIT_LIST_HEAD(&ch->listentry);
	INIT_LIST_HEAD(&ch->sc_list);
	spin_lock_init(&ch->sched_lock);
	init_completion(&ch->rescind_event);
	tasklet_init(&ch->callback_event, hs_tasklet_fn, (unsigned long)ch);
	ch->callback_mode = HV_CALL_BATCHED;
	ch->state = CHANNEL_OPEN_STATE;
	ch->primary_channel = primary;
	ch->offermsg.offer.if_type = hs_nic_class;
	ch->offermsg.offer.if_instance = d->instance;
	ch->offermsg.offer.sub_channel_index = index;
	/* server supports transfer pages (2) and GPADLs (4) */
	ch->offermsg.offer.chn_flags = 0x2 | 0x4;
	ch->offermsg.child_relid = atomic_inc_return(&hs_next_relid);
	ch->target_cpu = cpumask_local_spread(index, NUMA_NO_NODE);
	hs_bind_channel_init(ch);
	return ch;
}

static void hs_offer_work(struct work_struct *w)
{
	struct hs_dev *d = container_of(to_delayed_work(w), struct hs_dev,
					offer_work);
	struct vmbus_channel *primary, *sc;
	void (*cb)(struct vmbus_channel *sc);

	if (!d->hv)
		return;
	primary = d->hv->channel;
	list_for_each_entry(sc, &primary->sc_list, sc_list) {
		if (to_vchan(sc)->offered)
			continue;
		to_vchan(sc)->offered = true;
		cb = READ_ONCE(primary->sc_creation_callback);
		hs_hist(d, "offer sub %u", sc->offermsg.offer.sub_channel_index);
		if (cb)
			cb(sc);
	}
}

/* Called by NVSP on a SUBCHANNEL request: offers @n new sub-channels. */
int hs_offer_subchannels(struct hs_dev *d, u32 n)
{
	struct vmbus_channel *primary = d->hv->channel, *sc;
	u32 i, base = d->num_open_sub;

	for (i = 0; i < n; i++) {
		sc = hs_new_channel(d, base + i + 1, primary);
		if (!sc)
			break;
		sc->device_obj = d->hv;
		list_add_tail(&sc->sc_list, &primary->sc_list);
	}
	d->num_open_sub += i;
	/* offers arrive after the completion, as from a real host */
	queue_delayed_work(hs_wq, &d->offer_work, msecs_to_jiffies(2));
	return i;
}

static void hs_hvdev_release(struct device *dev)
{
	struct hv_device *hv = container_of(dev, struct hv_device, device);
	struct hs_hvdev *hd = container_of(hv, struct hs_hvdev, hv);

	hs_free_vchan(hv->channel);
	kfree(hd);
}

int hs_dev_offer(struct hs_dev *d)
{
	struct hs_hvdev *hd;
	struct hv_device *hv;
	int err;

	hd = kzalloc(sizeof(*hd), GFP_KERNEL);
	if (!hd)
		return -ENOMEM;
	hd->dev = d;
	hv = &hd->hv;
	hv->channel = hs_new_channel(d, 0, NULL);
	if (!hv->channel) {
		kfree(hd);
		return -ENOMEM;
	}
	hv->channel->device_obj = hv;
	hv->dev_type = hs_nic_class;
	hv->dev_instance = d->instance;
	hv->vendor_id = 0x1414;
	hv->device_id = HV_NIC;
	dev_set_name(&hv->device, "%pUl", &d->instance);
	hv->device.bus = &hs_bus;
	hv->device.parent = hs_root;
	hv->device.release = hs_hvdev_release;
#ifdef HS_HAVE_DMA_PARMS
	hv->device.dma_parms = &hv->dma_parms;
	hv->device.dma_mask = &hv->dma_mask;
	dma_set_mask(&hv->device, DMA_BIT_MASK(64));
#endif
	d->rescinded = false;
	d->hv = hv;
	hs_hist(d, "offer primary");
	err = device_register(&hv->device);
	if (err) {
		d->hv = NULL;
		put_device(&hv->device);
	}
	return err;
}

/* Hot remove: the host rescinds the offer; the driver's remove runs. */
void hs_dev_rescind(struct hs_dev *d)
{
	struct hv_device *hv = d->hv;
	struct vmbus_channel *sc;

	if (!hv)
		return;
	hs_hist(d, "rescind");
	d->rescinded = true;
	hv->channel->rescind = true;
	list_for_each_entry(sc, &hv->channel->sc_list, sc_list)
		sc->rescind = true;
	if (hv->channel->chn_rescind_callback)
		hv->channel->chn_rescind_callback(hv->channel);
	device_unregister(&hv->device);
	d->hv = NULL;
}

/* bus helpers used by the binding's bus_type */
const struct hv_vmbus_device_id *hs_match_id(struct hv_driver *drv,
					     struct hv_device *hv)
{
	const struct hv_vmbus_device_id *id = drv->id_table;

	if (!id)
		return NULL;
	for (; !guid_is_null(&id->guid); id++)
		if (guid_equal(&id->guid, &hv->dev_type))
			return id;
	return NULL;
}

int hs_bus_probe(struct device *dev)
{
	struct hv_driver *drv = drv_to_hv_drv(dev->driver);
	struct hv_device *hv = device_to_hv_device(dev);

	if (!drv->probe)
		return -ENODEV;
	return drv->probe(hv, hs_match_id(drv, hv));
}

void hs_bus_remove(struct device *dev)
{
	struct hv_device *hv = device_to_hv_device(dev);

	if (dev->driver)
		hs_bind_call_remove(drv_to_hv_drv(dev->driver), hv);
}

/*
 * Hibernation, in the noirq phase as VMBus runs it: the driver's suspend
 * must close every channel and tear down every GPADL; when the VM comes
 * back the host knows nothing of it (synthetic data path, the VF to be
 * associated again in the next session) and the driver's resume opens
 * the device anew.
 */
int hs_bus_suspend(struct device *dev)
{
	struct hv_device *hv = device_to_hv_device(dev);
	struct hs_hvdev *hd = container_of(hv, struct hs_hvdev, hv);
	struct hs_dev *d = hd->dev;
	struct hv_driver *drv;
	struct vmbus_channel *sc;
	unsigned int open = 0, gpadls = 0;
	struct hs_gpadl *g;
	int err;

	if (!dev->driver)
		return 0;
	drv = drv_to_hv_drv(dev->driver);
	if (!drv->suspend) {
		hs_hist(d, "hibernation: the driver cannot suspend");
		return -EOPNOTSUPP;
	}
	d->pm_suspends++;
	hs_hist(d, "hibernation: suspend");
	err = drv->suspend(hv);
	if (err) {
		hs_hist(d, "hibernation: suspend failed %d", err);
		return err;
	}
	open += hv->channel->state == CHANNEL_OPENED_STATE;
	list_for_each_entry(sc, &hv->channel->sc_list, sc_list)
		open += sc->state == CHANNEL_OPENED_STATE;
	spin_lock(&d->gpadl_lock);
	list_for_each_entry(g, &d->gpadls, node)
		gpadls++;
	spin_unlock(&d->gpadl_lock);
	if (open || gpadls)
		hs_violation(d, "hibernation: suspend left %u channel(s) open, %u GPADL(s)",
			     open, gpadls);
	mutex_lock(&d->lock);
	hs_nvsp_forget_vm(d);
	mutex_unlock(&d->lock);
	return 0;
}

int hs_bus_resume(struct device *dev)
{
	struct hv_device *hv = device_to_hv_device(dev);
	struct hs_hvdev *hd = container_of(hv, struct hs_hvdev, hv);
	struct hv_driver *drv;
	int err;

	if (!dev->driver)
		return 0;
	drv = drv_to_hv_drv(dev->driver);
	if (!drv->resume)
		return -EOPNOTSUPP;
	hs_hist(hd->dev, "hibernation: resume");
	err = drv->resume(hv);
	if (err)
		hs_hist(hd->dev, "hibernation: resume failed %d", err);
	else
		hd->dev->pm_resumes++;
	return err;
}

int hs_api_driver_register(struct hv_driver *drv, struct module *owner,
			   const char *mod_name)
{
	pr_info("hvn_hostsim: registering driver %s\n", drv->name);
	drv->driver.name = drv->name;
	drv->driver.owner = owner;
	drv->driver.mod_name = mod_name;
	drv->driver.bus = &hs_bus;
	spin_lock_init(&drv->dynids.lock);
	INIT_LIST_HEAD(&drv->dynids.list);
	return driver_register(&drv->driver);
}

void hs_api_driver_unregister(struct hv_driver *drv)
{
	driver_unregister(&drv->driver);
}

int hs_vmbus_init(void)
{
	int err;

	hs_wq = alloc_workqueue("hvn_hostsim", WQ_HIGHPRI | WQ_MEM_RECLAIM |
				HS_WQ_PERCPU, 0);
	if (!hs_wq)
		return -ENOMEM;
	hs_root = root_device_register("hvn_hostsim");
	if (IS_ERR(hs_root)) {
		err = PTR_ERR(hs_root);
		goto wq;
	}
	err = bus_register(&hs_bus);
	if (err)
		goto root;
	return 0;
root:
	root_device_unregister(hs_root);
wq:
	destroy_workqueue(hs_wq);
	return err;
}

void hs_vmbus_exit(void)
{
	bus_unregister(&hs_bus);
	root_device_unregister(hs_root);
	destroy_workqueue(hs_wq);
}

void hs_dev_init_common(struct hs_dev *d)
{
	mutex_init(&d->lock);
	spin_lock_init(&d->gpadl_lock);
	spin_lock_init(&d->sect_lock);
	spin_lock_init(&d->hist_lock);
	spin_lock_init(&d->chan_lock);
	INIT_LIST_HEAD(&d->gpadls);
	INIT_DELAYED_WORK(&d->offer_work, hs_offer_work);
	INIT_DELAYED_WORK(&d->vf_reoffer, hs_vf_reoffer_work);
	atomic64_set(&d->violations, 0);
}
