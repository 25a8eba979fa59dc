// SPDX-License-Identifier: GPL-2.0
/*
 * Native XDP: the program attached with ndo_bpf runs on every received
 * frame before an skb exists; XDP_TX and frames other devices redirect
 * here (ndo_xdp_xmit) are copied into send sections.
 *
 * The receive buffer belongs to the host and is returned at the end of
 * the poll, so each frame is first copied into a page of its own with
 * XDP_PACKET_HEADROOM in front: that page can become an skb (XDP_PASS)
 * or leave with a redirect (memory model MEM_TYPE_PAGE_SHARED: whoever
 * ends up with it frees it with page_frag_free()).  Dropped and sent-back
 * frames leave their page for the next frame.
 */
#include <linux/bpf.h>
#include <linux/bpf_trace.h>
#include <linux/filter.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include "compat.h"
#include "netdev.h"

#define HVN_XDP_TAILROOM	SKB_DATA_ALIGN(sizeof(struct skb_shared_info))
#define HVN_XDP_FRAME_MAX	(PAGE_SIZE - XDP_PACKET_HEADROOM - HVN_XDP_TAILROOM)

/**
 * hvn_xdp_max_mtu() - largest MTU whose frames fit one XDP page
 *
 * Return: MTU in bytes.
 */
u32 hvn_xdp_max_mtu(void)
{
	return HVN_XDP_FRAME_MAX - VLAN_ETH_HLEN;
}

static void hvn_xdp_count(u64 *c)
{
	WRITE_ONCE(*c, *c + 1);
}

/**
 * hvn_xdp_rxq_reg() - register a queue's XDP receive info (channel open)
 * @hq: queue, its NAPI added
 *
 * Return: 0 or a negative errno.
 */
int hvn_xdp_rxq_reg(struct hvn_queue *hq)
{
	int ret;

	ret = xdp_rxq_info_reg(&hq->xdp_rxq, hq->priv->ndev, hq->q,
			       hq->napi.napi_id);
	if (ret)
		return ret;
	ret = xdp_rxq_info_reg_mem_model(&hq->xdp_rxq, MEM_TYPE_PAGE_SHARED,
					 NULL);
	if (ret) {
		xdp_rxq_info_unreg(&hq->xdp_rxq);
		return ret;
	}
	hq->xdp_rxq_on = true;
	return 0;
}

/**
 * hvn_xdp_rxq_unreg() - undo hvn_xdp_rxq_reg() (channel closed, NAPI off)
 * @hq: queue
 */
void hvn_xdp_rxq_unreg(struct hvn_queue *hq)
{
	if (hq->xdp_page) {
		put_page(hq->xdp_page);
		hq->xdp_page = NULL;
	}
	if (!hq->xdp_rxq_on)
		return;
	xdp_rxq_info_unreg(&hq->xdp_rxq);
	hq->xdp_rxq_on = false;
}

/* A page for the next frame: the kept one if nobody else holds it */
static struct page *hvn_xdp_page(struct hvn_queue *hq)
{
	struct page *page = hq->xdp_page;

	if (page) {
		hq->xdp_page = NULL;
		if (page_ref_count(page) == 1)
			return page;
		put_page(page);
	}
	return dev_alloc_page();
}

static void hvn_xdp_keep(struct hvn_queue *hq, struct page *page)
{
	if (hq->xdp_page)
		put_page(hq->xdp_page);
	hq->xdp_page = page;
}

/* XDP_TX: back out on the same queue, copied into a send section */
static bool hvn_xdp_tx(struct hvn_queue *hq, const struct xdp_buff *xdp)
{
	struct net_device *ndev = hq->priv->ndev;
	struct netdev_queue *txq;
	struct hvn_rndis_dev *r = hq->r;
	int ret;

	if (hq->q >= ndev->real_num_tx_queues)
		return false;
	txq = netdev_get_tx_queue(ndev, hq->q);
	__netif_tx_lock(txq, smp_processor_id());
	/* sent by the flush at the end of the poll, or when it fills */
	ret = hvn_rndis_xmit_data(r, hq->q, xdp->data, xdp->data_end - xdp->data,
				  true);
	__netif_tx_unlock(txq);
	return !ret;
}

