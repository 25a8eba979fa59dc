// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim NVSP host: version negotiation per host profile, NDIS config
 * and version, receive/send buffers, RNDIS packet transport, sub-channels,
 * data path switch.  Every guest message is checked here, by the host's own
 * rules, before anything acts on it.
 */
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/delay.h>
#include <hvn/vmbus_pkt.h>
#include <hvn/nvsp.h>
#include <hvn/rndis.h>
#include "hostsim.h"

struct hs_nvsp {
	u32 version;		/* negotiated, 0 before INIT succeeded */
	bool ndis_config;
	u32 ndis_mtu;		/* frame size incl. the Ethernet header */
	u64 caps;
	bool ndis_ver;
	u32 ndis_major, ndis_minor;
	bool recv_buf, send_buf;
	u32 datapath;
	u64 dp_switches;	/* SWITCH_DATA_PATH messages */
	u32 subchannels;
	u64 msgs[140];		/* per message type, guest -> host */
};

static const u32 hs_nvsp_versions[] = {
	HVN_NVSP_VERSION_1, HVN_NVSP_VERSION_2, HVN_NVSP_VERSION_4,
	HVN_NVSP_VERSION_5, HVN_NVSP_VERSION_6, HVN_NVSP_VERSION_61,
};

int hs_nvsp_alloc(struct hs_dev *d)
{
	d->nvsp = kzalloc(sizeof(*d->nvsp), GFP_KERNEL);
	return d->nvsp ? 0 : -ENOMEM;
}

void hs_nvsp_free(struct hs_dev *d)
{
	kfree(d->nvsp);
	d->nvsp = NULL;
}

u32 hs_nvsp_version_of(struct hs_dev *d)
{
	return d->nvsp->version;
}

u32 hs_nvsp_mtu_of(struct hs_dev *d)
{
	return d->nvsp->ndis_mtu ? d->nvsp->ndis_mtu : ETH_FRAME_LEN;
}

bool hs_nvsp_ready(struct hs_dev *d)
{
	return d->nvsp->recv_buf && d->rbuf;
}

/* The guest closed the primary channel: all NVSP state goes. */
void hs_nvsp_reset(struct hs_dev *d)
{
	struct hs_nvsp *n = d->nvsp;
	u64 msgs[ARRAY_SIZE(n->msgs)], sw = n->dp_switches;
	bool keep_vf = d->vf_assigned && READ_ONCE(d->dp_vf);

	memcpy(msgs, n->msgs, sizeof(msgs));
	memset(n, 0, sizeof(*n));
	memcpy(n->msgs, msgs, sizeof(msgs));
	n->dp_switches = sw;
	/*
	 * The guest starts over: the VF association must be sent again.  The
	 * data path is the VF port's and outlives the session while the VF
	 * stays assigned (as OpenVMM keeps it across a restart of the
	 * synthetic device): frames keep going to the VF.
	 */
	d->vf_allocated = false;
	if (keep_vf)
		n->datapath = HVN_NVSP_DATAPATH_VF;
	WRITE_ONCE(d->dp_vf, keep_vf);
	n->ndis_mtu = ETH_FRAME_LEN;
	hs_rndis_reset(d);
}

/*
 * Hibernation, after hs_nvsp_reset() of the closed channel: the VM the
 * host sees next is a new one, so the VF path a reset keeps goes too.
 */
void hs_nvsp_forget_vm(struct hs_dev *d)
{
	d->nvsp->datapath = HVN_NVSP_DATAPATH_SYNTHETIC;
	WRITE_ONCE(d->dp_vf, false);
}

static const char *hs_ver_name(u32 v)
{
	switch (v) {
	case HVN_NVSP_VERSION_1: return "1";
	case HVN_NVSP_VERSION_2: return "2";
	case HVN_NVSP_VERSION_4: return "4";
	case HVN_NVSP_VERSION_5: return "5";
	case HVN_NVSP_VERSION_6: return "6";
	case HVN_NVSP_VERSION_61: return "6.1";
	default: return "?";
	}
}

/* Completion of a guest request: a VM_PKT_COMP with the guest's id. */
static void hs_complete(struct hs_chan *hc, u64 tid, const struct hvn_nvsp_msg *m,
			u32 len)
{
	int err = hs_chan_write(hc, VM_PKT_COMP, 0, tid, NULL, 0, m, len, true);

	if (err)
		pr_warn_ratelimited("hvn_hostsim: completion on chan %u failed: %d\n",
				    hc->index, err);
}

static void hs_complete_msg(struct hs_chan *hc, u64 tid, u32 type,
			    struct hvn_nvsp_msg *m)
{
	m->hdr.msg_type = type;
	hs_complete(hc, tid, m, sizeof(*m));
}

/* ---------------------------------------------------------------- */
/* receive-buffer sections and transfer-page packets */

static void hs_sections_setup(struct hs_dev *d, u32 sect_size)
{
	d->sect_size = sect_size;
	d->nsect = d->rbuf_size / sect_size;
	d->sect_map = bitmap_zalloc(d->nsect, GFP_KERNEL);
	d->xfers = kvcalloc(d->nsect, sizeof(*d->xfers), GFP_KERNEL);
	if (!d->sect_map || !d->xfers) {
		bitmap_free(d->sect_map);
		kvfree(d->xfers);
		d->sect_map = NULL;
		d->xfers = NULL;
		d->nsect = 0;
	}
}

void hs_sections_free(struct hs_dev *d)
{
	unsigned long flags;
	u32 i;

	spin_lock_irqsave(&d->sect_lock, flags);
	for (i = 0; d->xfers && i < d->nsect; i++)
		kfree(d->xfers[i]);
	kvfree(d->xfers);
	bitmap_free(d->sect_map);
	d->xfers = NULL;
	d->sect_map = NULL;
	d->nsect = 0;
	spin_unlock_irqrestore(&d->sect_lock, flags);
}

/* Take one free section; U32_MAX when none is free. */
static u32 hs_sect_get(struct hs_dev *d)
{
	unsigned long flags;
	u32 s = U32_MAX;

	spin_lock_irqsave(&d->sect_lock, flags);
	if (d->sect_map) {
		s = find_first_zero_bit(d->sect_map, d->nsect);
		if (s < d->nsect)
			__set_bit(s, d->sect_map);
		else
			s = U32_MAX;
	}
	spin_unlock_irqrestore(&d->sect_lock, flags);
	return s;
}

