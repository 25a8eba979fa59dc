// SPDX-License-Identifier: GPL-2.0
/*
 * RNDIS layer: initialise and query the RNDIS device, set its filter,
 * address, offloads and RSS parameters, handle its indications, reassemble
 * received frames and put the RNDIS header in front of sent ones.
 *
 * Messages are built and checked by src/proto/rndis.c; request ids by
 * src/proto/reqid.c.  A control response is copied out of the receive
 * buffer under the request lock and parsed again from that copy, so the
 * host cannot change it after it was checked.
 */
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include "compat.h"
#include "rndis.h"

#define HVN_RNDIS_TIMEOUT	(10 * HZ)
#define HVN_RNDIS_RESP_MAX	1024
/* Room for a request: header, query/set body and information buffer */
#define HVN_RNDIS_REQ_MAX \
	(sizeof(struct hvn_rndis_hdr) + sizeof(struct hvn_rndis_set_req) + \
	 HVN_RSS_PARAMS_LEN(HVN_RSS_ITAB_MAX))

/**
 * struct hvn_rndis_req - one control request waiting for its completion
 * @done: completed when the response was copied
 * @len: response length
 * @resp: response copy
 */
struct hvn_rndis_req {
	struct completion done;
	u32 len;
	u8 resp[HVN_RNDIS_RESP_MAX];
};

/* Standard Toeplitz key, used until the user sets one */
const u8 hvn_rndis_default_key[HVN_RSS_KEY_SIZE] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
	0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
	0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
	0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
	0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/* ---- control requests ---- */

/* Send @msg (req id at body offset 0) and wait; ctl_lock held */
static int hvn_rndis_exec(struct hvn_rndis_dev *r, u8 *msg, u32 len,
			  struct hvn_rndis_req *req, u64 id)
{
	unsigned long flags;
	int tries = 0;
	int ret;

	lockdep_assert_held(&r->ctl_lock);
	while ((ret = hvn_nvsp_send_control(&r->nvsp, msg, len)) == -EBUSY &&
	       ++tries < 5000)
		usleep_range(500, 1000);
	if (!ret && !wait_for_completion_timeout(&req->done, HVN_RNDIS_TIMEOUT))
		ret = -ETIMEDOUT;
	if (ret) {
		spin_lock_irqsave(&r->req_lock, flags);
		/* fails only if the response came in meanwhile */
		if (!hvn_reqid_cancel(&r->reqs, id) || ret != -ETIMEDOUT) {
			spin_unlock_irqrestore(&r->req_lock, flags);
			if (ret != -ENODEV)	/* rescinded: nothing to report */
				dev_err(r->dev, "RNDIS request %#x failed: %d\n",
					((struct hvn_rndis_hdr *)msg)->msg_type, ret);
			return ret;
		}
		spin_unlock_irqrestore(&r->req_lock, flags);
	}
	return 0;
}

/*
 * Issue one INIT, QUERY or SET request and return the parsed completion
 * in @c (pointing into *@reqp, which the caller frees).
 */
static int hvn_rndis_call(struct hvn_rndis_dev *r, u32 type, u32 oid,
			  const void *info, u32 info_len,
			  struct hvn_rndis_req **reqp, struct hvn_rndis_comp *c)
{
	struct hvn_rndis_req *req;
	unsigned long flags;
	u8 *msg;
	u64 id;
	int len, ret;

	req = kzalloc_obj(*req, GFP_KERNEL);
	msg = kzalloc(HVN_RNDIS_REQ_MAX, GFP_KERNEL);
	if (!req || !msg) {
		ret = -ENOMEM;
		goto out;
	}
	init_completion(&req->done);
	spin_lock_irqsave(&r->req_lock, flags);
	ret = hvn_reqid_alloc(&r->reqs, (uintptr_t)req, &id);
	spin_unlock_irqrestore(&r->req_lock, flags);
	if (ret)
		goto out;

