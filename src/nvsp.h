/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NVSP layer: version negotiation, receive and send buffers, sub-channels,
 * the transfer-page receive path and the send path (send-buffer sections
 * or page ranges).  Sits on the channel layer; the layer above (RNDIS)
 * registers struct hvn_nvsp_ops.
 */
#ifndef HVN_NVSP_LAYER_H
#define HVN_NVSP_LAYER_H

#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/skbuff.h>
#include "channel.h"
#include "proto/hvn_nvsp.h"
#include "proto/hvn_sections.h"
#include "proto/hvn_indir.h"

/* Receive section size the guest plans with (the host chooses its own) */
#define HVN_RECV_SECTION_HINT	1728
#define HVN_SEND_SECTION_HINT	6144
#define HVN_DEFAULT_RX_SECTIONS	9709	/* 16 MiB */
#define HVN_DEFAULT_TX_SECTIONS	170	/* 1 MiB */
#define HVN_MIN_SECTIONS	10
#define HVN_DEFAULT_RING_PAGES	128
#define HVN_MIN_RING_PAGES	64

struct hvn_nvsp_dev;

/**
 * struct hvn_nvsp_ops - what the NVSP layer reports upwards
 * @event: a channel interrupt (interrupt context)
 * @chan_up: queue @q is about to be opened (process context)
 * @chan_down: queue @q was closed (process context)
 * @rx: one RNDIS message from a receive range, or @msg NULL when the rest
 *	of the transfer-page packet was dropped; returns frames delivered
 * @tx_done: the host completed a page-buffer send of @skb
 * @vf_assoc: the host offered (@allocated) or withdrew its VF, whose PCI
 *	slot is @serial (NAPI context; host values, not checked)
 * @vf_dp_synthetic: the host moved the data path back to synthetic on its
 *	own (NAPI context)
 */
struct hvn_nvsp_ops {
	void (*event)(void *up, u16 q);
	int (*chan_up)(void *up, u16 q);
	void (*chan_down)(void *up, u16 q);
	int (*rx)(void *up, u16 q, const u8 *msg, u32 len, bool last);
	void (*tx_done)(void *up, u16 q, struct sk_buff *skb);
	void (*vf_assoc)(void *up, bool allocated, u32 serial);
	void (*vf_dp_synthetic)(void *up);
};

/**
 * struct hvn_nvsp_cfg - sizes the device is built with
 * @mtu: interface MTU (sent in NDIS config)
 * @ring_pages: pages per ring direction
 * @rx_sections: receive sections wanted
 * @tx_sections: send sections wanted
 */
struct hvn_nvsp_cfg {
	u32 mtu;
	u32 ring_pages;
	u32 rx_sections;
	u32 tx_sections;
};

/**
 * struct hvn_nvsp_chan - per-channel NVSP state
 * @c: channel
 * @d: device
 * @q: queue index
 * @batch_idx: section of the send batch being filled, or HVN_SECTION_NONE
 * @batch_len: bytes used in it
 * @batch_cnt: RNDIS packets in it
 * @batch_last: offset of the last of them in the section
 * @comp: receive completions not sent yet (ring was full), transaction ids
 * @comp_head: next to send
 * @comp_cnt: number queued
 * @comp_size: capacity of @comp
 * @tx_busy: sends that found the ring full
 * @tx_send_full: sends without a free section (went by page buffer)
 * @tx_copied: packets copied into a send section
 * @tx_pagebuf: page-buffer sends
 * @tx_linearized: frames with too many fragments for page ranges
 * @rx_comp_busy: receive completions delayed by a full ring
 */
struct hvn_nvsp_chan {
	struct hvn_chan c;
	struct hvn_nvsp_dev *d;
	u16 q;
	u32 batch_idx;
	u32 batch_len;
	u32 batch_cnt;
	u32 batch_last;
	u64 *comp;
	u32 comp_head;
	u32 comp_cnt;
	u32 comp_size;
	u64 tx_busy;
	u64 tx_send_full;
	u64 tx_copied;
	u64 tx_pagebuf;
	u64 tx_linearized;
	u64 rx_comp_busy;
};

