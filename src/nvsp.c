// SPDX-License-Identifier: GPL-2.0
/*
 * NVSP layer: bring the device up on the primary channel (version, NDIS
 * config and version, receive and send buffers), open sub-channels, read
 * the channels (completions, transfer-page packets, host messages) and
 * send RNDIS messages through send-buffer sections or page ranges.
 *
 * Every host message goes through the checks in src/proto/nvsp.c; what
 * fails them is counted, logged (rate limited) and dropped, and a receive
 * packet that fails them is still completed, with a failure status.
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/delay.h>
#include "compat.h"
#include "nvsp.h"
#include "proto/hvn_rndis.h"

/* Request contexts: low bits say what completes, the rest is the value */
#define HVN_CTX_SKB		0	/* page-buffer send: the skb pointer */
#define HVN_CTX_SECTION		1	/* send-buffer send: section << 2 */
#define HVN_CTX_CONTROL		2	/* NVSP control request */
#define HVN_CTX_MASK		3

#define HVN_CTL_TIMEOUT		(10 * HZ)
#define HVN_SUBCHAN_TIMEOUT	(10 * HZ)

/* Largest packet the host sends: transfer header with the most ranges */
#define HVN_MAX_PKT_SIZE \
	(HVN_VMPKT_XFER_HDR_SIZE(562) + HVN_NVSP_MSG_SIZE + \
	 HVN_NVSP_SEND_TABLE_SIZE * sizeof(u32))

static inline u64 hvn_ctx_section(u32 idx)
{
	return ((u64)idx << 2) | HVN_CTX_SECTION;
}

static void hvn_nvsp_event(void *arg)
{
	struct hvn_nvsp_chan *nc = arg;

	nc->d->ops->event(nc->d->up, nc->q);
}

/* ---- control requests (primary channel, process context) ---- */

/* Send @m and wait for its completion in d->ctl_resp; ctl_lock held */
static int hvn_nvsp_request(struct hvn_nvsp_dev *d, const struct hvn_nvsp_msg *m,
			    u32 len)
{
	struct hvn_chan *c = &d->ch[0]->c;
	int tries = 0;
	int ret;

	lockdep_assert_held(&d->ctl_lock);
	reinit_completion(&d->ctl_done);
	d->ctl_len = 0;
	while ((ret = hvn_chan_send(c, m, len, HVN_CTX_CONTROL, true)) == -EAGAIN &&
	       ++tries < 100)
		usleep_range(1000, 2000);
	if (ret)
		return ret;
	if (!wait_for_completion_timeout(&d->ctl_done, HVN_CTL_TIMEOUT)) {
		dev_err(d->dev, "no answer from the host to NVSP message %u\n",
			m->hdr.msg_type);
		return -ETIMEDOUT;
	}
	return 0;
}

/* Send @m without asking for a completion */
static int hvn_nvsp_post(struct hvn_nvsp_dev *d, const struct hvn_nvsp_msg *m,
			 u32 len)
{
	struct hvn_chan *c = &d->ch[0]->c;
	int tries = 0;
	int ret;

	while ((ret = hvn_chan_send(c, m, len, 0, false)) == -EAGAIN &&
	       ++tries < 100)
		usleep_range(1000, 2000);
	return ret;
}

static int hvn_nvsp_negotiate(struct hvn_nvsp_dev *d)
{
	struct hvn_nvsp_msg m;
	u32 ver, len, status;
	int ret;

	for (ver = hvn_nvsp_version_next(0); ver; ver = hvn_nvsp_version_next(ver)) {
		if (d->isolated && !hvn_nvsp_version_allowed(ver, true))
			break;
		len = hvn_nvsp_build_init(&m, ver);
		ret = hvn_nvsp_request(d, &m, len);
		if (ret)
			return ret;
		if (hvn_nvsp_parse_init_complete(d->ctl_resp, d->ctl_len, &status,
						 &d->ctl_viol)) {
			hvn_viol_log(d->dev, &d->ctl_viol);
			return -EPROTO;
		}
		if (status == HVN_NVSP_STAT_SUCCESS) {
			d->ver = ver;
			return 0;
		}
	}
	dev_err(d->dev, "the host accepts no NVSP version this driver speaks\n");
	return -EPROTO;
}

static int hvn_nvsp_init_recv_buf(struct hvn_nvsp_dev *d, u32 sections)
{
	u64 size = (u64)sections * HVN_RECV_SECTION_HINT;
	struct hvn_nvsp_msg m;
	u32 len;
	int ret;

	size = min_t(u64, PAGE_ALIGN(size), hvn_nvsp_max_recv_buf(d->ver));
	d->rbuf_size = size;
	d->rbuf = vzalloc(d->rbuf_size);
	if (!d->rbuf)
		return -ENOMEM;
	ret = vmbus_establish_gpadl(d->ch[0]->c.vmch, d->rbuf, d->rbuf_size,
				    &d->rgpadl);
	if (ret) {
		dev_err(d->dev, "receive buffer GPADL failed: %d\n", ret);
		return ret;
	}
	len = hvn_nvsp_build_send_recv_buf(&m, d->rgpadl.gpadl_handle);
	ret = hvn_nvsp_request(d, &m, len);
	if (ret)
		return ret;
	ret = hvn_nvsp_parse_recv_buf_complete(d->ctl_resp, d->ctl_len,
					       d->rbuf_size, &d->rinfo,
					       &d->ctl_viol);
	if (ret) {
		if (ret == -EPROTO)
			hvn_viol_log(d->dev, &d->ctl_viol);
		dev_err(d->dev, "the host refused the receive buffer\n");
		return -EPROTO;
	}
	d->rbuf_posted = true;
	return 0;
}