static void hs_sect_put_locked(struct hs_dev *d, u32 s)
{
	if (d->sect_map && s < d->nsect)
		__clear_bit(s, d->sect_map);
}

/*
 * Send a transfer-page packet naming @n sections that the caller filled
 * (@lens bytes each).  The xfer record is kept until the guest completes it.
 */
static int hs_send_xfer(struct hs_chan *hc, const u32 *sect, const u32 *lens,
			u32 n, bool control, bool wait)
{
	struct hs_dev *d = hc->dev;
	struct {
		u16 pageset;
		u8 owns;
		u8 reserved;
		u32 count;
		struct hvn_vmpkt_xfer_range r[HS_MAX_XFER_RANGES];
	} __packed hdr;
	struct hvn_nvsp_msg m = {};
	struct hs_xfer *x;
	unsigned long flags;
	u32 i;
	int err;

	x = kmalloc(struct_size(x, sect, n), GFP_ATOMIC);
	if (!x)
		return -ENOMEM;
	hdr.pageset = HS_RECV_BUF_ID;
	hdr.owns = 0;
	hdr.reserved = 0;
	hdr.count = n;
	for (i = 0; i < n; i++) {
		hdr.r[i].byte_offset = sect[i] * d->sect_size;
		hdr.r[i].byte_count = lens[i];
		x->sect[i] = sect[i];
	}
	x->nsect = n;
	x->chan = hc->index;
	spin_lock_irqsave(&d->sect_lock, flags);
	x->tid = (++d->xfer_gen << 32) | sect[0];
	if (!d->xfers) {
		spin_unlock_irqrestore(&d->sect_lock, flags);
		kfree(x);
		return -ENODEV;
	}
	d->xfers[sect[0]] = x;
	spin_unlock_irqrestore(&d->sect_lock, flags);

	m.hdr.msg_type = HVN_NVSP_MSG1_SEND_RNDIS_PKT;
	m.msg.send_rndis_pkt.channel_type = control ? HVN_NVSP_CHANNEL_CONTROL :
						      HVN_NVSP_CHANNEL_DATA;
	m.msg.send_rndis_pkt.send_buf_section_index = HVN_NVSP_INVALID_SECTION;
	err = hs_chan_write(hc, VM_PKT_DATA_USING_XFER_PAGES,
			    VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED, x->tid,
			    &hdr, 8 + n * sizeof(hdr.r[0]), &m, sizeof(m), wait);
	if (err) {
		spin_lock_irqsave(&d->sect_lock, flags);
		if (d->xfers && d->xfers[sect[0]] == x) {
			d->xfers[sect[0]] = NULL;
			for (i = 0; i < n; i++)
				hs_sect_put_locked(d, sect[i]);
		}
		spin_unlock_irqrestore(&d->sect_lock, flags);
		kfree(x);
	}
	return err;
}

/* The guest completed a transfer-page packet: its sections are free. */
static void hs_xfer_done(struct hs_chan *hc, u64 tid, const void *data, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hvn_nvsp_msg m = {};
	struct hs_xfer *x = NULL;
	unsigned long flags;
	u32 slot = (u32)tid, i;

	memcpy(&m, data, min_t(u32, len, sizeof(m)));
	if (len < HVN_NVSP_LEN(send_rndis_pkt_complete) ||
	    m.hdr.msg_type != HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE)
		hs_violation(d, "chan %u: receive completion with type %u len %u",
			     hc->index, m.hdr.msg_type, len);
	else if (m.msg.send_rndis_pkt_complete.status != HVN_NVSP_STAT_SUCCESS)
		hs_hist(d, "rx completion status %u",
			m.msg.send_rndis_pkt_complete.status);

	spin_lock_irqsave(&d->sect_lock, flags);
	if (d->xfers && slot < d->nsect && d->xfers[slot] &&
	    d->xfers[slot]->tid == tid) {
		x = d->xfers[slot];
		if (x->chan != hc->index) {
			x = NULL;
		} else {
			d->xfers[slot] = NULL;
			for (i = 0; i < x->nsect; i++)
				hs_sect_put_locked(d, x->sect[i]);
		}
	}
	spin_unlock_irqrestore(&d->sect_lock, flags);
	if (!x) {
		hs_violation(d, "chan %u: completion for unknown transfer id %#llx",
			     hc->index, tid);
		return;
	}
	kfree(x);
	/* sections are back: wake any channel with frames waiting */
	spin_lock_bh(&d->chan_lock);
	for (i = 0; i < HS_MAX_CHANNELS; i++) {
		struct hs_chan *c = d->chan[i];

		if (c && !skb_queue_empty(&c->rxq))
			hs_kick_rx(c);
	}
	spin_unlock_bh(&d->chan_lock);
}

/*
 * Deliver one RNDIS message (control reply or indication) to the guest
 * through the receive buffer, on the primary channel.  Sleeps for a free
 * section if needed.
 */
int hs_nvsp_send_rndis(struct hs_chan *hc, const void *msg, u32 len,
		       bool control)
{
	struct hs_dev *d = hc->dev;
	unsigned long deadline = jiffies + 5 * HZ;
	u32 s;

	if (!d->rbuf || !d->nvsp->recv_buf)
		return -ENODEV;
	if (len > d->sect_size)
		return -EMSGSIZE;
	while ((s = hs_sect_get(d)) == U32_MAX) {
		if (time_after(jiffies, deadline) || !d->rbuf) {
			hs_violation(d, "guest never returned receive sections");
			return -ENOSPC;
		}
		usleep_range(100, 500);
	}
	memcpy(d->rbuf + (size_t)s * d->sect_size, msg, len);
	return hs_send_xfer(hc, &s, &len, 1, control, true);
}

static void hs_sect_put(struct hs_dev *d, u32 s)
{
	unsigned long flags;

	spin_lock_irqsave(&d->sect_lock, flags);
	hs_sect_put_locked(d, s);
	spin_unlock_irqrestore(&d->sect_lock, flags);
}