/**
 * struct hvn_nvsp_dev - the NVSP side of one NIC
 * @hdev: VMBus device
 * @dev: device for logs
 * @ops: upper layer callbacks
 * @up: their first argument
 * @ver: negotiated NVSP version
 * @isolated: confidential VM
 * @ring_bytes: ring size per direction
 * @rbuf: receive buffer
 * @rbuf_size: its size
 * @rgpadl: its GPADL
 * @rinfo: receive sections the host accepted
 * @sbuf: send buffer
 * @sbuf_size: its size
 * @sgpadl: its GPADL
 * @sinfo: send sections
 * @sect: send section allocator
 * @sect_map: its bitmap
 * @send_table: host's send indirection table
 * @ch: channels by queue index
 * @num_chn: channels open
 * @sc_want: sub-channels the host allocated and the driver waits for
 * @sc_open: sub-channels opened so far
 * @sc_wait: woken when a sub-channel opened
 * @ctl_lock: serialises control requests (one outstanding)
 * @ctl_viol: violations in control responses
 * @ctl_done: completed when the control response arrived
 * @ctl_resp: copy of the response
 * @ctl_len: its length
 * @max_pkt: RNDIS packets per send section (host limit)
 * @pkt_align: alignment of batched RNDIS packets
 * @vf_allocated: host announced a VF
 * @vf_serial: its serial
 * @rbuf_posted: the host has the receive buffer
 * @sbuf_posted: the host has the send buffer
 */
struct hvn_nvsp_dev {
	struct hv_device *hdev;
	struct device *dev;
	const struct hvn_nvsp_ops *ops;
	void *up;
	u32 ver;
	bool isolated;
	u32 ring_bytes;

	void *rbuf;
	u32 rbuf_size;
	struct vmbus_gpadl rgpadl;
	struct hvn_nvsp_buf_info rinfo;
	void *sbuf;
	u32 sbuf_size;
	struct vmbus_gpadl sgpadl;
	struct hvn_nvsp_buf_info sinfo;
	struct hvn_sections sect;
	unsigned long *sect_map;

	u32 send_table[HVN_NVSP_SEND_TABLE_SIZE];
	struct hvn_nvsp_chan *ch[HVN_MAX_CHANNELS];
	u32 num_chn;
	u32 sc_want;
	atomic_t sc_open;
	wait_queue_head_t sc_wait;

	struct mutex ctl_lock;	/* one control request at a time */
	struct hvn_violations ctl_viol;
	struct completion ctl_done;
	u8 ctl_resp[HVN_NVSP_MSG_SIZE];
	u32 ctl_len;

	u32 max_pkt;
	u32 pkt_align;
	bool vf_allocated;
	u32 vf_serial;
	bool rbuf_posted;
	bool sbuf_posted;
};

int hvn_nvsp_open(struct hvn_nvsp_dev *d, struct hv_device *hdev,
		  const struct hvn_nvsp_cfg *cfg,
		  const struct hvn_nvsp_ops *ops, void *up);
void hvn_nvsp_close(struct hvn_nvsp_dev *d);
u32 hvn_nvsp_subchannels(struct hvn_nvsp_dev *d, u32 want);
int hvn_nvsp_poll(struct hvn_nvsp_dev *d, u16 q, int budget);
bool hvn_nvsp_begin_read(struct hvn_nvsp_dev *d, u16 q);
bool hvn_nvsp_end_read(struct hvn_nvsp_dev *d, u16 q);

int hvn_nvsp_send_control(struct hvn_nvsp_dev *d, const void *msg, u32 len);
int hvn_nvsp_switch_data_path(struct hvn_nvsp_dev *d, bool vf);
int hvn_nvsp_xmit(struct hvn_nvsp_dev *d, u16 q, const u8 *hdr, u32 hdr_len,
		  struct sk_buff *skb, bool copy, bool more);
int hvn_nvsp_flush(struct hvn_nvsp_dev *d, u16 q);
int hvn_nvsp_xmit_copy(struct hvn_nvsp_dev *d, u16 q, const u8 *hdr,
		       u32 hdr_len, const void *data, u32 len, bool more);
u32 hvn_nvsp_drop_batch(struct hvn_nvsp_dev *d, u16 q);
u32 hvn_nvsp_tx_avail_pct(struct hvn_nvsp_dev *d, u16 q);
u32 hvn_nvsp_tx_pending(struct hvn_nvsp_dev *d, u16 q);
void hvn_nvsp_drain(struct hvn_nvsp_dev *d);
void hvn_nvsp_get_send_table(struct hvn_nvsp_dev *d, u32 *out);
u32 hvn_nvsp_send_queue(struct hvn_nvsp_dev *d, u32 hash, u32 nq);
void hvn_nvsp_sum_viol(struct hvn_nvsp_dev *d, struct hvn_violations *sum);

#endif /* HVN_NVSP_LAYER_H */
