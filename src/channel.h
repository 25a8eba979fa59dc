/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMBus channel layer: one ring pair, the packets read from it and the
 * request ids of the packets sent on it.  Knows nothing of NVSP beyond the
 * framing checks of src/proto.
 */
#ifndef HVN_CHANNEL_H
#define HVN_CHANNEL_H

#include <linux/hyperv.h>
#include <linux/spinlock.h>
#include "proto/hvn_nvsp.h"
#include "proto/hvn_reqid.h"
#include "proto/hvn_viol.h"

/* Most page ranges one GPA-direct packet carries */
#define HVN_CHAN_MAX_RANGES	HVN_VMPKT_MAX_PAGE_RANGES

/**
 * struct hvn_chan - one VMBus channel (primary or sub-channel)
 * @vmch: the VMBus channel
 * @dev: device for log messages
 * @index: queue index (0 = primary)
 * @req_lock: protects @reqs
 * @reqs: ids of sent packets the host will complete
 * @slots: storage of @reqs
 * @viol: violations seen while reading this channel (poll context)
 * @event: called from the channel interrupt
 * @event_ctx: its argument
 * @ring_full: sends refused because the ring or the id table was full
 * @opened: vmbus_open() succeeded
 */
struct hvn_chan {
	struct vmbus_channel *vmch;
	struct device *dev;
	u16 index;
	spinlock_t req_lock;	/* protects reqs */
	struct hvn_reqid_table reqs;
	struct hvn_reqid_slot *slots;
	struct hvn_violations viol;
	void (*event)(void *ctx);
	void *event_ctx;
	u64 ring_full;
	bool opened;
};

/*
 * A packet handler: returns the work done (frames delivered) for the NAPI
 * budget.
 */
typedef int (*hvn_chan_pkt_fn)(void *ctx, struct hvn_chan *c,
			       const struct hvn_vmpkt *pkt);

int hvn_chan_init(struct hvn_chan *c, struct device *dev,
		  struct vmbus_channel *vmch, u16 index, u32 ring_bytes);
void hvn_chan_destroy(struct hvn_chan *c);
int hvn_chan_open(struct hvn_chan *c, u32 ring_bytes, u32 max_pkt,
		  void (*event)(void *ctx), void *ctx);

int hvn_chan_send(struct hvn_chan *c, const void *msg, u32 len, u64 ctx,
		  bool completion);
int hvn_chan_send_pages(struct hvn_chan *c,
			const struct hvn_vmpkt_page_range *r, u32 n,
			const void *msg, u32 len, u64 ctx);
int hvn_chan_send_comp(struct hvn_chan *c, const void *msg, u32 len,
		       u64 tid);
int hvn_chan_complete(struct hvn_chan *c, u64 tid, u64 *ctx);
u32 hvn_chan_pending(struct hvn_chan *c);
void hvn_chan_drain(struct hvn_chan *c, void (*fn)(void *arg, u64 ctx),
		    void *arg);

int hvn_chan_poll(struct hvn_chan *c, int budget, hvn_chan_pkt_fn fn,
		  void *ctx);
bool hvn_chan_begin_read(struct hvn_chan *c);
bool hvn_chan_end_read(struct hvn_chan *c);
u32 hvn_chan_tx_avail_pct(struct hvn_chan *c);

void hvn_viol_log(struct device *dev, const struct hvn_violations *v);

#endif /* HVN_CHANNEL_H */