/*
 * A coalesced frame (RSC) goes to the guest as consecutive receive sections
 * of one transfer-page packet, each an RNDIS PACKET with the internal
 * PKTINFO_ID PPI (SUBALLOC on all, 1ST_FRAG on the first, LAST_FRAG on the
 * last); the first also carries the checksum, VLAN and hash PPIs.  Returns
 * the number of sections used, -ENOSPC when they do not fit in @room ranges,
 * -EAGAIN when no section is free, other errors when the frame is lost.
 */
static int hs_rx_rsc(struct hs_chan *hc, struct sk_buff **segs, u32 k,
		     const struct hs_rxmeta *m, u32 *sect, u32 *lens, u32 room)
{
	struct hs_dev *d = hc->dev;
	u32 flen = 0, pos, nf = 0, hl1, hln, need, i;
	int len;

	/* the frame's length and how many sections it takes */
	len = hs_rsc_build(hc, segs, k);
	if (len <= 0)
		return len ? len : -EINVAL;
	flen = len;
	hl1 = hs_rndis_rx_hdrlen(m, HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG);
	hln = hs_rndis_rx_hdrlen(m, HVN_PKTINFO_SUBALLOC);
	if (hl1 >= d->sect_size || hln >= d->sect_size)
		return -EMSGSIZE;
	need = 1;
	if (flen > d->sect_size - hl1)
		need += DIV_ROUND_UP(flen - (d->sect_size - hl1), d->sect_size - hln);
	if (need > room)
		return -ENOSPC;
	for (pos = 0; pos < flen; nf++) {
		u8 frag = HVN_PKTINFO_SUBALLOC | (pos ? 0 : HVN_PKTINFO_1ST_FRAG);
		u32 s = hs_sect_get(d), hl, dl;
		u8 *dst;

		if (s == U32_MAX) {
			while (nf--)
				hs_sect_put(d, sect[nf]);
			return -EAGAIN;
		}
		hl = hs_rndis_rx_hdrlen(m, frag);
		dl = min(flen - pos, d->sect_size - hl);
		if (pos + dl == flen)
			frag |= HVN_PKTINFO_LAST_FRAG;
		dst = d->rbuf + (size_t)s * d->sect_size;
		hs_rndis_rx_header(hc, m, frag, dst, dl);
		memcpy(dst + hl, hc->rscbuf + pos, dl);
		sect[nf] = s;
		lens[nf] = hl + dl;
		pos += dl;
	}
	hc->ctr.rsc_pkts++;
	hc->ctr.rsc_segs += k;
	hc->ctr.rsc_chains += nf > 1;
	for (i = 0; i < k; i++) {
		hc->rx_frames++;
		hc->rx_bytes += segs[i]->len;
		dev_consume_skb_any(segs[i]);
	}
	return nf;
}

/* One whole frame into one section; the length written, or < 0. */
static int hs_rx_one(struct hs_chan *hc, struct sk_buff *skb,
		     const struct hs_rxmeta *m, u32 s)
{
	struct hs_dev *d = hc->dev;
	u32 hl = hs_rndis_rx_hdrlen(m, 0);
	u8 *dst = d->rbuf + (size_t)s * d->sect_size;

	if (hl + skb->len > d->sect_size)
		return -EMSGSIZE;
	if (skb_copy_bits(skb, 0, dst + hl, skb->len))
		return -EFAULT;
	hs_rndis_rx_header(hc, m, 0, dst, skb->len);
	return hl + skb->len;
}

/*
 * Data path: frames queued on a channel go out in batched xfer packets;
 * with RSC on, runs of coalescable TCP segments become one frame.
 */
void hs_rx_work(struct work_struct *w)
{
	struct hs_chan *hc = container_of(w, struct hs_chan, rx_work);
	struct hs_dev *d = hc->dev;
	u32 sect[HS_MAX_XFER_RANGES], lens[HS_MAX_XFER_RANGES], n, k;
	struct sk_buff *segs[HS_RSC_MAX_SEGS];
	struct hs_rxmeta m;
	struct sk_buff *skb;
	bool starved = false;
	int err;

	while (!starved && !skb_queue_empty(&hc->rxq)) {
		if (!hc->opened || hc->closing || !d->rbuf || !hs_rndis_rx_enabled(d)) {
			skb_queue_purge(&hc->rxq);
			return;
		}
		n = 0;
		while (n < ARRAY_SIZE(sect) && (skb = skb_dequeue(&hc->rxq))) {
			u32 s;
			int l;

			hs_rndis_rx_meta(hc, skb, &m);
			k = hs_rsc_gather(hc, skb, segs);
			if (k > 1) {
				l = hs_rx_rsc(hc, segs, k, &m, sect + n, lens + n,
					      ARRAY_SIZE(sect) - n);
				if (l > 0) {
					n += l;
					continue;
				}
				if ((l == -ENOSPC && n) || l == -EAGAIN) {
					/* back to the queue, in order */
					while (k--)
						skb_queue_head(&hc->rxq, segs[k]);
					starved = l == -EAGAIN;
					break;
				}
				/* cannot happen; the segments are lost, counted */
				hc->rx_drops += k;
				while (k--)
					dev_kfree_skb_any(segs[k]);
				continue;
			}
			s = hs_sect_get(d);
			if (s == U32_MAX) {
				skb_queue_head(&hc->rxq, skb);
				starved = true;
				break;
			}
			l = hs_rx_one(hc, skb, &m, s);
			if (l <= 0) {
				hc->rx_drops++;
				hs_sect_put(d, s);
				dev_kfree_skb_any(skb);
				continue;
			}
			hc->rx_frames++;
			hc->rx_bytes += skb->len;
			dev_consume_skb_any(skb);
			sect[n] = s;
			lens[n++] = l;
		}
		if (!n)
			return;	/* no section free: a completion kicks us */
		err = hs_send_xfer(hc, sect, lens, n, false, true);
		if (err)
			hc->rx_drops += n;
	}
}

/* ---------------------------------------------------------------- */
/* guest messages */