	switch (type) {
	case HVN_RNDIS_MSG_INIT:
		len = hvn_rndis_build_init(msg, HVN_RNDIS_REQ_MAX, id);
		break;
	case HVN_RNDIS_MSG_QUERY:
		len = hvn_rndis_build_query(msg, HVN_RNDIS_REQ_MAX, id, oid,
					    info, info_len);
		break;
	default:
		len = hvn_rndis_build_set(msg, HVN_RNDIS_REQ_MAX, id, oid, info,
					  info_len);
		break;
	}
	if (len < 0) {
		spin_lock_irqsave(&r->req_lock, flags);
		hvn_reqid_cancel(&r->reqs, id);
		spin_unlock_irqrestore(&r->req_lock, flags);
		ret = len;
		goto out;
	}

	mutex_lock(&r->ctl_lock);
	ret = hvn_rndis_exec(r, msg, len, req, id);
	if (!ret && hvn_rndis_parse_comp(req->resp, req->len, c, &r->ctl_viol)) {
		hvn_viol_log(r->dev, &r->ctl_viol);
		ret = -EPROTO;
	}
	if (!ret && c->type != (type | HVN_RNDIS_MSG_COMPLETION)) {
		hvn_viol(&r->ctl_viol, HVN_V_RNDIS_UNKNOWN_TYPE);
		hvn_viol_log(r->dev, &r->ctl_viol);
		ret = -EPROTO;
	}
	mutex_unlock(&r->ctl_lock);
out:
	kfree(msg);
	if (ret) {
		kfree(req);
		req = NULL;
	}
	*reqp = req;
	return ret;
}

static int hvn_rndis_query(struct hvn_rndis_dev *r, u32 oid, const void *in,
			   u32 in_len, void *out, u32 *out_len)
{
	struct hvn_rndis_req *req;
	struct hvn_rndis_comp c;
	int ret;

	ret = hvn_rndis_call(r, HVN_RNDIS_MSG_QUERY, oid, in, in_len, &req, &c);
	if (ret)
		return ret;
	if (c.status != HVN_RNDIS_STATUS_SUCCESS) {
		ret = -EIO;
	} else {
		*out_len = min(*out_len, c.info_len);
		if (*out_len)
			memcpy(out, c.info, *out_len);
	}
	kfree(req);
	return ret;
}

static int hvn_rndis_query_u32(struct hvn_rndis_dev *r, u32 oid, u32 *val)
{
	u32 len = sizeof(*val);
	int ret;

	ret = hvn_rndis_query(r, oid, NULL, 0, val, &len);
	if (!ret && len < sizeof(*val)) {
		hvn_viol(&r->ctl_viol, HVN_V_RNDIS_INFO_BOUNDS);
		hvn_viol_log(r->dev, &r->ctl_viol);
		ret = -EPROTO;
	}
	return ret;
}

static int hvn_rndis_set(struct hvn_rndis_dev *r, u32 oid, const void *info,
			 u32 len)
{
	struct hvn_rndis_req *req;
	struct hvn_rndis_comp c;
	int ret;

	ret = hvn_rndis_call(r, HVN_RNDIS_MSG_SET, oid, info, len, &req, &c);
	if (ret)
		return ret;
	if (c.status != HVN_RNDIS_STATUS_SUCCESS)
		ret = -EIO;
	kfree(req);
	return ret;
}

/**
 * hvn_rndis_set_filter() - set the receive packet filter
 * @r: device
 * @filter: HVN_NDIS_PACKET_TYPE_* bits
 *
 * Return: 0 or a negative errno.
 */
int hvn_rndis_set_filter(struct hvn_rndis_dev *r, u32 filter)
{
	return hvn_rndis_set(r, HVN_OID_GEN_CURRENT_PACKET_FILTER, &filter,
			     sizeof(filter));
}

/**
 * hvn_rndis_set_mac() - change the device's address
 * @r: device
 * @mac: new address
 *
 * Return: 0 or a negative errno.
 */
int hvn_rndis_set_mac(struct hvn_rndis_dev *r, const u8 *mac)
{
	u8 buf[HVN_RNDIS_MAC_PARAM_LEN];
	int len;

	len = hvn_rndis_build_mac_param(buf, sizeof(buf), mac);
	if (len < 0)
		return len;
	return hvn_rndis_set(r, HVN_OID_GEN_RNDIS_CONFIG_PARAMETER, buf, len);
}

