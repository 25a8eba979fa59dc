// SPDX-License-Identifier: GPL-2.0
/*
 * Native XDP: the program attached with ndo_bpf runs on every received
 * frame before an skb exists; XDP_TX and frames other devices redirect
 * here (ndo_xdp_xmit) are copied into send sections.
 *
 * The receive buffer belongs to the host and is returned at the end of
 * the poll, so each frame is first copied into pages of the queue's page
 * pool, with XDP_PACKET_HEADROOM in front of the first: those pages can
 * become an skb (XDP_PASS) or leave with a redirect (memory model
 * MEM_TYPE_PAGE_POOL: whoever ends up with them returns them to the
 * pool).  Dropped and sent-back frames go straight back to the pool.
 *
 * A frame longer than one page (jumbo MTU, or coalesced by the host) is
 * given to a program loaded with multi-buffer support as a head page and
 * fragment pages; a program without it never sees one: while it is
 * attached LRO stays off and the MTU fits one page.
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
/* pages a queue's pool keeps for reuse */
#define HVN_XDP_POOL_SIZE	256

/**
 * hvn_xdp_max_mtu() - largest MTU whose frames fit one XDP page
 *
 * Return: MTU in bytes.
 */
u32 hvn_xdp_max_mtu(void)
{
	return HVN_XDP_FRAME_MAX - VLAN_ETH_HLEN;
}

/**
 * hvn_xdp_single_buf() - is a program attached that takes only frames of
 * one page?
 * @p: device (RTNL)
 *
 * Return: true while such a program holds LRO off and caps the MTU.
 */
bool hvn_xdp_single_buf(struct hvn_priv *p)
{
	struct bpf_prog *prog = rtnl_dereference(p->xdp_prog);

	return prog && !hvn_xdp_prog_frags(prog);
}

static void hvn_xdp_count(u64 *c)
{
	WRITE_ONCE(*c, *c + 1);
}

/**
 * hvn_xdp_rxq_reg() - create a queue's page pool and register its XDP
 * receive info (channel open)
 * @hq: queue, its NAPI added
 *
 * Return: 0 or a negative errno.
 */
int hvn_xdp_rxq_reg(struct hvn_queue *hq)
{
	struct page_pool_params pp = {
		.order = 0,
		.pool_size = HVN_XDP_POOL_SIZE,
		.nid = NUMA_NO_NODE,
	};
	int ret;

	hq->pool = page_pool_create(&pp);
	if (IS_ERR(hq->pool)) {
		ret = PTR_ERR(hq->pool);
		hq->pool = NULL;
		return ret;
	}
	ret = xdp_rxq_info_reg(&hq->xdp_rxq, hq->priv->ndev, hq->q,
			       hq->napi.napi_id);
	if (ret)
		goto fail_pool;
	ret = xdp_rxq_info_reg_mem_model(&hq->xdp_rxq, MEM_TYPE_PAGE_POOL,
					 hq->pool);
	if (ret)
		goto fail_rxq;
	hq->xdp_rxq_on = true;
	return 0;

fail_rxq:
	xdp_rxq_info_unreg(&hq->xdp_rxq);
fail_pool:
	page_pool_destroy(hq->pool);
	hq->pool = NULL;
	return ret;
}

/**
 * hvn_xdp_rxq_unreg() - undo hvn_xdp_rxq_reg() (channel closed, NAPI off)
 * @hq: queue
 *
 * The pool goes away once the last of its pages held elsewhere (an skb,
 * a redirect target) has come back.
 */
void hvn_xdp_rxq_unreg(struct hvn_queue *hq)
{
	if (hq->xdp_rxq_on) {
		xdp_rxq_info_unreg(&hq->xdp_rxq);
		hq->xdp_rxq_on = false;
	}
	if (hq->pool) {
		page_pool_destroy(hq->pool);
		hq->pool = NULL;
	}
}

/* Every page of a frame back to the pool (NAPI context) */
static void hvn_xdp_recycle(struct hvn_queue *hq, struct xdp_buff *xdp)
{
	struct skb_shared_info *sinfo;
	u32 i;

	if (xdp_buff_has_frags(xdp)) {
		sinfo = xdp_get_shared_info_from_buff(xdp);
		for (i = 0; i < sinfo->nr_frags; i++)
			page_pool_put_full_page(hq->pool,
						skb_frag_page(&sinfo->frags[i]),
						true);
	}
	page_pool_put_full_page(hq->pool,
				virt_to_head_page(xdp->data_hard_start), true);
}

/* Reads a frame out of its receive buffer pieces, in order */
struct hvn_xdp_cursor {
	const struct hvn_rsc *rsc;
	u32 i;
	u32 off;
};

static void hvn_xdp_copy(struct hvn_xdp_cursor *c, u8 *dst, u32 len)
{
	const struct hvn_rsc_frag *f;
	u32 n;

	while (len) {
		f = &c->rsc->frag[c->i];
		n = min(len, f->len - c->off);
		memcpy(dst, f->data + c->off, n);
		dst += n;
		len -= n;
		c->off += n;
		if (c->off == f->len) {
			c->i++;
			c->off = 0;
		}
	}
}

/*
 * Copy a received frame into pool pages and describe it in @xdp: the head
 * page, then fragment pages for a program that takes them.  False when
 * the frame was dropped (counted).
 */