static int hvn_nvsp_init_send_buf(struct hvn_nvsp_dev *d, u32 sections)
{
	u64 size = (u64)sections * HVN_SEND_SECTION_HINT;
	struct hvn_nvsp_msg m;
	u32 len;
	int ret;

	size = min_t(u64, PAGE_ALIGN(size), HVN_NVSP_SEND_BUF_MAX);
	d->sbuf_size = size;
	d->sbuf = vzalloc(d->sbuf_size);
	if (!d->sbuf)
		return -ENOMEM;
	ret = vmbus_establish_gpadl(d->ch[0]->c.vmch, d->sbuf, d->sbuf_size,
				    &d->sgpadl);
	if (ret) {
		dev_err(d->dev, "send buffer GPADL failed: %d\n", ret);
		return ret;
	}
	len = hvn_nvsp_build_send_send_buf(&m, d->sgpadl.gpadl_handle);
	ret = hvn_nvsp_request(d, &m, len);
	if (ret)
		return ret;
	ret = hvn_nvsp_parse_send_buf_complete(d->ctl_resp, d->ctl_len,
					       d->sbuf_size, &d->sinfo,
					       &d->ctl_viol);
	if (ret) {
		if (ret == -EPROTO)
			hvn_viol_log(d->dev, &d->ctl_viol);
		dev_err(d->dev, "the host refused the send buffer\n");
		return -EPROTO;
	}
	d->sbuf_posted = true;
	d->sect_map = bitmap_zalloc(d->sinfo.section_count, GFP_KERNEL);
	if (!d->sect_map)
		return -ENOMEM;
	hvn_sections_init(&d->sect, d->sect_map, d->sinfo.section_count);
	return 0;
}

/* ---- channels ---- */

static struct hvn_nvsp_chan *hvn_nvsp_chan_alloc(struct hvn_nvsp_dev *d,
						 struct vmbus_channel *vmch,
						 u16 q)
{
	struct hvn_nvsp_chan *nc;

	nc = kzalloc_obj(*nc, GFP_KERNEL);
	if (!nc)
		return NULL;
	nc->d = d;
	nc->q = q;
	nc->batch_idx = HVN_SECTION_NONE;
	if (hvn_chan_init(&nc->c, d->dev, vmch, q, d->ring_bytes)) {
		kfree(nc);
		return NULL;
	}
	return nc;
}

static void hvn_nvsp_chan_free(struct hvn_nvsp_chan *nc)
{
	hvn_chan_destroy(&nc->c);
	kvfree(nc->comp);
	kfree(nc);
}

/* Receive completions may queue up to one per receive section */
static int hvn_nvsp_chan_comp_alloc(struct hvn_nvsp_chan *nc)
{
	nc->comp_size = nc->d->rinfo.section_count + 1;
	nc->comp = kvcalloc(nc->comp_size, sizeof(*nc->comp), GFP_KERNEL);
	return nc->comp ? 0 : -ENOMEM;
}

static int hvn_nvsp_chan_start(struct hvn_nvsp_dev *d, struct hvn_nvsp_chan *nc)
{
	int ret;

	ret = d->ops->chan_up(d->up, nc->q);
	if (ret)
		return ret;
	ret = hvn_chan_open(&nc->c, d->ring_bytes, HVN_MAX_PKT_SIZE,
			    hvn_nvsp_event, nc);
	if (ret)
		d->ops->chan_down(d->up, nc->q);
	return ret;
}

/* A sub-channel offer (VMBus work context) */
static void hvn_nvsp_subchan_offer(struct vmbus_channel *vmch)
{
	struct hvn_nvsp_dev *d = get_per_channel_state(vmch->primary_channel);
	u16 q = vmch->offermsg.offer.sub_channel_index;
	struct hvn_nvsp_chan *nc;

	if (!d)
		return;
	if (!q || q >= HVN_MAX_CHANNELS || q > d->sc_want || d->ch[q]) {
		dev_warn_ratelimited(d->dev, "unexpected sub-channel %u offered\n", q);
		return;
	}
	nc = hvn_nvsp_chan_alloc(d, vmch, q);
	if (!nc)
		goto out;
	if (hvn_nvsp_chan_comp_alloc(nc) || hvn_nvsp_chan_start(d, nc)) {
		dev_err(d->dev, "cannot open sub-channel %u\n", q);
		hvn_nvsp_chan_free(nc);
		goto out;
	}
	WRITE_ONCE(d->ch[q], nc);
out:
	atomic_inc(&d->sc_open);
	wake_up(&d->sc_wait);
}

/**
 * hvn_nvsp_subchannels() - open sub-channels up to @want channels in all
 * @d: device with the primary channel up
 * @want: channels wanted, including the primary
 *
 * Return: channels open (at least 1); queues are numbered densely from 0.
 */