/**
 * hvn_rndis_set_offload() - set the offload parameters from the plan
 * @r: device
 * @lro: enable receive-side coalescing (if the host has it)
 *
 * Return: 0 or a negative errno.
 */
int hvn_rndis_set_offload(struct hvn_rndis_dev *r, bool lro)
{
	struct hvn_ndis_offload_params p;
	u32 len;

	len = hvn_ndis_offload_params(&p, &r->plan, r->nvsp.ver, lro);
	return hvn_rndis_set(r, HVN_OID_TCP_OFFLOAD_PARAMETERS, &p, len);
}

/**
 * hvn_rndis_set_rss() - send the RSS key and indirection table
 * @r: device with more than one channel
 * @key: HVN_RSS_KEY_SIZE bytes
 * @itab: table; entries must name open channels
 * @n: entries
 *
 * RSS is first disabled and then set again, as the host expects.
 *
 * Return: 0 or a negative errno.
 */
int hvn_rndis_set_rss(struct hvn_rndis_dev *r, const u8 *key,
		      const u32 *itab, u32 n)
{
	static const u16 flags[] = { HVN_NDIS_RSS_PARAM_DISABLE_RSS, 0 };
	u8 *buf;
	int len, ret = 0;
	u32 i;

	if (hvn_indir_check(itab, n, r->num_chn))
		return -EINVAL;
	buf = kzalloc(HVN_RSS_PARAMS_LEN(HVN_RSS_ITAB_MAX), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(flags) && !ret; i++) {
		len = hvn_rndis_build_rss_params(buf,
						 HVN_RSS_PARAMS_LEN(HVN_RSS_ITAB_MAX),
						 flags[i], HVN_NDIS_HASH_DEFAULT,
						 key, itab, n);
		ret = len < 0 ? len :
		      hvn_rndis_set(r, HVN_OID_GEN_RECEIVE_SCALE_PARAMETERS, buf,
				    len);
	}
	kfree(buf);
	if (!ret) {
		memcpy(r->itab, itab, n * sizeof(*itab));
		r->itab_len = n;
	}
	return ret;
}

/* ---- receive path ---- */

/* A completion for one of our requests: copy it and wake the requester */
static void hvn_rndis_on_comp(struct hvn_rndis_dev *r, struct hvn_rndis_q *rq,
			      const u8 *msg, u32 len)
{
	struct hvn_rndis_req *req;
	struct hvn_rndis_comp c;
	unsigned long flags;
	u64 ctx;

	if (hvn_rndis_parse_comp(msg, len, &c, &rq->viol)) {
		hvn_viol_log(r->dev, &rq->viol);
		return;
	}
	if (c.type == HVN_RNDIS_MSG_RESET_C)
		return;		/* never requested; nothing to match */
	spin_lock_irqsave(&r->req_lock, flags);
	if (hvn_reqid_complete(&r->reqs, c.req_id, &ctx, &rq->viol)) {
		spin_unlock_irqrestore(&r->req_lock, flags);
		hvn_viol_log(r->dev, &rq->viol);
		return;
	}
	req = (struct hvn_rndis_req *)(uintptr_t)ctx;
	req->len = min_t(u32, ((const struct hvn_rndis_hdr *)msg)->msg_len,
			 sizeof(req->resp));
	memcpy(req->resp, msg, req->len);
	/* a cut-off copy must not claim more than it holds */
	((struct hvn_rndis_hdr *)req->resp)->msg_len = req->len;
	complete(&req->done);
	spin_unlock_irqrestore(&r->req_lock, flags);
}

static void hvn_rndis_on_indicate(struct hvn_rndis_dev *r,
				  struct hvn_rndis_q *rq, const u8 *msg, u32 len)
{
	struct hvn_rndis_indication ind;

	if (hvn_rndis_parse_indicate(msg, len, &ind, &rq->viol)) {
		hvn_viol_log(r->dev, &rq->viol);
		return;
	}
	switch (ind.status) {
	case HVN_RNDIS_STATUS_MEDIA_CONNECT:
		WRITE_ONCE(r->link_up, true);
		break;
	case HVN_RNDIS_STATUS_MEDIA_DISCONNECT:
		WRITE_ONCE(r->link_up, false);
		break;
	case HVN_RNDIS_STATUS_LINK_SPEED_CHANGE:
		WRITE_ONCE(r->link_mbps, hvn_rndis_link_speed_mbps(ind.link_speed));
		break;
	case HVN_RNDIS_STATUS_NETWORK_CHANGE:
		break;
	default:
		return;
	}
	r->ops->status(r->up, ind.status);
}