static bool hs_need(struct hs_chan *hc, u32 len, u32 need, const char *what)
{
	if (len >= need)
		return true;
	hs_violation(hc->dev, "chan %u: %s message too short (%u < %u)",
		     hc->index, what, len, need);
	return false;
}

static bool hs_primary_only(struct hs_chan *hc, const char *what)
{
	if (!hc->index)
		return true;
	hs_violation(hc->dev, "%s on sub-channel %u", what, hc->index);
	return false;
}

static void hs_on_init(struct hs_chan *hc, u64 tid, bool comp,
		       const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	struct hvn_nvsp_msg out = {};
	u32 lo, hi, i, ver = 0;

	if (!hs_need(hc, len, HVN_NVSP_LEN(init), "INIT") ||
	    !hs_primary_only(hc, "INIT"))
		return;
	lo = in->msg.init.min_protocol_ver;
	hi = in->msg.init.max_protocol_ver;
	if (n->version)
		hs_violation(d, "INIT after version %s was negotiated",
			     hs_ver_name(n->version));
	if (lo > hi)
		hs_violation(d, "INIT with min %#x > max %#x", lo, hi);
	/* the highest version both sides support */
	for (i = 0; i < ARRAY_SIZE(hs_nvsp_versions); i++) {
		u32 v = hs_nvsp_versions[i];

		if (v >= lo && v <= hi && v <= d->prof->nvsp_max)
			ver = v;
	}
	out.msg.init_complete.max_mdl_chain_len = 34;
	out.msg.init_complete.negotiated_protocol_ver =
		ver == HVN_NVSP_VERSION_1 ? ver : 0xffffffff;
	if (ver) {
		n->version = ver;
		out.msg.init_complete.status = HVN_NVSP_STAT_SUCCESS;
	} else {
		out.msg.init_complete.status = HVN_NVSP_STAT_FAIL;
	}
	hs_hist(d, "INIT %#x-%#x -> %s", lo, hi, ver ? hs_ver_name(ver) : "fail");
	if (!comp)
		hs_violation(d, "INIT without completion request");
	hs_complete_msg(hc, tid, HVN_NVSP_MSG_INIT_COMPLETE, &out);
}

static bool hs_need_version(struct hs_chan *hc, u32 min, const char *what)
{
	struct hs_nvsp *n = hc->dev->nvsp;

	if (!n->version) {
		hs_violation(hc->dev, "%s before INIT", what);
		return false;
	}
	if (n->version < min) {
		hs_violation(hc->dev, "%s needs NVSP >= %s, negotiated %s", what,
			     hs_ver_name(min), hs_ver_name(n->version));
		return false;
	}
	return true;
}

static void hs_on_ndis_config(struct hs_chan *hc, const struct hvn_nvsp_msg *in,
			      u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	u32 mtu = in->msg.send_ndis_config.mtu;
	u64 caps = in->msg.send_ndis_config.capability;

	if (!hs_need(hc, len, HVN_NVSP_LEN(send_ndis_config), "NDIS_CONFIG") ||
	    !hs_primary_only(hc, "NDIS_CONFIG") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_2, "NDIS_CONFIG"))
		return;
	if (n->recv_buf)
		hs_violation(d, "NDIS_CONFIG after the receive buffer");
	if (mtu < ETH_MIN_MTU + ETH_HLEN || mtu > 65535 + ETH_HLEN) {
		hs_violation(d, "NDIS_CONFIG MTU %u out of range", mtu);
		return;
	}
	if (caps & ~GENMASK_ULL(7, 0))
		hs_violation(d, "NDIS_CONFIG unknown capability bits %#llx", caps);
	n->ndis_config = true;
	n->ndis_mtu = mtu;
	n->caps = caps;
	hs_hist(d, "NDIS_CONFIG mtu %u caps %#llx", mtu, caps);
}

static void hs_on_ndis_ver(struct hs_chan *hc, u64 tid, bool comp,
			   const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	u32 maj = in->msg.send_ndis_ver.ndis_major_ver;
	u32 min = in->msg.send_ndis_ver.ndis_minor_ver;

	if (!hs_need(hc, len, HVN_NVSP_LEN(send_ndis_ver), "NDIS_VER") ||
	    !hs_primary_only(hc, "NDIS_VER") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_1, "NDIS_VER"))
		return;
	if (maj != 6 || (min != 0 && min != 1 && min != 20 && min != 30))
		hs_violation(d, "NDIS version %u.%u unknown", maj, min);
	n->ndis_ver = true;
	n->ndis_major = maj;
	n->ndis_minor = min;
	hs_hist(d, "NDIS_VER %u.%u", maj, min);
	if (comp) {
		struct hvn_nvsp_msg out = {};

		hs_complete_msg(hc, tid, HVN_NVSP_MSG1_SEND_NDIS_VER, &out);
	}
}

static void hs_on_recv_buf(struct hs_chan *hc, u64 tid, bool comp,
			   const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	struct hvn_nvsp_msg out = {};
	struct hs_gpadl *g;
	u32 sect;

	out.msg.send_recv_buf_complete.status = HVN_NVSP_STAT_FAIL;
	if (!hs_need(hc, len, HVN_NVSP_LEN(send_recv_buf), "SEND_RECV_BUF") ||
	    !hs_primary_only(hc, "SEND_RECV_BUF") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_1, "SEND_RECV_BUF"))
		goto reply;
	if (n->version >= HVN_NVSP_VERSION_2 && !n->ndis_config)
		hs_violation(d, "SEND_RECV_BUF before NDIS_CONFIG");
	if (n->recv_buf) {
		hs_violation(d, "second SEND_RECV_BUF");
		goto reply;
	}
	if (in->msg.send_recv_buf.id != HS_RECV_BUF_ID)
		hs_violation(d, "receive buffer id %#x", in->msg.send_recv_buf.id);
	g = hs_gpadl_get(d, in->msg.send_recv_buf.gpadl_handle);
	if (!g) {
		hs_violation(d, "SEND_RECV_BUF names unknown GPADL %u",
			     in->msg.send_recv_buf.gpadl_handle);
		goto reply;
	}
	if (g->size > (n->version <= HVN_NVSP_VERSION_2 ? 15 : 31) * 1024 * 1024 + PAGE_SIZE)
		hs_violation(d, "receive buffer of %u bytes over the limit", g->size);
	/* room for the RNDIS header and PPIs, the frame, and slack */
	sect = ALIGN(256 + n->ndis_mtu + 36, 8);
	if (g->size < 2 * sect) {
		hs_violation(d, "receive buffer of %u bytes too small", g->size);
		goto reply;
	}
	d->rbuf = g->hva;
	d->rbuf_size = g->size;
	d->rbuf_gpadl = g->handle;
	hs_sections_setup(d, sect);
	if (!d->nsect) {
		d->rbuf = NULL;
		goto reply;
	}
	n->recv_buf = true;
	out.msg.send_recv_buf_complete.status = HVN_NVSP_STAT_SUCCESS;
	out.msg.send_recv_buf_complete.num_sections = 1;
	out.msg.send_recv_buf_complete.section.offset = 0;
	out.msg.send_recv_buf_complete.section.sub_alloc_size = sect;
	out.msg.send_recv_buf_complete.section.num_sub_allocs = d->nsect;
	out.msg.send_recv_buf_complete.section.end_offset = d->nsect * sect;
	hs_hist(d, "RECV_BUF %u x %u", d->nsect, sect);