u32 hvn_nvsp_subchannels(struct hvn_nvsp_dev *d, u32 want)
{
	struct hvn_nvsp_msg m;
	u32 len, got = 0, i;
	int ret;

	if (want <= 1 || d->ver < HVN_NVSP_VERSION_5)
		return d->num_chn;
	want = min_t(u32, want, HVN_MAX_CHANNELS);

	mutex_lock(&d->ctl_lock);
	d->sc_want = want - 1;
	atomic_set(&d->sc_open, 0);
	len = hvn_nvsp_build_subchannel_req(&m, want - 1);
	ret = hvn_nvsp_request(d, &m, len);
	if (!ret) {
		ret = hvn_nvsp_parse_subchannel_complete(d->ctl_resp, d->ctl_len,
							 want - 1, &got,
							 &d->ctl_viol);
		if (ret == -EPROTO)
			hvn_viol_log(d->dev, &d->ctl_viol);
	}
	mutex_unlock(&d->ctl_lock);
	if (ret) {
		dev_warn(d->dev, "no sub-channels: %d\n", ret);
		got = 0;
	}
	d->sc_want = got;
	if (got &&
	    !wait_event_timeout(d->sc_wait, atomic_read(&d->sc_open) >= got,
				HVN_SUBCHAN_TIMEOUT))
		dev_warn(d->dev, "only %d of %u sub-channels were offered\n",
			 atomic_read(&d->sc_open), got);
	/* use the dense prefix of queues that opened */
	for (i = 1; i <= got; i++)
		if (!READ_ONCE(d->ch[i]))
			break;
	d->num_chn = i;
	return d->num_chn;
}

/* ---- receive path ---- */

static void hvn_nvsp_comp_flush(struct hvn_nvsp_chan *nc)
{
	struct hvn_nvsp_msg m;
	u32 len;
	u64 v;

	while (nc->comp_cnt) {
		v = nc->comp[nc->comp_head];
		len = hvn_nvsp_build_rndis_pkt_complete(&m, (u32)(v & 3));
		if (hvn_chan_send_comp(&nc->c, &m, len, v >> 2))
			return;
		nc->comp_head = (nc->comp_head + 1) % nc->comp_size;
		nc->comp_cnt--;
	}
}

/* Complete a transfer-page packet, now or once the ring has room */
static void hvn_nvsp_rx_done(struct hvn_nvsp_chan *nc, u64 tid, u32 status)
{
	struct hvn_nvsp_msg m;
	u32 len;

	hvn_nvsp_comp_flush(nc);
	if (!nc->comp_cnt) {
		len = hvn_nvsp_build_rndis_pkt_complete(&m, status);
		if (!hvn_chan_send_comp(&nc->c, &m, len, tid))
			return;
	}
	nc->rx_comp_busy++;
	/* the status fits in 2 bits; ids the host gives fit in 62 */
	if (nc->comp_cnt < nc->comp_size && !(tid >> 62)) {
		nc->comp[(nc->comp_head + nc->comp_cnt) % nc->comp_size] =
			(tid << 2) | (status & 3);
		nc->comp_cnt++;
	} else {
		dev_warn_ratelimited(nc->d->dev,
				     "receive completion %#llx lost\n", tid);
	}
}

static int hvn_nvsp_on_xfer(struct hvn_nvsp_chan *nc, const struct hvn_vmpkt *pkt)
{
	struct hvn_nvsp_dev *d = nc->d;
	struct hvn_violations *v = &nc->c.viol;
	u32 status = HVN_NVSP_STAT_SUCCESS;
	struct hvn_xfer_pkt x;
	u32 i, off, len;
	int work = 0;

	if (hvn_nvsp_parse_xfer(pkt, d->rbuf_size, d->rinfo.section_size, &x, v)) {
		hvn_viol_log(d->dev, v);
		hvn_nvsp_rx_done(nc, pkt->trans_id, HVN_NVSP_STAT_FAIL);
		return 0;
	}
	for (i = 0; i < x.range_cnt; i++) {
		if (hvn_nvsp_xfer_range(&x, i, &off, &len, v)) {
			hvn_viol_log(d->dev, v);
			status = HVN_NVSP_STAT_FAIL;
			break;
		}
		work += d->ops->rx(d->up, nc->q, (const u8 *)d->rbuf + off, len,
				   i + 1 == x.range_cnt);
	}
	/*
	 * A coalesced chain never outlives its transfer packet: its fragments
	 * point into sections that the completion below returns to the host.
	 */
	d->ops->rx(d->up, nc->q, NULL, 0, true);
	hvn_nvsp_rx_done(nc, x.trans_id, status);
	return work;
}

static void hvn_nvsp_on_comp(struct hvn_nvsp_chan *nc, const struct hvn_vmpkt *pkt)
{
	struct hvn_nvsp_dev *d = nc->d;
	struct hvn_violations *v = &nc->c.viol;
	u32 status;
	u64 ctx;

	if (hvn_chan_complete(&nc->c, pkt->trans_id, &ctx))
		return;

	switch (ctx & HVN_CTX_MASK) {
	case HVN_CTX_CONTROL:
		d->ctl_len = min_t(u32, pkt->len, sizeof(d->ctl_resp));
		memcpy(d->ctl_resp, pkt->data, d->ctl_len);
		complete(&d->ctl_done);
		return;
	case HVN_CTX_SECTION:
		if (hvn_nvsp_parse_rndis_pkt_complete(pkt->data, pkt->len,
						      &status, v))
			hvn_viol_log(d->dev, v);
		if (hvn_sections_free(&d->sect, (u32)(ctx >> 2), v))
			hvn_viol_log(d->dev, v);
		return;
	case HVN_CTX_SKB:
		if (hvn_nvsp_parse_rndis_pkt_complete(pkt->data, pkt->len,
						      &status, v))
			hvn_viol_log(d->dev, v);
		d->ops->tx_done(d->up, nc->q, (struct sk_buff *)(uintptr_t)ctx);
		return;
	default:
		WARN_ON_ONCE(1);
	}
}