static void hvn_rndis_on_keepalive(struct hvn_rndis_dev *r,
				   struct hvn_rndis_q *rq, const u8 *msg,
				   u32 len)
{
	u8 buf[sizeof(struct hvn_rndis_hdr) +
	       sizeof(struct hvn_rndis_keepalive_comp)];
	u32 id;
	int n;

	if (hvn_rndis_parse_keepalive(msg, len, &id, &rq->viol)) {
		hvn_viol_log(r->dev, &rq->viol);
		return;
	}
	n = hvn_rndis_build_keepalive_c(buf, sizeof(buf), id,
					HVN_RNDIS_STATUS_SUCCESS);
	if (n > 0 && hvn_nvsp_send_control(&r->nvsp, buf, n))
		dev_warn_ratelimited(r->dev, "KEEPALIVE not answered\n");
}

/* One RNDIS message from a receive range (NAPI context) */
static int hvn_rndis_rx(void *up, u16 q, const u8 *msg, u32 len, bool last)
{
	struct hvn_rndis_dev *r = up;
	struct hvn_rndis_q *rq = r->q[q];
	struct hvn_rndis_rx_pkt rx;
	u32 type;
	int ret;

	if (!rq)
		return 0;
	if (!msg) {
		hvn_rsc_reset(&rq->rsc);
		return 0;
	}
	if (hvn_rndis_msg_type(msg, len, &type, &rq->viol))
		goto bad;

	switch (type) {
	case HVN_RNDIS_MSG_PACKET:
		break;
	case HVN_RNDIS_MSG_INDICATE:
		hvn_rndis_on_indicate(r, rq, msg, len);
		return 0;
	case HVN_RNDIS_MSG_KEEPALIVE:
		hvn_rndis_on_keepalive(r, rq, msg, len);
		return 0;
	default:
		hvn_rndis_on_comp(r, rq, msg, len);
		return 0;
	}

	if (hvn_rndis_parse_packet(msg, len, &rx, &rq->viol))
		goto bad;
	ret = hvn_rsc_add(&rq->rsc, &rx, last, &rq->viol);
	if (ret < 0) {
		hvn_viol_log(r->dev, &rq->viol);
		return 0;
	}
	if (ret != HVN_RSC_DONE)
		return 0;
	r->ops->rx_frame(r->up, q, &rq->rsc);
	return 1;
bad:
	hvn_viol_log(r->dev, &rq->viol);
	if (last)
		hvn_rsc_reset(&rq->rsc);
	return 0;
}

/**
 * hvn_rndis_poll() - handle one queue's channel
 * @r: device
 * @q: queue
 * @budget: NAPI budget
 *
 * Return: as hvn_nvsp_poll().
 */
int hvn_rndis_poll(struct hvn_rndis_dev *r, u16 q, int budget)
{
	return hvn_nvsp_poll(&r->nvsp, q, budget);
}

/* ---- send path ---- */

/**
 * hvn_rndis_xmit() - send one frame
 * @r: device
 * @q: queue (TX queue lock held)
 * @skb: the frame
 * @ti: per-packet info to attach
 * @copy: may be copied into a send section (not for LSO)
 * @more: more frames follow at once
 *
 * The RNDIS header goes into the skb's headroom.
 *
 * Return: as hvn_nvsp_xmit(); -ENOMEM when the skb could not be made
 * ready (the skb is still the caller's).
 */