reply:
	if (!comp)
		hs_violation(d, "SEND_RECV_BUF without completion request");
	hs_complete_msg(hc, tid, HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE, &out);
}

static void hs_on_send_buf(struct hs_chan *hc, u64 tid, bool comp,
			   const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	struct hvn_nvsp_msg out = {};
	struct hs_gpadl *g;

	out.msg.send_send_buf_complete.status = HVN_NVSP_STAT_FAIL;
	if (!hs_need(hc, len, HVN_NVSP_LEN(send_send_buf), "SEND_SEND_BUF") ||
	    !hs_primary_only(hc, "SEND_SEND_BUF") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_1, "SEND_SEND_BUF"))
		goto reply;
	if (n->send_buf) {
		hs_violation(d, "second SEND_SEND_BUF");
		goto reply;
	}
	if (in->msg.send_send_buf.id != HVN_NVSP_SEND_BUF_ID &&
	    in->msg.send_send_buf.id != 0xface)
		hs_violation(d, "send buffer id %#x", in->msg.send_send_buf.id);
	g = hs_gpadl_get(d, in->msg.send_send_buf.gpadl_handle);
	if (!g) {
		hs_violation(d, "SEND_SEND_BUF names unknown GPADL %u",
			     in->msg.send_send_buf.gpadl_handle);
		goto reply;
	}
	d->sbuf = g->hva;
	d->sbuf_size = g->size;
	d->sbuf_gpadl = g->handle;
	d->sbuf_sect_size = 6144;
	n->send_buf = true;
	out.msg.send_send_buf_complete.status = HVN_NVSP_STAT_SUCCESS;
	out.msg.send_send_buf_complete.section_size = d->sbuf_sect_size;
	hs_hist(d, "SEND_BUF %u bytes", g->size);
	/* the guest's buffers are set up: an assigned VF is offered again */
	if (READ_ONCE(d->vf_assigned))
		schedule_delayed_work(&d->vf_reoffer, HZ / 10);
reply:
	if (!comp)
		hs_violation(d, "SEND_SEND_BUF without completion request");
	hs_complete_msg(hc, tid, HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE, &out);
}

static void hs_on_revoke(struct hs_chan *hc, const struct hvn_nvsp_msg *in,
			 u32 len, bool recv)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	u16 id = recv ? in->msg.revoke_recv_buf.id : in->msg.revoke_send_buf.id;
	int i;

	if (!hs_need(hc, len, HVN_NVSP_LEN(revoke_recv_buf), "REVOKE") ||
	    !hs_primary_only(hc, "REVOKE"))
		return;
	if (recv) {
		if (!n->recv_buf) {
			hs_violation(d, "REVOKE_RECV_BUF without a receive buffer");
			return;
		}
		if (id != HS_RECV_BUF_ID)
			hs_violation(d, "REVOKE_RECV_BUF id %#x", id);
		n->recv_buf = false;
		/* stop the data path before the guest frees the memory */
		for (i = 0; i < HS_MAX_CHANNELS; i++)
			if (d->chan[i])
				flush_work(&d->chan[i]->rx_work);
		d->rbuf = NULL;
		d->rbuf_gpadl = 0;
		hs_sections_free(d);
		hs_hist(d, "REVOKE_RECV_BUF");
	} else {
		if (!n->send_buf) {
			hs_violation(d, "REVOKE_SEND_BUF without a send buffer");
			return;
		}
		if (id != HVN_NVSP_SEND_BUF_ID && id != 0xface)
			hs_violation(d, "REVOKE_SEND_BUF id %#x", id);
		n->send_buf = false;
		d->sbuf = NULL;
		d->sbuf_gpadl = 0;
		hs_hist(d, "REVOKE_SEND_BUF");
	}
}

static void hs_send_table(struct hs_chan *hc)
{
	struct hs_dev *d = hc->dev;
	struct {
		struct hvn_nvsp_msg m;
		u32 table[HVN_NVSP_SEND_TABLE_SIZE];
	} __packed t = {};
	u32 i, nchan = 1 + d->nvsp->subchannels;

	t.m.hdr.msg_type = HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE;
	t.m.msg.send_table.count = HVN_NVSP_SEND_TABLE_SIZE;
	t.m.msg.send_table.offset = sizeof(t.m);
	for (i = 0; i < HVN_NVSP_SEND_TABLE_SIZE; i++)
		t.table[i] = i % nchan;
	hs_chan_write(hc, VM_PKT_DATA_INBAND, 0, 0, NULL, 0, &t, sizeof(t), true);
	hs_hist(d, "SEND_TABLE %u channels", nchan);
}