static void hvn_nvsp_on_inband(struct hvn_nvsp_chan *nc,
			       const struct hvn_vmpkt *pkt)
{
	u32 table[HVN_NVSP_SEND_TABLE_SIZE];
	struct hvn_nvsp_dev *d = nc->d;
	struct hvn_violations *v = &nc->c.viol;
	u32 type, serial, i;
	bool flag;

	if (hvn_nvsp_inband_type(pkt->data, pkt->len, &type, v))
		goto bad;
	switch (type) {
	case HVN_NVSP_MSG4_SEND_VF_ASSOCIATION:
		if (hvn_nvsp_parse_vf_association(pkt->data, pkt->len, &flag,
						  &serial, v))
			goto bad;
		if (d->isolated)
			return;
		d->vf_allocated = flag;
		d->vf_serial = serial;
		dev_info(d->dev, "host VF %s, serial %u\n",
			 flag ? "available" : "removed", serial);
		d->ops->vf_assoc(d->up, flag, serial);
		return;
	case HVN_NVSP_MSG4_SWITCH_DATA_PATH:
		if (hvn_nvsp_parse_switch_data_path(pkt->data, pkt->len, &flag, v))
			goto bad;
		/* a host may fall back to synthetic by itself, never to the VF */
		if (!flag)
			d->ops->vf_dp_synthetic(d->up);
		return;
	case HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE:
		if (hvn_nvsp_parse_send_table(pkt->data, pkt->len, d->ver, table, v))
			goto bad;
		for (i = 0; i < HVN_NVSP_SEND_TABLE_SIZE; i++)
			WRITE_ONCE(d->send_table[i], table[i]);
		return;
	}
	return;
bad:
	hvn_viol_log(d->dev, v);
}

static int hvn_nvsp_on_pkt(void *arg, struct hvn_chan *c,
			   const struct hvn_vmpkt *pkt)
{
	struct hvn_nvsp_chan *nc = arg;

	switch (pkt->type) {
	case VM_PKT_COMP:
		hvn_nvsp_on_comp(nc, pkt);
		return 0;
	case VM_PKT_DATA_USING_XFER_PAGES:
		return hvn_nvsp_on_xfer(nc, pkt);
	case VM_PKT_DATA_INBAND:
		hvn_nvsp_on_inband(nc, pkt);
		return 0;
	default:
		hvn_viol(&c->viol, HVN_V_VMPKT_BAD_TYPE);
		hvn_viol_log(c->dev, &c->viol);
		return 0;
	}
}

/**
 * hvn_nvsp_poll() - handle what the host sent on one channel
 * @d: device
 * @q: queue
 * @budget: NAPI budget (frames)
 *
 * Return: frames delivered, or @budget while receive completions are
 * still waiting for ring space (poll again).
 */
int hvn_nvsp_poll(struct hvn_nvsp_dev *d, u16 q, int budget)
{
	struct hvn_nvsp_chan *nc = READ_ONCE(d->ch[q]);
	int work;

	if (!nc)
		return 0;
	hvn_nvsp_comp_flush(nc);
	work = hvn_chan_poll(&nc->c, budget, hvn_nvsp_on_pkt, nc);
	hvn_nvsp_comp_flush(nc);
	if (nc->comp_cnt)
		return budget;
	return work;
}

/**
 * hvn_nvsp_begin_read() - mask the channel's interrupts
 * @d: device
 * @q: queue
 *
 * Return: true.
 */
bool hvn_nvsp_begin_read(struct hvn_nvsp_dev *d, u16 q)
{
	struct hvn_nvsp_chan *nc = READ_ONCE(d->ch[q]);

	return nc ? hvn_chan_begin_read(&nc->c) : true;
}

/**
 * hvn_nvsp_end_read() - unmask the channel's interrupts
 * @d: device
 * @q: queue
 *
 * Return: true if more packets arrived (poll again).
 */
bool hvn_nvsp_end_read(struct hvn_nvsp_dev *d, u16 q)
{
	struct hvn_nvsp_chan *nc = READ_ONCE(d->ch[q]);

	return nc ? hvn_chan_end_read(&nc->c) : false;
}

/* ---- send path ---- */

/**
 * hvn_nvsp_send_control() - send an RNDIS control message
 * @d: device
 * @msg: the message
 * @len: its length, at most one send section
 *
 * Copies the message into a send section and sends it on the primary
 * channel; does not sleep.
 *
 * Return: 0, -EBUSY when no section or ring space is free (retry), or
 * another negative errno.
 */