int hvn_rndis_xmit(struct hvn_rndis_dev *r, u16 q, struct sk_buff *skb,
		   const struct hvn_rndis_tx_info *ti, bool copy, bool more)
{
	u32 hdr_len = hvn_rndis_tx_hdr_len(ti);
	bool linear = false;
	u8 *hdr;
	int ret;

again:
	if (skb_cow_head(skb, hdr_len))
		return -ENOMEM;
	hdr = skb->data - hdr_len;
	ret = hvn_rndis_build_packet(hdr, hdr_len, ti, skb->len);
	if (ret < 0)
		return ret;
	ret = hvn_nvsp_xmit(&r->nvsp, q, hdr, hdr_len, skb, copy, more);
	if (ret == -E2BIG && !linear) {
		r->nvsp.ch[q]->tx_linearized++;
		if (__skb_linearize(skb))
			return -ENOMEM;
		linear = true;
		goto again;
	}
	return ret;
}

/**
 * hvn_rndis_xmit_data() - send one frame from a flat buffer (XDP)
 * @r: device
 * @q: queue (TX queue lock held)
 * @data: the frame
 * @len: its length
 * @more: more frames follow at once
 *
 * No per-packet info: the frame goes as it is.  The caller keeps @data.
 *
 * Return: as hvn_nvsp_xmit_copy().
 */
int hvn_rndis_xmit_data(struct hvn_rndis_dev *r, u16 q, const void *data,
			u32 len, bool more)
{
	static const struct hvn_rndis_tx_info ti;
	u8 hdr[HVN_RNDIS_TX_HDR_MAX];
	u32 hdr_len = hvn_rndis_tx_hdr_len(&ti);
	int ret;

	ret = hvn_rndis_build_packet(hdr, hdr_len, &ti, len);
	if (ret < 0)
		return ret;
	return hvn_nvsp_xmit_copy(&r->nvsp, q, hdr, hdr_len, data, len, more);
}

/* ---- device bring up ---- */

static void hvn_rndis_event(void *up, u16 q)
{
	struct hvn_rndis_dev *r = up;

	r->ops->event(r->up, q);
}

static int hvn_rndis_chan_up(void *up, u16 q)
{
	struct hvn_rndis_dev *r = up;
	int ret;

	if (!r->q[q]) {
		r->q[q] = kvzalloc_obj(*r->q[q], GFP_KERNEL);
		if (!r->q[q])
			return -ENOMEM;
	}
	ret = r->ops->chan_up(r->up, r, q);
	return ret;
}

static void hvn_rndis_chan_down(void *up, u16 q)
{
	struct hvn_rndis_dev *r = up;

	r->ops->chan_down(r->up, q);
}

static void hvn_rndis_tx_done(void *up, u16 q, struct sk_buff *skb)
{
	struct hvn_rndis_dev *r = up;

	r->ops->tx_done(r->up, q, skb);
}

static void hvn_rndis_vf_assoc(void *up, bool allocated, u32 serial)
{
	struct hvn_rndis_dev *r = up;

	r->ops->vf_assoc(r->up, allocated, serial);
}

static void hvn_rndis_vf_dp_synthetic(void *up)
{
	struct hvn_rndis_dev *r = up;

	r->ops->vf_dp_synthetic(r->up);
}

static const struct hvn_nvsp_ops hvn_rndis_nvsp_ops = {
	.event = hvn_rndis_event,
	.chan_up = hvn_rndis_chan_up,
	.chan_down = hvn_rndis_chan_down,
	.rx = hvn_rndis_rx,
	.tx_done = hvn_rndis_tx_done,
	.vf_assoc = hvn_rndis_vf_assoc,
	.vf_dp_synthetic = hvn_rndis_vf_dp_synthetic,
};

static int hvn_rndis_init_device(struct hvn_rndis_dev *r)
{
	struct hvn_rndis_req *req;
	struct hvn_rndis_comp c;
	int ret;

	ret = hvn_rndis_call(r, HVN_RNDIS_MSG_INIT, 0, NULL, 0, &req, &c);
	if (ret)
		return ret;
	if (c.status != HVN_RNDIS_STATUS_SUCCESS) {
		dev_err(r->dev, "RNDIS INIT refused: %#x\n", c.status);
		ret = -EIO;
	} else {
		r->nvsp.max_pkt = clamp_t(u32, c.max_pkt_per_msg, 1, 64);
		r->nvsp.pkt_align = c.pkt_align;
	}
	kfree(req);
	return ret;
}