static void hs_on_subchannel(struct hs_chan *hc, u64 tid, bool comp,
			     const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	struct hvn_nvsp_msg out = {};
	u32 want, got = 0;

	out.msg.subchannel_complete.status = HVN_NVSP_STAT_FAIL;
	if (!hs_need(hc, len, HVN_NVSP_LEN(subchannel_request), "SUBCHANNEL") ||
	    !hs_primary_only(hc, "SUBCHANNEL") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_5, "SUBCHANNEL"))
		goto reply;
	want = in->msg.subchannel_request.num_subchannels;
	if (in->msg.subchannel_request.op != HVN_NVSP_SUBCHANNEL_ALLOCATE) {
		hs_violation(d, "SUBCHANNEL op %u", in->msg.subchannel_request.op);
		goto reply;
	}
	if (!d->prof->rss) {
		hs_violation(d, "SUBCHANNEL although the host offers no vRSS");
		goto reply;
	}
	if (!want || want + n->subchannels >= d->prof->max_queues) {
		hs_violation(d, "SUBCHANNEL asks for %u (have %u, host max %u)",
			     want, n->subchannels, d->prof->max_queues - 1);
		goto reply;
	}
	got = hs_offer_subchannels(d, want);
	n->subchannels += got;
	out.msg.subchannel_complete.status = got ? HVN_NVSP_STAT_SUCCESS :
						   HVN_NVSP_STAT_FAIL;
	out.msg.subchannel_complete.num_subchannels = got;
	hs_hist(d, "SUBCHANNEL %u -> %u", want, got);
reply:
	if (!comp)
		hs_violation(d, "SUBCHANNEL without completion request");
	hs_complete_msg(hc, tid, HVN_NVSP_MSG5_SUBCHANNEL, &out);
	if (got)
		hs_send_table(hc);
}

static void hs_on_switch(struct hs_chan *hc, u64 tid, bool comp,
			 const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	u32 dp = in->msg.switch_data_path.active_datapath;

	if (!hs_need(hc, len, HVN_NVSP_LEN(switch_data_path), "SWITCH_DATA_PATH") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_4, "SWITCH_DATA_PATH"))
		goto reply;
	if (dp != HVN_NVSP_DATAPATH_SYNTHETIC && dp != HVN_NVSP_DATAPATH_VF)
		hs_violation(d, "SWITCH_DATA_PATH to %u", dp);
	else if (dp == HVN_NVSP_DATAPATH_VF && !READ_ONCE(d->vf_allocated))
		hs_violation(d, "SWITCH_DATA_PATH to VF without a VF association");
	else
		d->nvsp->datapath = dp;
	/* the switch steers the guest's unicast from now on */
	WRITE_ONCE(d->dp_vf, d->nvsp->datapath == HVN_NVSP_DATAPATH_VF);
	d->nvsp->dp_switches++;
	hs_hist(d, "SWITCH_DATA_PATH %u", dp);
reply:
	if (comp)	/* an empty completion, as Hyper-V gives */
		hs_chan_write(hc, VM_PKT_COMP, 0, tid, NULL, 0, NULL, 0, true);
}

/* Gather a GPA-direct packet's page ranges into the host buffer. */
static int hs_gather_gpa(struct hs_chan *hc, const u8 *pkt, u32 pktlen, u32 off,
			 u32 start, u32 *outlen)
{
	struct hs_dev *d = hc->dev;
	u32 pos = sizeof(struct vmpacket_descriptor), nranges, i, total = start;
	const u32 max = 128 * 1024;

	/* reserved u32, range count u32, then the ranges */
	if (pos + 8 > off) {
		hs_violation(d, "GPA-direct header does not fit");
		return -EINVAL;
	}
	nranges = *(const u32 *)(pkt + pos + 4);
	pos += 8;
	if (!nranges || nranges > HVN_VMPKT_MAX_PAGE_RANGES) {
		hs_violation(d, "GPA-direct with %u ranges", nranges);
		return -EINVAL;
	}
	for (i = 0; i < nranges; i++) {
		u32 cnt, boff, npfn, j, done = 0;

		if (pos + 8 > off) {
			hs_violation(d, "GPA range %u outside the descriptor", i);
			return -EINVAL;
		}
		cnt = *(const u32 *)(pkt + pos);
		boff = *(const u32 *)(pkt + pos + 4);
		pos += 8;
		if (!cnt || boff >= PAGE_SIZE) {
			hs_violation(d, "GPA range %u: %u bytes at offset %u", i,
				     cnt, boff);
			return -EINVAL;
		}
		npfn = DIV_ROUND_UP(boff + (u64)cnt, PAGE_SIZE);
		if (pos + (u64)npfn * 8 > off) {
			hs_violation(d, "GPA range %u: %u pfns outside the descriptor",
				     i, npfn);
			return -EINVAL;
		}
		if (total + (u64)cnt > max) {
			hs_violation(d, "GPA-direct data over %u bytes", max);
			return -EINVAL;
		}
		for (j = 0; j < npfn; j++) {
			u64 pfn = *(const u64 *)(pkt + pos + 8 * j);
			u32 o = j ? 0 : boff;
			u32 l = min_t(u32, PAGE_SIZE - o, cnt - done);
			void *va = hs_map_gpa(pfn);

			if (!va) {
				hs_violation(d, "GPA range %u: bad pfn %#llx", i, pfn);
				return -EINVAL;
			}
			memcpy(hc->gather + total, va + o, l);
			total += l;
			done += l;
		}
		pos += npfn * 8;
	}
	if (pos != off)
		hs_violation(d, "GPA-direct: data offset %u, ranges end at %u", off,
			     pos);
	*outlen = total;
	return 0;
}

/* ---------------------------------------------------------------- */
/* fault injection: send completions held back (debugfs delay_comp) */

struct hs_held {
	struct list_head node;
	unsigned long due;	/* jiffies */
	u64 tid;
	u32 status;
};

static bool hs_hold_comp(struct hs_chan *hc, u64 tid, u32 status)
{
	u32 ms = READ_ONCE(hc->dev->delay_comp_ms);
	struct hs_held *h = kmalloc(sizeof(*h), GFP_KERNEL);
	bool first;

	if (!h)
		return false;
	h->due = jiffies + msecs_to_jiffies(ms);
	h->tid = tid;
	h->status = status;
	spin_lock_bh(&hc->held_lock);
	first = list_empty(&hc->held);
	list_add_tail(&h->node, &hc->held);
	hc->ctr.comp_held++;
	spin_unlock_bh(&hc->held_lock);
	if (first)
		queue_delayed_work(hs_wq, &hc->held_work, msecs_to_jiffies(ms));
	return true;
}