int hvn_nvsp_send_control(struct hvn_nvsp_dev *d, const void *msg, u32 len)
{
	struct hvn_nvsp_chan *nc = d->ch[0];
	struct hvn_nvsp_msg m;
	u32 idx, mlen;
	int ret;

	if (!d->sbuf_posted || len > d->sinfo.section_size)
		return -EINVAL;
	idx = hvn_sections_alloc(&d->sect);
	if (idx == HVN_SECTION_NONE)
		return -EBUSY;
	memcpy((u8 *)d->sbuf + (size_t)idx * d->sinfo.section_size, msg, len);
	mlen = hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_CONTROL, idx, len);
	ret = hvn_chan_send(&nc->c, &m, mlen, hvn_ctx_section(idx), true);
	if (ret) {
		hvn_sections_free(&d->sect, idx, NULL);
		if (ret == -EAGAIN)
			ret = -EBUSY;
	}
	return ret;
}

/* Ring-full retries of the data path switch: 1-2 ms apart, ~5 s at most */
#define HVN_SWITCH_TRIES	2500

/**
 * hvn_nvsp_switch_data_path() - ask the host to deliver through the VF or
 * through the synthetic path
 * @d: device
 * @vf: true for the VF, false for synthetic
 *
 * Sleeps until the host completed the message.  A full ring is retried
 * for a bounded time; the protocol has no busy answer to this message
 * (the host's completion carries no status).
 *
 * Return: 0, -EOPNOTSUPP before NVSP 4 (no such message), -ENODEV when
 * the channel is gone, or another negative errno.
 */
int hvn_nvsp_switch_data_path(struct hvn_nvsp_dev *d, bool vf)
{
	struct hvn_chan *c;
	struct hvn_nvsp_msg m;
	int tries = 0;
	u32 len;
	int ret;

	if (d->ver < HVN_NVSP_VERSION_4)
		return -EOPNOTSUPP;
	if (!d->ch[0] || !d->ch[0]->c.opened || d->hdev->channel->rescind)
		return -ENODEV;
	c = &d->ch[0]->c;
	len = hvn_nvsp_build_switch_data_path(&m, vf);

	mutex_lock(&d->ctl_lock);
	reinit_completion(&d->ctl_done);
	d->ctl_len = 0;
	while ((ret = hvn_chan_send(c, &m, len, HVN_CTX_CONTROL, true)) == -EAGAIN &&
	       ++tries < HVN_SWITCH_TRIES)
		usleep_range(1000, 2000);
	if (!ret && !wait_for_completion_timeout(&d->ctl_done, HVN_CTL_TIMEOUT))
		ret = -ETIMEDOUT;
	mutex_unlock(&d->ctl_lock);
	if (ret && ret != -ENODEV)
		dev_err(d->dev, "data path switch to %s not done: %d\n",
			vf ? "VF" : "synthetic", ret);
	return ret;
}

/* The queue has no batch open any more */
static void hvn_nvsp_batch_reset(struct hvn_nvsp_chan *nc)
{
	nc->batch_idx = HVN_SECTION_NONE;
	nc->batch_len = 0;
	nc->batch_cnt = 0;
}

/**
 * hvn_nvsp_flush() - send the batch being filled on a queue
 * @d: device
 * @q: queue (TX queue lock held)
 *
 * Return: 0 (also when there was nothing to send) or -EAGAIN when the
 * ring is full; the batch then stays and is retried.
 */
int hvn_nvsp_flush(struct hvn_nvsp_dev *d, u16 q)
{
	struct hvn_nvsp_chan *nc = d->ch[q];
	struct hvn_nvsp_msg m;
	u32 len;
	int ret;

	if (nc->batch_idx == HVN_SECTION_NONE)
		return 0;
	len = hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_DATA, nc->batch_idx,
				       nc->batch_len);
	ret = hvn_chan_send(&nc->c, &m, len, hvn_ctx_section(nc->batch_idx),
			    true);
	if (ret == -EAGAIN) {
		nc->tx_busy++;
		return ret;
	}
	if (ret)	/* channel gone: the section is not in use by the host */
		hvn_sections_free(&d->sect, nc->batch_idx, NULL);
	hvn_nvsp_batch_reset(nc);
	return 0;
}

/**
 * hvn_nvsp_drop_batch() - give up the batch being filled on a queue
 * @d: device
 * @q: queue (TX queue lock held)
 *
 * For teardown when the ring stays full: the host never saw the section.
 *
 * Return: the number of frames dropped with it.
 */
u32 hvn_nvsp_drop_batch(struct hvn_nvsp_dev *d, u16 q)
{
	struct hvn_nvsp_chan *nc = d->ch[q];
	u32 n = nc->batch_cnt;

	if (nc->batch_idx == HVN_SECTION_NONE)
		return 0;
	hvn_sections_free(&d->sect, nc->batch_idx, NULL);
	hvn_nvsp_batch_reset(nc);
	return n;
}

/* Add one page range (split at page boundaries) for @len bytes at @va */
static int hvn_nvsp_add_range(struct hvn_vmpkt_page_range *r, u32 *n,
			      struct page *page, u32 off, u32 len)
{
	u32 chunk;

	page += off >> PAGE_SHIFT;
	off &= ~PAGE_MASK;
	while (len) {
		if (*n >= HVN_CHAN_MAX_RANGES)
			return -E2BIG;
		chunk = min_t(u32, len, PAGE_SIZE - off);
		r[*n].pfn = page_to_pfn(page);
		r[*n].offset = off;
		r[*n].len = chunk;
		(*n)++;
		len -= chunk;
		off = 0;
		page++;
	}
	return 0;
}

static int hvn_nvsp_skb_ranges(const u8 *hdr, u32 hdr_len, struct sk_buff *skb,
			       struct hvn_vmpkt_page_range *r, u32 *n)
{
	u32 i;
	int ret;