static bool hvn_xdp_fill(struct hvn_queue *hq, const struct bpf_prog *prog,
			 const struct hvn_rsc *rsc, struct xdp_buff *xdp)
{
	struct hvn_xdp_cursor c = { .rsc = rsc };
	u32 head = min_t(u32, rsc->pktlen, HVN_XDP_FRAME_MAX);
	struct page *page;
	u32 off, len;

	if (rsc->pktlen > head && !hvn_xdp_prog_frags(prog)) {
		/* the MTU is capped for such a program: only RSC gets here */
		hvn_xdp_count(&hq->xdp_drop);
		return false;
	}
	page = page_pool_dev_alloc_pages(hq->pool);
	if (!page)
		goto nomem;
	xdp_init_buff(xdp, PAGE_SIZE, &hq->xdp_rxq);
	xdp_prepare_buff(xdp, page_address(page), XDP_PACKET_HEADROOM, head,
			 false);
	hvn_xdp_copy(&c, xdp->data, head);
	for (off = head; off < rsc->pktlen; off += len) {
		len = min_t(u32, rsc->pktlen - off, PAGE_SIZE);
		page = page_pool_dev_alloc_pages(hq->pool);
		if (!page) {
			hvn_xdp_recycle(hq, xdp);
			goto nomem;
		}
		if (!xdp_buff_add_frag(xdp, page_to_netmem(page), 0, len,
				       PAGE_SIZE)) {
			/* more than an skb can hold */
			page_pool_put_full_page(hq->pool, page, true);
			hvn_xdp_recycle(hq, xdp);
			hvn_xdp_count(&hq->xdp_drop);
			return false;
		}
		hvn_xdp_copy(&c, page_address(page), len);
	}
	return true;

nomem:
	hvn_stat_inc(hq->priv, HVN_ST_RX_NO_MEMORY);
	dev_core_stats_rx_dropped_inc(hq->priv->ndev);
	return false;
}

/* XDP_PASS: an skb around the frame's pages, which it takes over */
static struct sk_buff *hvn_xdp_skb(struct hvn_queue *hq, struct xdp_buff *xdp)
{
	u32 head = xdp->data_end - xdp->data, nr = 0, size = 0;
	struct sk_buff *skb;

	/* building the skb clears the count of fragments */
	if (xdp_buff_has_frags(xdp)) {
		nr = xdp_get_shared_info_from_buff(xdp)->nr_frags;
		size = xdp_get_buff_len(xdp) - head;
	}
	skb = napi_build_skb(xdp->data_hard_start, PAGE_SIZE);
	if (!skb) {
		hvn_xdp_recycle(hq, xdp);
		return NULL;
	}
	skb_reserve(skb, xdp->data - xdp->data_hard_start);
	skb_put(skb, head);
	if (xdp->data_meta < xdp->data)
		skb_metadata_set(skb, xdp->data - xdp->data_meta);
	if (nr)
		xdp_update_skb_frags_info(skb, nr, size, nr * PAGE_SIZE,
					  xdp_buff_get_skb_flags(xdp));
	hvn_skb_mark_for_recycle(skb, hq->pool);
	return skb;
}

/* XDP_TX: back out on the same queue, copied into a send section */
static bool hvn_xdp_tx(struct hvn_queue *hq, struct xdp_buff *xdp)
{
	struct net_device *ndev = hq->priv->ndev;
	struct netdev_queue *txq;
	struct hvn_rndis_dev *r = hq->r;
	int ret;

	/* a send section holds one contiguous frame */
	if (xdp_buff_has_frags(xdp) || hq->q >= ndev->real_num_tx_queues)
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
	u32 act;

	if (!hvn_xdp_fill(hq, prog, rsc, &xdp))
		return NULL;

	act = bpf_prog_run_xdp(prog, &xdp);
	switch (act) {
	case XDP_PASS:
		skb = hvn_xdp_skb(hq, &xdp);
		if (!skb) {
			hvn_stat_inc(hq->priv, HVN_ST_RX_NO_MEMORY);
			dev_core_stats_rx_dropped_inc(ndev);
		}
		return skb;
	case XDP_TX:
		if (hvn_xdp_tx(hq, &xdp)) {
			hvn_xdp_count(&hq->xdp_tx);
			hvn_xdp_recycle(hq, &xdp);
			return NULL;
		}
		trace_xdp_exception(ndev, prog, act);
		break;
	case XDP_REDIRECT:
		if (!xdp_do_redirect(ndev, &xdp, prog)) {
			/* the pages are the target's now */
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
	hvn_xdp_recycle(hq, &xdp);
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
		/* a send section holds one contiguous frame */
		if (xdp_frame_has_frags(frames[i]))
			ret = -EMSGSIZE;
		else
			ret = hvn_rndis_xmit_data(r, q, frames[i]->data,
						  frames[i]->len, true);
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

	/* a program with multi-buffer support takes any frame */
	if (prog && !hvn_xdp_prog_frags(prog) &&
	    (ndev->features & NETIF_F_LRO)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "XDP needs LRO off: ethtool -K <dev> lro off");
		return -EOPNOTSUPP;
	}
	if (prog && !hvn_xdp_prog_frags(prog) && ndev->mtu > hvn_xdp_max_mtu()) {
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
	/* LRO is held off while a single-buffer program is attached */
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