static void hvn_rndis_query_name(struct hvn_rndis_dev *r)
{
	u8 *buf = kzalloc(HVN_RNDIS_RESP_MAX, GFP_KERNEL);
	u32 len = HVN_RNDIS_RESP_MAX, i;

	if (!buf)
		return;
	if (!hvn_rndis_query(r, HVN_OID_GEN_FRIENDLY_NAME, NULL, 0, buf, &len)) {
		/* UTF-16LE; keep the ASCII part */
		for (i = 0; i + 1 < len && i / 2 < sizeof(r->friendly) - 1; i += 2) {
			if (!buf[i] && !buf[i + 1])
				break;
			r->friendly[i / 2] = (buf[i + 1] || buf[i] > 0x7e ||
					      buf[i] < 0x20) ? '?' : buf[i];
		}
	}
	kfree(buf);
}

static int hvn_rndis_query_caps(struct hvn_rndis_dev *r, bool lro)
{
	struct hvn_ndis_offload caps, in;
	struct hvn_ndis_rss_caps rin;
	u8 buf[sizeof(struct hvn_ndis_offload)];
	u32 len, val;
	int ret;

	hvn_ndis_offload_caps_hdr(&in, r->nvsp.ver);
	len = sizeof(buf);
	ret = hvn_rndis_query(r, HVN_OID_TCP_OFFLOAD_HARDWARE_CAPABILITIES,
			      &in, in.hdr.size, buf, &len);
	if (!ret && hvn_ndis_parse_offload_caps(buf, len, &caps, &r->ctl_viol)) {
		hvn_viol_log(r->dev, &r->ctl_viol);
		ret = -EPROTO;
	}
	if (ret) {
		dev_warn(r->dev, "no offload capabilities (%d): no offloads\n", ret);
		memset(&caps, 0, sizeof(caps));
	}
	hvn_offload_plan(&caps, r->nvsp.ver, &r->plan);
	ret = hvn_rndis_set_offload(r, lro && r->plan.rsc);
	if (ret)
		return ret;

	if (!hvn_rndis_query_u32(r, HVN_OID_GEN_MEDIA_CONNECT_STATUS, &val))
		r->link_up = val == HVN_NDIS_MEDIA_STATE_CONNECTED;
	if (r->nvsp.ver < HVN_NVSP_VERSION_5)
		return 0;
	if (!hvn_rndis_query_u32(r, HVN_OID_GEN_LINK_SPEED, &val))
		r->link_mbps = hvn_rndis_link_speed_mbps(val);

	hvn_ndis_rss_caps_hdr(&rin);
	len = sizeof(buf);
	if (hvn_rndis_query(r, HVN_OID_GEN_RECEIVE_SCALE_CAPABILITIES, &rin,
			    sizeof(rin), buf, &len))
		return 0;
	if (hvn_ndis_parse_rss_caps(buf, len, &r->rss, &r->ctl_viol)) {
		hvn_viol_log(r->dev, &r->ctl_viol);
		return 0;
	}
	r->has_rss = r->rss.num_queues >= 2;
	return 0;
}

/**
 * hvn_rndis_open() - bring up NVSP and the RNDIS device
 * @hdev: VMBus device
 * @cfg: settings
 * @ops: upper layer callbacks
 * @up: their first argument
 *
 * Return: the device or an ERR_PTR().
 */