	*n = 0;
	ret = hvn_nvsp_add_range(r, n, virt_to_page(hdr), offset_in_page(hdr),
				 hdr_len);
	if (!ret && skb_headlen(skb))
		ret = hvn_nvsp_add_range(r, n, virt_to_page(skb->data),
					 offset_in_page(skb->data),
					 skb_headlen(skb));
	for (i = 0; !ret && i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *f = &skb_shinfo(skb)->frags[i];

		ret = hvn_nvsp_add_range(r, n, skb_frag_page(f),
					 skb_frag_off(f), skb_frag_size(f));
	}
	return ret;
}

/*
 * Room for @total bytes at the end of the queue's batch: the batch is sent
 * first if they do not fit, a new section taken if there is none.
 *
 * Return: where to write, or NULL with *@err -EAGAIN (the batch could not
 * be sent: ring full) or -ENOSPC (no free section).
 */
static u8 *hvn_nvsp_batch_room(struct hvn_nvsp_dev *d, u16 q, u32 total,
			       int *err)
{
	struct hvn_nvsp_chan *nc = d->ch[q];
	u32 ssize = d->sinfo.section_size;
	u32 start;
	u8 *dst;

	start = hvn_rndis_align(nc->batch_len, d->pkt_align);
	if (nc->batch_idx != HVN_SECTION_NONE &&
	    (start + total > ssize || nc->batch_cnt >= d->max_pkt)) {
		*err = hvn_nvsp_flush(d, q);
		if (*err)
			return NULL;
		start = 0;
	}
	if (nc->batch_idx == HVN_SECTION_NONE) {
		nc->batch_idx = hvn_sections_alloc(&d->sect);
		if (nc->batch_idx == HVN_SECTION_NONE) {
			*err = -ENOSPC;
			return NULL;
		}
		start = 0;
	}
	dst = (u8 *)d->sbuf + (size_t)nc->batch_idx * ssize;
	if (start > nc->batch_len) {
		/* the message before covers the alignment */
		memset(dst + nc->batch_len, 0, start - nc->batch_len);
		hvn_rndis_pad_msg(dst + nc->batch_last, start - nc->batch_len);
	}
	nc->batch_last = start;
	nc->batch_len = start + total;
	nc->batch_cnt++;
	nc->tx_copied++;
	return dst + start;
}

/* Close a batch that is full or that nothing more will join */
static void hvn_nvsp_batch_done(struct hvn_nvsp_dev *d, u16 q, bool more)
{
	if (!more || d->ch[q]->batch_cnt >= d->max_pkt)
		hvn_nvsp_flush(d, q);
}

/**
 * hvn_nvsp_xmit() - send one RNDIS data packet
 * @d: device
 * @q: queue (TX queue lock held)
 * @hdr: RNDIS header, in the skb's headroom
 * @hdr_len: its length
 * @skb: the frame
 * @copy: the packet may be copied into a send section
 * @more: more packets follow at once (keep the batch open)
 *
 * On success the skb belongs to this layer: a copied skb is freed here,
 * a page-buffer skb is handed to ops->tx_done when the host completes it.
 *
 * Return: 0, -EAGAIN when the ring is full (nothing was sent, the skb is
 * still the caller's), -E2BIG when the frame has too many fragments for
 * page ranges (linearize it), or another negative errno.
 */
int hvn_nvsp_xmit(struct hvn_nvsp_dev *d, u16 q, const u8 *hdr, u32 hdr_len,
		  struct sk_buff *skb, bool copy, bool more)
{
	struct hvn_vmpkt_page_range r[HVN_CHAN_MAX_RANGES];
	struct hvn_nvsp_chan *nc = d->ch[q];
	u32 total = hdr_len + skb->len;
	struct hvn_nvsp_msg m;
	u32 len, n;
	int ret;
	u8 *dst;

	if (copy && d->sbuf_posted &&
	    total + d->pkt_align <= d->sinfo.section_size) {
		dst = hvn_nvsp_batch_room(d, q, total, &ret);
		if (dst) {
			memcpy(dst, hdr, hdr_len);
			skb_copy_bits(skb, 0, dst + hdr_len, skb->len);
			dev_consume_skb_any(skb);
			hvn_nvsp_batch_done(d, q, more);
			return 0;
		}
		if (ret == -EAGAIN)
			return ret;
		nc->tx_send_full++;
	}

	/* by page ranges; what is batched goes first */
	ret = hvn_nvsp_flush(d, q);
	if (ret)
		return ret;
	ret = hvn_nvsp_skb_ranges(hdr, hdr_len, skb, r, &n);
	if (ret)
		return ret;
	len = hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_DATA,
				       HVN_NVSP_INVALID_SECTION, 0);
	ret = hvn_chan_send_pages(&nc->c, r, n, &m, len, (uintptr_t)skb);
	if (ret == -EAGAIN)
		nc->tx_busy++;
	else if (!ret)
		nc->tx_pagebuf++;
	return ret;
}

/**
 * hvn_nvsp_xmit_copy() - send one RNDIS data packet from a flat buffer
 * @d: device
 * @q: queue (TX queue lock held)
 * @hdr: RNDIS header
 * @hdr_len: its length
 * @data: the frame
 * @len: its length
 * @more: more packets follow at once (keep the batch open)
 *
 * Always copied into a send section (XDP frames): the caller keeps its
 * buffer.
 *
 * Return: 0, -EAGAIN (ring full), -ENOSPC (no free section) or -EMSGSIZE
 * (larger than a section, or no send buffer).
 */
