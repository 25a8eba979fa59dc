/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RNDIS layer: the RNDIS device on top of NVSP.  Control requests (init,
 * query, set, halt), host indications, receive-side coalescing assembly
 * and the RNDIS header of transmitted frames.  The net_device layer
 * registers struct hvn_rndis_ops.
 */
#ifndef HVN_RNDIS_LAYER_H
#define HVN_RNDIS_LAYER_H

#include <linux/spinlock.h>
#include <linux/mutex.h>
#include "nvsp.h"
#include "proto/hvn_rndis.h"
#include "proto/hvn_rsc.h"
#include "proto/hvn_reqid.h"

#define HVN_RNDIS_REQS		16

struct hvn_rndis_dev;
#define HVN_FRIENDLY_NAME_LEN	64

/* Largest RNDIS header the driver puts in front of a frame */
#define HVN_RNDIS_TX_HDR_MAX \
	(sizeof(struct hvn_rndis_hdr) + sizeof(struct hvn_rndis_packet) + \
	 3 * HVN_PPI_U32_SIZE)

/**
 * struct hvn_rndis_ops - what the RNDIS layer reports upwards
 * @event: channel interrupt on queue @q (interrupt context)
 * @chan_up: queue @q of @r is about to be opened
 * @chan_down: queue @q was closed
 * @rx_frame: a complete received frame in @rsc (NAPI context)
 * @tx_done: a page-buffer send of @skb completed
 * @status: a host status indication (RNDIS_STATUS_*)
 * @vf_assoc: the host's VF association message (NAPI context)
 * @vf_dp_synthetic: the host switched the data path to synthetic (NAPI
 *	context)
 */
struct hvn_rndis_ops {
	void (*event)(void *up, u16 q);
	int (*chan_up)(void *up, struct hvn_rndis_dev *r, u16 q);
	void (*chan_down)(void *up, u16 q);
	void (*rx_frame)(void *up, u16 q, const struct hvn_rsc *rsc);
	void (*tx_done)(void *up, u16 q, struct sk_buff *skb);
	void (*status)(void *up, u32 status);
	void (*vf_assoc)(void *up, bool allocated, u32 serial);
	void (*vf_dp_synthetic)(void *up);
};

/**
 * struct hvn_rndis_cfg - settings the device is built with
 * @nvsp: NVSP sizes
 * @channels: channels wanted (0: default)
 * @lro: enable receive-side coalescing if the host offers it
 * @rss_key: Toeplitz key
 * @itab: receive indirection table (channel numbers), or NULL for the
 *	default spread
 * @itab_len: its entries
 */
struct hvn_rndis_cfg {
	struct hvn_nvsp_cfg nvsp;
	u32 channels;
	bool lro;
	const u8 *rss_key;
	const u32 *itab;
	u32 itab_len;
};

/**
 * struct hvn_rndis_q - per-queue receive state
 * @rsc: fragment assembly
 * @viol: violations seen in this queue's RNDIS messages
 */
struct hvn_rndis_q {
	struct hvn_rsc rsc;
	struct hvn_violations viol;
};

/**
 * struct hvn_rndis_dev - one RNDIS device
 * @nvsp: NVSP device underneath
 * @dev: device for logs
 * @ops: upper layer callbacks
 * @up: their first argument
 * @req_lock: protects @reqs
 * @reqs: outstanding control requests
 * @slots: storage of @reqs
 * @ctl_lock: serialises control requests
 * @ctl_viol: violations in control responses
 * @q: per-queue receive state
 * @perm_mac: permanent address
 * @max_frame: OID_GEN_MAXIMUM_FRAME_SIZE
 * @link_up: media connected (last known)
 * @link_mbps: link speed
 * @plan: offloads decided from the host capabilities
 * @rss: RSS capabilities (valid if @has_rss)
 * @has_rss: the host does RSS with more than one queue
 * @num_chn: channels open
 * @itab_len: receive indirection table entries in use
 * @itab: the table as sent to the host
 * @friendly: host's name for the adapter
 * @halted: HALT sent
 */