/* Send (or, when the channel goes away, drop) held completions that are due. */
void hs_nvsp_held_flush(struct hs_chan *hc, bool send)
{
	struct hvn_nvsp_msg out = {};
	struct hs_held *h;
	bool all = !send || !READ_ONCE(hc->dev->delay_comp_ms);

	for (;;) {
		spin_lock_bh(&hc->held_lock);
		h = list_first_entry_or_null(&hc->held, struct hs_held, node);
		if (h && !all && time_before(jiffies, h->due)) {
			queue_delayed_work(hs_wq, &hc->held_work, h->due - jiffies);
			h = NULL;
		} else if (h) {
			list_del(&h->node);
		}
		spin_unlock_bh(&hc->held_lock);
		if (!h)
			return;
		if (send) {
			out.msg.send_rndis_pkt_complete.status = h->status;
			hs_complete_msg(hc, h->tid, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE,
					&out);
		}
		kfree(h);
	}
}

void hs_nvsp_held_work(struct work_struct *w)
{
	struct hs_chan *hc = container_of(to_delayed_work(w), struct hs_chan,
					  held_work);

	hs_nvsp_held_flush(hc, true);
}

/* ---------------------------------------------------------------- */
/* SR-IOV: the host offers or withdraws a VF (debugfs vf) */

/* A new guest session while a VF is assigned: offer it again */
void hs_vf_reoffer_work(struct work_struct *w)
{
	struct hs_dev *d = container_of(to_delayed_work(w), struct hs_dev,
					vf_reoffer);

	mutex_lock(&d->lock);
	if (d->vf_assigned && !d->vf_allocated && d->nvsp->send_buf &&
	    !hs_nvsp_send_vf(d, true, d->vf_assigned_serial))
		hs_hist(d, "VF offered again to a new session");
	mutex_unlock(&d->lock);
}

int hs_nvsp_send_vf(struct hs_dev *d, bool allocated, u32 serial)
{
	struct hs_nvsp *n = d->nvsp;
	struct hvn_nvsp_msg m = {};
	struct hs_chan *hc = d->chan[0];
	bool was;
	int err;

	/* as Hyper-V: only to a guest at NVSP >= 4 that announced SR-IOV */
	if (!hc || !n->version)
		return -ENODEV;
	if (n->version < HVN_NVSP_VERSION_4 || !(n->caps & HVN_NVSP_CAP_SRIOV)) {
		hs_hist(d, "VF_ASSOCIATION not sent: nvsp %s caps %#llx",
			hs_ver_name(n->version), n->caps);
		return -EOPNOTSUPP;
	}
	if (!allocated)
		serial = d->vf_serial;
	m.hdr.msg_type = HVN_NVSP_MSG4_SEND_VF_ASSOCIATION;
	m.msg.vf_association.allocated = allocated;
	m.msg.vf_association.serial = serial;
	/*
	 * The host's state first: a guest that waited for the association
	 * switches its data path at once, before this thread runs again.
	 */
	was = d->vf_allocated;
	WRITE_ONCE(d->vf_allocated, allocated);
	err = hs_chan_write(hc, VM_PKT_DATA_INBAND,
			    VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED,
			    HS_VF_ASSOC_TID, NULL, 0, &m, sizeof(m), true);
	if (err) {
		WRITE_ONCE(d->vf_allocated, was);
		return err;
	}
	d->vf_serial = serial;
	d->vf_msgs++;
	hs_hist(d, "VF_ASSOCIATION allocated %u serial %u", allocated, serial);
	/* a host without the VF delivers on the synthetic path again */
	if (!allocated && n->datapath == HVN_NVSP_DATAPATH_VF) {
		n->datapath = HVN_NVSP_DATAPATH_SYNTHETIC;
		WRITE_ONCE(d->dp_vf, false);
		d->dp_forced++;
		hs_hist(d, "data path synthetic: VF withdrawn");
	}
	return 0;
}

static void hs_on_rndis_pkt(struct hs_chan *hc, u16 type, u64 tid, bool comp,
			    const u8 *pkt, u32 pktlen, u32 off,
			    const struct hvn_nvsp_msg *in, u32 len)
{
	struct hs_dev *d = hc->dev;
	struct hvn_nvsp_msg out = {};
	u32 ctype, idx, size, dlen = 0;
	u32 status = HVN_NVSP_STAT_SUCCESS;

	if (!hs_need(hc, len, HVN_NVSP_LEN(send_rndis_pkt), "SEND_RNDIS_PKT") ||
	    !hs_need_version(hc, HVN_NVSP_VERSION_1, "SEND_RNDIS_PKT")) {
		status = HVN_NVSP_STAT_FAIL;
		goto reply;
	}
	ctype = in->msg.send_rndis_pkt.channel_type;
	idx = in->msg.send_rndis_pkt.send_buf_section_index;
	size = in->msg.send_rndis_pkt.send_buf_section_size;
	if (ctype != HVN_NVSP_CHANNEL_DATA && ctype != HVN_NVSP_CHANNEL_CONTROL) {
		hs_violation(d, "SEND_RNDIS_PKT channel type %u", ctype);
		status = HVN_NVSP_STAT_FAIL;
		goto reply;
	}
	/*
	 * The data is the send section's bytes (if one is named), followed by
	 * the page ranges' bytes (GPA direct), as Hyper-V and OpenVMM read it.
	 * Both at once is the in-tree driver's partial copy: a batch whose
	 * last message has its header in the section and its frame in pages.
	 */
	if (idx != HVN_NVSP_INVALID_SECTION) {
		if (!d->sbuf || idx >= d->sbuf_size / d->sbuf_sect_size ||
		    !size || size > d->sbuf_sect_size) {
			hs_violation(d, "send section %u size %u invalid (buffer %u)",
				     idx, size, d->sbuf ? d->sbuf_size : 0);
			status = HVN_NVSP_STAT_FAIL;
			goto reply;
		}
		memcpy(hc->gather, d->sbuf + (size_t)idx * d->sbuf_sect_size, size);
		dlen = size;
	} else if (type != VM_PKT_DATA_USING_GPA_DIRECT) {
		hs_violation(d, "inband SEND_RNDIS_PKT without data");
		status = HVN_NVSP_STAT_FAIL;
		goto reply;
	}
	if (type == VM_PKT_DATA_USING_GPA_DIRECT) {
		if (hs_gather_gpa(hc, pkt, pktlen, off, dlen, &dlen)) {
			status = HVN_NVSP_STAT_FAIL;
			goto reply;
		}
		if (idx != HVN_NVSP_INVALID_SECTION)
			hc->ctr.partial_copy++;
	}
	if (hs_rndis_from_guest(hc, hc->gather, dlen,
				ctype == HVN_NVSP_CHANNEL_CONTROL))
		status = HVN_NVSP_STAT_INVALID_RNDIS_PKT;
reply:
	if (!comp) {
		hs_violation(d, "SEND_RNDIS_PKT without completion request");
		return;
	}
	out.msg.send_rndis_pkt_complete.status = status;
	if (READ_ONCE(d->delay_comp_ms) && hs_hold_comp(hc, tid, status))
		return;
	hs_complete_msg(hc, tid, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, &out);
}