int hvn_nvsp_xmit_copy(struct hvn_nvsp_dev *d, u16 q, const u8 *hdr,
		       u32 hdr_len, const void *data, u32 len, bool more)
{
	u32 total = hdr_len + len;
	int ret;
	u8 *dst;

	if (!d->sbuf_posted || total + d->pkt_align > d->sinfo.section_size)
		return -EMSGSIZE;
	dst = hvn_nvsp_batch_room(d, q, total, &ret);
	if (!dst) {
		if (ret == -ENOSPC)
			d->ch[q]->tx_send_full++;
		return ret;
	}
	memcpy(dst, hdr, hdr_len);
	memcpy(dst + hdr_len, data, len);
	hvn_nvsp_batch_done(d, q, more);
	return 0;
}

/**
 * hvn_nvsp_tx_avail_pct() - free space in a queue's outbound ring
 * @d: device
 * @q: queue
 *
 * Return: percent free.
 */
u32 hvn_nvsp_tx_avail_pct(struct hvn_nvsp_dev *d, u16 q)
{
	return hvn_chan_tx_avail_pct(&d->ch[q]->c);
}

/**
 * hvn_nvsp_tx_pending() - sends of a queue the host has not completed
 * @d: device
 * @q: queue
 *
 * Return: number of outstanding sends.
 */
u32 hvn_nvsp_tx_pending(struct hvn_nvsp_dev *d, u16 q)
{
	return hvn_chan_pending(&d->ch[q]->c);
}

/**
 * hvn_nvsp_send_queue() - transmit queue the host wants for a flow hash
 * @d: device
 * @hash: flow hash
 * @nq: transmit queues in use
 *
 * Return: queue index below @nq.
 */
u32 hvn_nvsp_send_queue(struct hvn_nvsp_dev *d, u32 hash, u32 nq)
{
	u32 table[HVN_NVSP_SEND_TABLE_SIZE];
	u32 i = hash & (HVN_NVSP_SEND_TABLE_SIZE - 1);

	table[i] = READ_ONCE(d->send_table[i]);
	return hvn_indir_send_queue(table, hash, nq);
}

/**
 * hvn_nvsp_get_send_table() - copy the host's send indirection table
 * @d: device
 * @out: HVN_NVSP_SEND_TABLE_SIZE entries
 */
void hvn_nvsp_get_send_table(struct hvn_nvsp_dev *d, u32 *out)
{
	u32 i;

	for (i = 0; i < HVN_NVSP_SEND_TABLE_SIZE; i++)
		out[i] = READ_ONCE(d->send_table[i]);
}

/**
 * hvn_nvsp_sum_viol() - add up the violation counters of this layer
 * @d: device
 * @sum: counters to add to
 */
void hvn_nvsp_sum_viol(struct hvn_nvsp_dev *d, struct hvn_violations *sum)
{
	const struct hvn_violations *v;
	u32 q, i;

	for (q = 0; q <= HVN_MAX_CHANNELS; q++) {
		if (q == HVN_MAX_CHANNELS) {
			v = &d->ctl_viol;
		} else {
			if (!d->ch[q])
				continue;
			v = &d->ch[q]->c.viol;
		}
		for (i = 0; i < HVN_V_NR; i++)
			sum->cnt[i] += READ_ONCE(v->cnt[i]);
		sum->total += READ_ONCE(v->total);
	}
}

/* ---- bring up and tear down ---- */

static void hvn_nvsp_drain_one(void *arg, u64 ctx)
{
	struct hvn_nvsp_chan *nc = arg;
	struct hvn_nvsp_dev *d = nc->d;

	switch (ctx & HVN_CTX_MASK) {
	case HVN_CTX_SKB:
		d->ops->tx_done(d->up, nc->q, (struct sk_buff *)(uintptr_t)ctx);
		break;
	case HVN_CTX_SECTION:
		hvn_sections_free(&d->sect, (u32)(ctx >> 2), NULL);
		break;
	}
}

/**
 * hvn_nvsp_drain() - wait (bounded) until the host completed every send
 * @d: device
 *
 * Sends on the subchannels may still be on their way when the primary
 * channel carries a message that ends the data path (RNDIS HALT, buffer
 * revocation); the host must see them first.  Returns early on a rescind.
 */
void hvn_nvsp_drain(struct hvn_nvsp_dev *d)
{
	int tries = 0;
	u32 q, n;

	do {
		n = 0;
		for (q = 0; q < HVN_MAX_CHANNELS; q++)
			if (d->ch[q] && d->ch[q]->c.opened)
				n += hvn_chan_pending(&d->ch[q]->c);
		if (!n || d->hdev->channel->rescind)
			return;
		usleep_range(1000, 2000);
	} while (++tries < 2000);
	dev_warn(d->dev, "%u sends not completed by the host\n", n);
}

/*
 * Take the buffers back from the host.  If that fails the host may still
 * use them: they are then leaked rather than freed.
 */