struct hvn_rndis_dev *hvn_rndis_open(struct hv_device *hdev,
				     const struct hvn_rndis_cfg *cfg,
				     const struct hvn_rndis_ops *ops, void *up)
{
	struct hvn_rndis_dev *r;
	u32 len, want, n;
	const u32 *itab;
	int ret;

	r = kzalloc_obj(*r, GFP_KERNEL);
	if (!r)
		return ERR_PTR(-ENOMEM);
	r->dev = &hdev->device;
	r->ops = ops;
	r->up = up;
	r->num_chn = 1;
	spin_lock_init(&r->req_lock);
	mutex_init(&r->ctl_lock);
	hvn_reqid_init(&r->reqs, r->slots, HVN_RNDIS_REQS, true);

	ret = hvn_nvsp_open(&r->nvsp, hdev, &cfg->nvsp, &hvn_rndis_nvsp_ops, r);
	if (ret)
		goto fail;
	ret = hvn_rndis_init_device(r);
	if (ret)
		goto fail;

	if (hvn_rndis_query_u32(r, HVN_OID_GEN_MAXIMUM_FRAME_SIZE, &r->max_frame))
		r->max_frame = 0;
	len = ETH_ALEN;
	ret = hvn_rndis_query(r, HVN_OID_802_3_PERMANENT_ADDRESS, NULL, 0,
			      r->perm_mac, &len);
	if (!ret && len < ETH_ALEN) {
		hvn_viol(&r->ctl_viol, HVN_V_RNDIS_INFO_BOUNDS);
		hvn_viol_log(r->dev, &r->ctl_viol);
		ret = -EPROTO;
	}
	if (ret)
		goto fail;
	if (!is_valid_ether_addr(r->perm_mac)) {
		dev_warn(r->dev, "host gave invalid address %pM, using a random one\n",
			 r->perm_mac);
		eth_random_addr(r->perm_mac);
	}
	hvn_rndis_query_name(r);
	ret = hvn_rndis_query_caps(r, cfg->lro);
	if (ret)
		goto fail;

	want = hvn_indir_num_channels(cfg->channels, num_online_cpus(),
				      r->has_rss ? r->rss.num_queues : 1);
	if (want > 1)
		r->num_chn = hvn_nvsp_subchannels(&r->nvsp, want);
	if (r->num_chn > 1) {
		n = r->rss.itab_size;
		itab = cfg->itab;
		if (!itab || cfg->itab_len != n || hvn_indir_check(itab, n, r->num_chn)) {
			hvn_indir_fill_default(r->itab, n, r->num_chn);
			itab = r->itab;
		}
		ret = hvn_rndis_set_rss(r, cfg->rss_key ? cfg->rss_key :
					hvn_rndis_default_key, itab, n);
		if (ret)
			dev_warn(r->dev, "RSS parameters not accepted: %d\n", ret);
	}
	return r;

fail:
	hvn_rndis_close(r);
	return ERR_PTR(ret);
}

/**
 * hvn_rndis_close() - halt the RNDIS device and close everything below
 * @r: device
 */
void hvn_rndis_close(struct hvn_rndis_dev *r)
{
	u8 buf[sizeof(struct hvn_rndis_hdr) + sizeof(struct hvn_rndis_halt_req)];
	int len, tries = 0;
	u32 q;
	u64 id;

	if (r->nvsp.sbuf_posted && !r->nvsp.hdev->channel->rescind) {
		/* no data packet may reach the host after HALT */
		hvn_nvsp_drain(&r->nvsp);
		/* HALT has no completion: its id is only taken to be unique */
		if (!hvn_reqid_alloc(&r->reqs, 0, &id)) {
			len = hvn_rndis_build_halt(buf, sizeof(buf), id);
			while (len > 0 &&
			       hvn_nvsp_send_control(&r->nvsp, buf, len) == -EBUSY &&
			       ++tries < 1000)
				usleep_range(500, 1000);
			hvn_reqid_cancel(&r->reqs, id);
			r->halted = true;
		}
	}
	hvn_nvsp_close(&r->nvsp);
	for (q = 0; q < HVN_MAX_CHANNELS; q++)
		kvfree(r->q[q]);
	kfree(r);
}

/**
 * hvn_rndis_sum_viol() - add up all violation counters below the netdev
 * @r: device
 * @sum: counters to add to
 */
void hvn_rndis_sum_viol(struct hvn_rndis_dev *r, struct hvn_violations *sum)
{
	const struct hvn_violations *v;
	u32 q, i;

	hvn_nvsp_sum_viol(&r->nvsp, sum);
	for (q = 0; q <= HVN_MAX_CHANNELS; q++) {
		if (q == HVN_MAX_CHANNELS) {
			v = &r->ctl_viol;
		} else {
			if (!r->q[q])
				continue;
			v = &r->q[q]->viol;
		}
		for (i = 0; i < HVN_V_NR; i++)
			sum->cnt[i] += READ_ONCE(v->cnt[i]);
		sum->total += READ_ONCE(v->total);
	}
}