/* Entry from the ring: one guest packet (a private copy, @pktlen bytes). */
void hs_nvsp_handle(struct hs_chan *hc, const struct vmpacket_descriptor *desc,
		    u32 pktlen)
{
	struct hs_dev *d = hc->dev;
	struct hs_nvsp *n = d->nvsp;
	const u8 *pkt = (const u8 *)desc;
	u32 off = (u32)desc->offset8 << 3, len = pktlen - off;
	bool comp = desc->flags & VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED;
	struct hvn_nvsp_msg in = {};

	if (desc->type == VM_PKT_COMP) {
		if (desc->trans_id == HS_VF_ASSOC_TID) {
			/* optional: Linux does not complete inband messages */
			d->vf_comps++;
			return;
		}
		hs_xfer_done(hc, desc->trans_id, pkt + off, len);
		return;
	}
	if (len < sizeof(struct hvn_nvsp_hdr)) {
		hs_violation(d, "chan %u: packet without an NVSP header", hc->index);
		return;
	}
	memcpy(&in, pkt + off, min_t(u32, len, sizeof(in)));
	if (in.hdr.msg_type < ARRAY_SIZE(n->msgs))
		n->msgs[in.hdr.msg_type]++;
	if (desc->type == VM_PKT_DATA_USING_GPA_DIRECT &&
	    in.hdr.msg_type != HVN_NVSP_MSG1_SEND_RNDIS_PKT) {
		hs_violation(d, "GPA-direct packet carries NVSP type %u",
			     in.hdr.msg_type);
		return;
	}
	switch (in.hdr.msg_type) {
	case HVN_NVSP_MSG_INIT:
		hs_on_init(hc, desc->trans_id, comp, &in, len);
		break;
	case HVN_NVSP_MSG2_SEND_NDIS_CONFIG:
		hs_on_ndis_config(hc, &in, len);
		break;
	case HVN_NVSP_MSG1_SEND_NDIS_VER:
		hs_on_ndis_ver(hc, desc->trans_id, comp, &in, len);
		break;
	case HVN_NVSP_MSG1_SEND_RECV_BUF:
		hs_on_recv_buf(hc, desc->trans_id, comp, &in, len);
		break;
	case HVN_NVSP_MSG1_SEND_SEND_BUF:
		hs_on_send_buf(hc, desc->trans_id, comp, &in, len);
		break;
	case HVN_NVSP_MSG1_REVOKE_RECV_BUF:
		hs_on_revoke(hc, &in, len, true);
		break;
	case HVN_NVSP_MSG1_REVOKE_SEND_BUF:
		hs_on_revoke(hc, &in, len, false);
		break;
	case HVN_NVSP_MSG1_SEND_RNDIS_PKT:
		hs_on_rndis_pkt(hc, desc->type, desc->trans_id, comp, pkt, pktlen,
				off, &in, len);
		break;
	case HVN_NVSP_MSG5_SUBCHANNEL:
		hs_on_subchannel(hc, desc->trans_id, comp, &in, len);
		break;
	case HVN_NVSP_MSG4_SWITCH_DATA_PATH:
		hs_on_switch(hc, desc->trans_id, comp, &in, len);
		break;
	default:
		hs_violation(d, "chan %u: NVSP message type %u not handled by a host",
			     hc->index, in.hdr.msg_type);
	}
}

void hs_nvsp_show(struct seq_file *m, struct hs_dev *d)
{
	struct hs_nvsp *n = d->nvsp;
	u32 i;

	seq_printf(m, "nvsp_version %s\n", n->version ? hs_ver_name(n->version) : "none");
	seq_printf(m, "ndis_version %u.%u\n", n->ndis_major, n->ndis_minor);
	seq_printf(m, "ndis_mtu %u\n", n->ndis_mtu);
	seq_printf(m, "ndis_caps %#llx\n", n->caps);
	seq_printf(m, "recv_buf %u sections of %u\n", n->recv_buf ? d->nsect : 0,
		   d->sect_size);
	seq_printf(m, "send_buf %u bytes sections of %u\n",
		   n->send_buf ? d->sbuf_size : 0, d->sbuf_sect_size);
	seq_printf(m, "subchannels %u\n", n->subchannels);
	seq_printf(m, "datapath %s\n", n->datapath ? "vf" : "synthetic");
	seq_printf(m, "datapath_switches %llu\n", n->dp_switches);
	seq_printf(m, "vf_allocated %u\n", d->vf_allocated);
	seq_printf(m, "vf_serial %u\n", d->vf_serial);
	seq_printf(m, "vf_assigned %u\n", d->vf_assigned);
	seq_printf(m, "vf_messages %llu completed %llu\n", d->vf_msgs, d->vf_comps);
	seq_printf(m, "pm_suspends %llu\n", d->pm_suspends);
	seq_printf(m, "pm_resumes %llu\n", d->pm_resumes);
	for (i = 0; i < ARRAY_SIZE(n->msgs); i++)
		if (n->msgs[i])
			seq_printf(m, "nvsp_msg %u %llu\n", i, n->msgs[i]);
}