static void hvn_nvsp_free_buffers(struct hvn_nvsp_dev *d)
{
	if (d->rgpadl.gpadl_handle) {
		if (vmbus_teardown_gpadl(d->hdev->channel, &d->rgpadl)) {
			dev_err(d->dev, "receive buffer not released by the host, leaking it\n");
			d->rbuf = NULL;
		}
		d->rgpadl.gpadl_handle = 0;
	}
	if (d->sgpadl.gpadl_handle) {
		if (vmbus_teardown_gpadl(d->hdev->channel, &d->sgpadl)) {
			dev_err(d->dev, "send buffer not released by the host, leaking it\n");
			d->sbuf = NULL;
		}
		d->sgpadl.gpadl_handle = 0;
	}
}

/**
 * hvn_nvsp_close() - revoke the buffers, close every channel, free all
 * @d: device (opened by hvn_nvsp_open(), also after it failed)
 */
void hvn_nvsp_close(struct hvn_nvsp_dev *d)
{
	struct vmbus_channel *primary = d->hdev->channel;
	struct hvn_nvsp_msg m;
	bool rescind = primary->rescind;
	u32 q, len;

	if (d->ch[0] && d->ch[0]->c.opened && !rescind) {
		hvn_nvsp_drain(d);
		if (d->rbuf_posted) {
			len = hvn_nvsp_build_revoke_recv_buf(&m);
			hvn_nvsp_post(d, &m, len);
		}
		if (d->sbuf_posted) {
			len = hvn_nvsp_build_revoke_send_buf(&m);
			hvn_nvsp_post(d, &m, len);
		}
	}
	d->rbuf_posted = false;
	d->sbuf_posted = false;

	/* hosts before Windows 10 want the GPADLs gone before the close */
	if (vmbus_proto_version < VERSION_WIN10)
		hvn_nvsp_free_buffers(d);

	for (q = 0; q < HVN_MAX_CHANNELS; q++)
		if (d->ch[q] && d->ch[q]->c.opened)
			d->ops->chan_down(d->up, q);
	if (d->ch[0] && d->ch[0]->c.opened)
		vmbus_close(primary);
	set_per_channel_state(primary, NULL);
	vmbus_set_sc_create_callback(primary, NULL);

	hvn_nvsp_free_buffers(d);
	for (q = 0; q < HVN_MAX_CHANNELS; q++) {
		if (!d->ch[q])
			continue;
		hvn_chan_drain(&d->ch[q]->c, hvn_nvsp_drain_one, d->ch[q]);
		hvn_nvsp_chan_free(d->ch[q]);
		d->ch[q] = NULL;
	}
	d->num_chn = 0;
	bitmap_free(d->sect_map);
	d->sect_map = NULL;
	vfree(d->rbuf);
	d->rbuf = NULL;
	vfree(d->sbuf);
	d->sbuf = NULL;
}

/**
 * hvn_nvsp_open() - bring the NVSP device up on the primary channel
 * @d: device state (zeroed by the caller)
 * @hdev: VMBus device
 * @cfg: sizes
 * @ops: upper layer callbacks
 * @up: their first argument
 *
 * Opens the primary channel, negotiates the version, sends NDIS config
 * and version, and gives the host the receive and send buffers.  On
 * failure hvn_nvsp_close() must still be called.
 *
 * Return: 0 or a negative errno.
 */
int hvn_nvsp_open(struct hvn_nvsp_dev *d, struct hv_device *hdev,
		  const struct hvn_nvsp_cfg *cfg,
		  const struct hvn_nvsp_ops *ops, void *up)
{
	struct hvn_nvsp_chan *nc;
	struct hvn_nvsp_msg m;
	u32 len;
	int ret;

	d->hdev = hdev;
	d->dev = &hdev->device;
	d->ops = ops;
	d->up = up;
	d->isolated = hv_is_isolation_supported();
	d->ring_bytes = VMBUS_RING_SIZE(cfg->ring_pages * PAGE_SIZE);
	d->max_pkt = 1;
	d->pkt_align = 1;
	mutex_init(&d->ctl_lock);
	init_completion(&d->ctl_done);
	init_waitqueue_head(&d->sc_wait);

	nc = hvn_nvsp_chan_alloc(d, hdev->channel, 0);
	if (!nc)
		return -ENOMEM;
	d->ch[0] = nc;
	set_per_channel_state(hdev->channel, d);
	vmbus_set_sc_create_callback(hdev->channel, hvn_nvsp_subchan_offer);
	ret = hvn_nvsp_chan_start(d, nc);
	if (ret) {
		dev_err(d->dev, "cannot open the channel: %d\n", ret);
		return ret;
	}
	d->num_chn = 1;

	mutex_lock(&d->ctl_lock);
	ret = hvn_nvsp_negotiate(d);
	if (ret)
		goto out;
	if (d->ver >= HVN_NVSP_VERSION_2) {
		len = hvn_nvsp_build_ndis_config(&m, d->ver, cfg->mtu, d->isolated);
		ret = hvn_nvsp_post(d, &m, len);
		if (ret)
			goto out;
	}
	len = hvn_nvsp_build_ndis_ver(&m, d->ver);
	ret = hvn_nvsp_post(d, &m, len);
	if (ret)
		goto out;
	ret = hvn_nvsp_init_recv_buf(d, cfg->rx_sections);
	if (ret)
		goto out;
	ret = hvn_nvsp_chan_comp_alloc(nc);
	if (ret)
		goto out;
	ret = hvn_nvsp_init_send_buf(d, cfg->tx_sections);
out:
	mutex_unlock(&d->ctl_lock);
	return ret;
}