/**
 * hvn_xdp_rx() - run the program on one received frame (NAPI context)
 * @hq: queue
 * @prog: the program (RCU held by NAPI)
 * @rsc: the frame, in the receive buffer (one or more pieces)
 *
 * Return: an skb to pass up (XDP_PASS), or NULL when the frame was
 * consumed (dropped, sent back, redirected).
 */
struct sk_buff *hvn_xdp_rx(struct hvn_queue *hq, struct bpf_prog *prog,
			   const struct hvn_rsc *rsc)
{
	struct net_device *ndev = hq->priv->ndev;
	struct xdp_buff xdp;
	struct sk_buff *skb;
	struct page *page;
	u32 act, i, off;
	u8 *va;

	if (rsc->pktlen > HVN_XDP_FRAME_MAX) {
		/* the MTU is capped for XDP: only a coalesced frame gets here */
		hvn_xdp_count(&hq->xdp_drop);
		return NULL;
	}
	page = hvn_xdp_page(hq);
	if (!page) {
		hvn_stat_inc(hq->priv, HVN_ST_RX_NO_MEMORY);
		dev_core_stats_rx_dropped_inc(ndev);
		return NULL;
	}
	va = page_address(page);
	for (i = 0, off = XDP_PACKET_HEADROOM; i < rsc->cnt; i++) {
		memcpy(va + off, rsc->frag[i].data, rsc->frag[i].len);
		off += rsc->frag[i].len;
	}
	xdp_init_buff(&xdp, PAGE_SIZE, &hq->xdp_rxq);
	xdp_prepare_buff(&xdp, va, XDP_PACKET_HEADROOM, rsc->pktlen, false);

	act = bpf_prog_run_xdp(prog, &xdp);
	switch (act) {
	case XDP_PASS:
		skb = napi_build_skb(va, PAGE_SIZE);
		if (!skb) {
			hvn_xdp_keep(hq, page);
			hvn_stat_inc(hq->priv, HVN_ST_RX_NO_MEMORY);
			dev_core_stats_rx_dropped_inc(ndev);
			return NULL;
		}
		skb_reserve(skb, xdp.data - xdp.data_hard_start);
		skb_put(skb, xdp.data_end - xdp.data);
		if (xdp.data_meta < xdp.data)
			skb_metadata_set(skb, xdp.data - xdp.data_meta);
		return skb;
	case XDP_TX:
		if (hvn_xdp_tx(hq, &xdp)) {
			hvn_xdp_count(&hq->xdp_tx);
			hvn_xdp_keep(hq, page);
			return NULL;
		}
		trace_xdp_exception(ndev, prog, act);
		break;
	case XDP_REDIRECT:
		if (!xdp_do_redirect(ndev, &xdp, prog)) {
			/* the page is the target's now */
			hq->xdp_redirected++;
			hvn_xdp_count(&hq->xdp_redirect);
			return NULL;
		}
		trace_xdp_exception(ndev, prog, act);
		break;
	default:
		bpf_warn_invalid_xdp_action(ndev, prog, act);
		fallthrough;
	case XDP_ABORTED:
		trace_xdp_exception(ndev, prog, act);
		break;
	case XDP_DROP:
		break;
	}
	hvn_xdp_count(&hq->xdp_drop);
	hvn_xdp_keep(hq, page);
	return NULL;
}

/**
 * hvn_xdp_poll_end() - end of a NAPI poll: deliver what was redirected
 * @hq: queue
 */
void hvn_xdp_poll_end(struct hvn_queue *hq)
{
	if (!hq->xdp_redirected)
		return;
	hq->xdp_redirected = 0;
	xdp_do_flush();
}