struct hvn_rndis_dev {
	struct hvn_nvsp_dev nvsp;
	struct device *dev;
	const struct hvn_rndis_ops *ops;
	void *up;
	spinlock_t req_lock;	/* protects reqs */
	struct hvn_reqid_table reqs;
	struct hvn_reqid_slot slots[HVN_RNDIS_REQS];
	struct mutex ctl_lock;	/* serialises control requests */
	struct hvn_violations ctl_viol;
	struct hvn_rndis_q *q[HVN_MAX_CHANNELS];

	u8 perm_mac[ETH_ALEN];
	u32 max_frame;
	bool link_up;
	u32 link_mbps;
	struct hvn_offload_plan plan;
	struct hvn_rss_caps rss;
	bool has_rss;
	u32 num_chn;
	u32 itab_len;
	u32 itab[HVN_RSS_ITAB_MAX];
	char friendly[HVN_FRIENDLY_NAME_LEN];
	bool halted;
};

extern const u8 hvn_rndis_default_key[HVN_RSS_KEY_SIZE];

struct hvn_rndis_dev *hvn_rndis_open(struct hv_device *hdev,
				     const struct hvn_rndis_cfg *cfg,
				     const struct hvn_rndis_ops *ops, void *up);
void hvn_rndis_close(struct hvn_rndis_dev *r);

int hvn_rndis_set_filter(struct hvn_rndis_dev *r, u32 filter);
int hvn_rndis_set_mac(struct hvn_rndis_dev *r, const u8 *mac);
int hvn_rndis_set_rss(struct hvn_rndis_dev *r, const u8 *key,
		      const u32 *itab, u32 n);
int hvn_rndis_set_offload(struct hvn_rndis_dev *r, bool lro);

int hvn_rndis_xmit(struct hvn_rndis_dev *r, u16 q, struct sk_buff *skb,
		   const struct hvn_rndis_tx_info *ti, bool copy, bool more);
int hvn_rndis_xmit_data(struct hvn_rndis_dev *r, u16 q, const void *data,
			u32 len, bool more);
int hvn_rndis_poll(struct hvn_rndis_dev *r, u16 q, int budget);
void hvn_rndis_sum_viol(struct hvn_rndis_dev *r, struct hvn_violations *sum);

/* The parts of the layer below that the net_device layer drives */
static inline bool hvn_rndis_begin_read(struct hvn_rndis_dev *r, u16 q)
{
	return hvn_nvsp_begin_read(&r->nvsp, q);
}

static inline bool hvn_rndis_end_read(struct hvn_rndis_dev *r, u16 q)
{
	return hvn_nvsp_end_read(&r->nvsp, q);
}

static inline bool hvn_rndis_batch_pending(struct hvn_rndis_dev *r, u16 q)
{
	return READ_ONCE(r->nvsp.ch[q]->batch_idx) != HVN_SECTION_NONE;
}

static inline int hvn_rndis_flush(struct hvn_rndis_dev *r, u16 q)
{
	return hvn_nvsp_flush(&r->nvsp, q);
}

static inline u32 hvn_rndis_drop_batch(struct hvn_rndis_dev *r, u16 q)
{
	return hvn_nvsp_drop_batch(&r->nvsp, q);
}

static inline u32 hvn_rndis_tx_avail_pct(struct hvn_rndis_dev *r, u16 q)
{
	return hvn_nvsp_tx_avail_pct(&r->nvsp, q);
}

static inline u32 hvn_rndis_tx_pending(struct hvn_rndis_dev *r, u16 q)
{
	return hvn_nvsp_tx_pending(&r->nvsp, q);
}

static inline u32 hvn_rndis_send_queue(struct hvn_rndis_dev *r, u32 hash,
				       u32 nq)
{
	return hvn_nvsp_send_queue(&r->nvsp, hash, nq);
}

#endif /* HVN_RNDIS_LAYER_H */