/**
 * hvn_xdp_xmit() - ndo_xdp_xmit: frames redirected here by other devices
 * @ndev: this interface
 * @n: number of frames
 * @frames: the frames
 * @flags: XDP_XMIT_FLUSH: send now
 *
 * Every frame is copied into a send section and returned at once; one
 * that cannot be sent is dropped here.  All @n are consumed, which is
 * right both for kernels where the caller frees unsent frames and for
 * those where the driver does.
 *
 * Return: @n, or a negative errno when nothing was taken.
 */
int hvn_xdp_xmit(struct net_device *ndev, int n, struct xdp_frame **frames,
		 u32 flags)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct netdev_queue *txq;
	struct hvn_rndis_dev *r;
	struct net_device *vf;
	struct hvn_queue *hq;
	int i, ret;
	u16 q;

	if (unlikely(flags & ~XDP_XMIT_FLAGS_MASK))
		return -EINVAL;
	/* while the data path is on the VF, so are these frames */
	vf = hvn_vf_xdp_dev(p);
	if (vf) {
		ret = vf->netdev_ops->ndo_xdp_xmit(vf, n, frames, flags);
		if (ret >= 0)
			return ret;
	}
	r = rcu_dereference(p->rdev);
	if (unlikely(!r || !netif_carrier_ok(ndev)))
		return -ENETDOWN;
	q = smp_processor_id() % r->num_chn;
	hq = &p->q[q];
	txq = netdev_get_tx_queue(ndev, q);
	__netif_tx_lock(txq, smp_processor_id());
	for (i = 0; i < n; i++) {
		ret = hvn_rndis_xmit_data(r, q, frames[i]->data, frames[i]->len,
					  true);
		if (ret)
			dev_core_stats_tx_dropped_inc(ndev);
		else
			hvn_xdp_count(&hq->xdp_xmit);
		xdp_return_frame(frames[i]);
	}
	if (flags & XDP_XMIT_FLUSH)
		hvn_rndis_flush(r, q);
	__netif_tx_unlock(txq);
	return n;
}

static int hvn_xdp_set(struct net_device *ndev, struct bpf_prog *prog,
		       struct netlink_ext_ack *extack)
{
	struct hvn_priv *p = netdev_priv(ndev);
	struct bpf_prog *old;
	int ret;

	if (prog && (ndev->features & NETIF_F_LRO)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "XDP needs LRO off: ethtool -K <dev> lro off");
		return -EOPNOTSUPP;
	}
	if (prog && ndev->mtu > hvn_xdp_max_mtu()) {
		NL_SET_ERR_MSG_MOD(extack, "MTU too large for XDP");
		netdev_warn(ndev, "XDP needs an MTU of at most %u\n",
			    hvn_xdp_max_mtu());
		return -EOPNOTSUPP;
	}
	/* the VF runs the same program; if it cannot, nothing is attached */
	ret = hvn_vf_set_xdp(p, prog, extack);
	if (ret && prog)
		return ret;
	old = rtnl_dereference(p->xdp_prog);
	rcu_assign_pointer(p->xdp_prog, prog);
	if (old)
		bpf_prog_put(old);
	/* LRO is held off while a program is attached */
	netdev_update_features(ndev);
	return 0;
}

/**
 * hvn_xdp_bpf() - ndo_bpf
 * @ndev: interface
 * @bpf: command
 *
 * Return: 0 or a negative errno.
 */
int hvn_xdp_bpf(struct net_device *ndev, struct netdev_bpf *bpf)
{
	switch (bpf->command) {
	case XDP_SETUP_PROG:
		return hvn_xdp_set(ndev, bpf->prog, bpf->extack);
	default:
		return -EINVAL;
	}
}

/**
 * hvn_xdp_teardown() - drop the program when the interface goes away
 * @p: device, detached
 */
void hvn_xdp_teardown(struct hvn_priv *p)
{
	struct bpf_prog *old = rcu_dereference_protected(p->xdp_prog, true);

	RCU_INIT_POINTER(p->xdp_prog, NULL);
	if (old)
		bpf_prog_put(old);
}
