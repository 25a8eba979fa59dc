/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hvn_hostsim: a Hyper-V host emulator that runs inside a Linux guest.
 *
 * Layers (each its own file, dependencies point downwards):
 *   bind_*.c   the VMBus client API under its real names (per kernel family)
 *   vmbus.c    bus, devices, channels, rings, GPADLs, requestor, interrupts
 *   nvsp.c     NVSP host side (version, buffers, sub-channels, data)
 *   rndis.c    RNDIS device (control messages, OIDs, packet parsing)
 *   vswitch.c  the virtual switch port netdev and the RX/TX data path
 *   vfport.c   SR-IOV: the VF's port on the switch, data path steering
 *   ctl.c      debugfs: profile, counters, violations, control switches
 *
 * The emulator validates everything the guest sends with its own checks.
 */
#ifndef _HVN_HOSTSIM_H
#define _HVN_HOSTSIM_H

#include <linux/hyperv.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <linux/irq_work.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/debugfs.h>
#include <linux/version.h>
#include <linux/etherdevice.h>
#include <linux/ipv6.h>
/*
 * Client-visible VMBus structure differences between the kernel families
 * (Debian 5.10 has none of these; 6.1, 6.12 and 7.x have all).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
#define HS_HAVE_PKT_BUFFER	/* inbound packets copied out of the ring */
#define HS_HAVE_RQST_CALLBACKS	/* channel->next_request_id_callback */
#define HS_HAVE_MAX_PKT_SIZE	/* channel->max_pkt_size */
#define HS_HAVE_DMA_PARMS	/* hv_device.dma_parms, dma_mask */
#endif
#if __has_include(<linux/unaligned.h>)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

#define HS_MAX_CHANNELS		64	/* primary + 63 sub-channels */
#define HS_MAX_NICS		4
#define HS_RXQ_LIMIT		1024	/* frames queued per channel */
#define HS_RECV_BUF_ID		0xcafe
#define HS_MAX_XFER_RANGES	64
#define HS_HIST			64	/* protocol message history entries */
#define HS_VF_ASSOC_TID		0x8000000000000000ULL	/* as OpenVMM's host */

/* Host profiles (what the guest sees of the host). */
enum hs_profile_id {
	HS_PROFILE_WS2012R2,
	HS_PROFILE_WS2016,
	HS_PROFILE_AZURE,
	HS_PROFILE_COUNT
};

struct hs_profile {
	const char *name;
	u32 vmbus_version;	/* vmbus_proto_version */
	u32 nvsp_max;		/* highest NVSP version accepted */
	bool udp_csum;		/* UDP checksum offload offered */
	bool ipv6_csum;		/* IPv6 checksum / LSO offered */
	bool rsc;		/* receive segment coalescing offered */
	bool rss;		/* vRSS offered */
	u32 max_queues;		/* RSS queues (sub-channels + 1) */
	u64 link_speed;		/* bits per second */
};

extern const struct hs_profile hs_profiles[HS_PROFILE_COUNT];

struct hs_dev;

/* Event counters of a channel, kept for the device when it closes. */
struct hs_ctr {
	u64 rsc_pkts, rsc_segs;		/* coalesced frames, segments in them */
	u64 rsc_chains;			/* ... that took more than one section */
	u64 partial_copy;		/* sends: a section, then page ranges */
	u64 csum_ppi;			/* receive checksum PPIs sent, with */
	u64 csum_tcp, csum_udp, csum_ip; /* ... these ok bits */
	u64 csum_bad;			/* ... or any failed bit */
	u64 hash_ppi;			/* receive hash value/info PPI pairs sent */
	u64 g2h_full;			/* the guest found its send ring full */
	u64 comp_held;			/* send completions held back */
	u64 stall_defer;		/* ring drains deferred by a stall */
};

#define HS_CTR_N	(sizeof(struct hs_ctr) / sizeof(u64))

static inline void hs_ctr_add(struct hs_ctr *to, const struct hs_ctr *from)
{
	u64 *t = (u64 *)to;
	const u64 *f = (const u64 *)from;
	u32 i;

	for (i = 0; i < HS_CTR_N; i++)
		t[i] += READ_ONCE(f[i]);
}

/* Host view of one channel (primary or sub-channel). */
struct hs_chan {
	struct hs_dev *dev;
	struct vmbus_channel *ch;	/* the guest-visible channel */
	u16 index;			/* sub_channel_index */
	bool opened;
	bool closing;

	/* host mappings of the ring (own vmap, wrap-around mapped) */
	struct hv_ring_buffer *g2h;	/* guest -> host: host reads */
	struct hv_ring_buffer *h2g;	/* host -> guest: host writes */
	u32 g2h_size, h2g_size;		/* data sizes */
	spinlock_t h2g_lock;		/* serialises host writes */
	u32 ring_gpadl;

	struct work_struct g2h_work;	/* drain guest -> host ring */
	struct work_struct rx_work;	/* deliver queued frames */
	struct irq_work irq;		/* interrupt to the guest */
	struct sk_buff_head rxq;	/* frames waiting for the guest */
	u8 *pkt;			/* copy of the packet being handled */
	u8 *gather;			/* linearised guest TX buffer */
	u8 *rscbuf;			/* the coalesced frame being built */

	/* fault injection: held completions, stalled ring draining */
	struct list_head held;		/* struct hs_held, oldest first */
	spinlock_t held_lock;
	struct delayed_work held_work;	/* sends the held completions */
	struct delayed_work stall_work;	/* resumes draining after a stall */
	unsigned long stall_until;	/* jiffies; 0: not stalled */
	bool stalled;			/* the current stall was counted */

	/* counters (read via debugfs) */
	u64 g2h_pkts, h2g_pkts, interrupts;
	u64 tx_frames, tx_bytes, rx_frames, rx_bytes;
	u64 rx_drops, ring_full;
	u32 g2h_used_max;		/* most bytes seen waiting in the g2h ring */
	struct hs_ctr ctr;
};

/* Per-frame data of a frame queued for the guest (in skb->cb). */
struct hs_rxcb {
	u32 hash;		/* Toeplitz hash of the frame */
	u32 hashinfo;		/* its hash type | function, 0: not hashed */
};

#define HS_RXCB(skb)	((struct hs_rxcb *)(skb)->cb)

/* What the host tells the guest about a received frame (its PPIs). */
struct hs_rxmeta {
	u32 csum;		/* TCPIP_CHKSUM receive bits, 0: no PPI */
	u32 hash, hashinfo;	/* hashinfo 0: no hash PPIs */
	bool vlan;
	u16 tci;
};

#define HS_RSC_MAX_SEGS		16	/* segments coalesced into one frame */
#define HS_RSC_BUF		(ETH_HLEN + sizeof(struct ipv6hdr) + 65536)

struct hs_gpadl {
	struct list_head node;
	u32 handle;
	u32 npages;
	u32 size;
	struct page **pages;
	void *hva;		/* host mapping */
	struct vmbus_channel *owner;
	bool ring;
};

/* A transfer-page packet the guest has not completed yet. */
struct hs_xfer {
	u64 tid;
	u16 chan;
	u16 nsect;
	u32 sect[];
};

struct hs_nvsp;
struct hs_rndis;

struct hs_dev {
	int id;
	struct hv_device *hv;		/* current offer (NULL when rescinded) */
	bool registered;
	bool rescinded;
	const struct hs_profile *prof;
	struct mutex lock;		/* control path */

	struct hs_chan *chan[HS_MAX_CHANNELS];
	spinlock_t chan_lock;		/* chan[] against the port's xmit */
	u32 num_open_sub;		/* sub-channels offered */

	spinlock_t gpadl_lock;
	struct list_head gpadls;

	struct hs_nvsp *nvsp;
	struct hs_rndis *rndis;
	struct net_device *port;	/* the virtual switch port */
	bool link_up;
	u8 mac[ETH_ALEN];
	guid_t instance;

	/* receive-buffer sections */
	spinlock_t sect_lock;
	unsigned long *sect_map;
	u32 nsect;
	u32 sect_size;
	u8 *rbuf;			/* host mapping of the guest recv buffer */
	u32 rbuf_size;
	u32 rbuf_gpadl;
	struct hs_xfer **xfers;		/* pending, indexed by tid slot */
	u32 nxfer;
	u64 xfer_gen;

	/* send buffer */
	u8 *sbuf;
	u32 sbuf_size;
	u32 sbuf_gpadl;
	u32 sbuf_sect_size;

	/* violations */
	atomic64_t violations;
	spinlock_t hist_lock;
	char viol_last[8][128];
	u32 viol_pos;
	char hist[HS_HIST][48];		/* protocol message sequence */
	u32 hist_pos;

	/* fault injection switches (ctl.c) and host-side SR-IOV state */
	u32 delay_comp_ms;		/* hold send completions this long */
	u32 stall_ms;			/* last stall length asked for */
	u64 stalls;			/* stalls started */
	bool vf_allocated;
	u32 vf_serial;
	/*
	 * The VF the host has assigned to the VM (debugfs vf), which outlives
	 * a guest session: after every new one (reload, MTU change, channel
	 * change) the host offers it again, as Hyper-V does.
	 */
	bool vf_assigned;
	u32 vf_assigned_serial;
	struct delayed_work vf_reoffer;
	u64 vf_msgs;			/* VF association messages sent */
	u64 vf_comps;			/* ... and completed by the guest */
	/* SR-IOV data path (vfport.c) */
	struct net_device __rcu *vf_port;	/* link partner of the VF */
	bool dp_vf;			/* the data path is the VF */
	u64 pm_suspends, pm_resumes;	/* hibernation cycles */
	u64 dp_forced;			/* VF withdrawn while the data path was VF */
	atomic64_t vf_tx_frames, vf_tx_bytes;	/* guest -> switch via the VF */
	atomic64_t vf_rx_frames, vf_rx_bytes;	/* switch -> guest via the VF */
	atomic64_t vf_tx_offpath;	/* ... from the VF, data path synthetic */
	atomic64_t syn_tx_offpath;	/* synthetic sends, data path VF */
	atomic64_t vf_rx_nopath;	/* data path VF, but no VF port up */
	u32 g2h_used_max;		/* of all channels */
	struct hs_ctr gone;		/* counters of closed channels */

	struct dentry *dbg;
	struct delayed_work offer_work;	/* sub-channel offers */
	u32 offer_pending;
	struct work_struct rescind_work;
};

/* vmbus.c */
extern struct workqueue_struct *hs_wq;
extern u32 hs_vmbus_version;
int hs_vmbus_init(void);
void hs_vmbus_exit(void);
int hs_dev_offer(struct hs_dev *d);
void hs_dev_rescind(struct hs_dev *d);
struct hs_dev *hs_dev_of_channel(struct vmbus_channel *ch);
struct hs_chan *hs_chan_of(struct vmbus_channel *ch);
int hs_chan_write(struct hs_chan *hc, u16 type, u16 flags, u64 tid,
		  const void *hdr, u32 hdrlen, const void *data, u32 datalen,
		  bool wait);
int hs_offer_subchannels(struct hs_dev *d, u32 n);
struct hs_gpadl *hs_gpadl_get(struct hs_dev *d, u32 handle);
void hs_kick_rx(struct hs_chan *hc);
void hs_kick_g2h(struct hs_chan *hc);
void hs_stall(struct hs_dev *d, u32 ms);
void hs_stall_end(struct work_struct *w);
void hs_violation(struct hs_dev *d, const char *fmt, ...) __printf(2, 3);
void hs_hist(struct hs_dev *d, const char *fmt, ...) __printf(2, 3);
void *hs_map_gpa(u64 pfn);
void hs_dev_init_common(struct hs_dev *d);
const struct hv_vmbus_device_id *hs_match_id(struct hv_driver *drv,
					     struct hv_device *hv);
int hs_bus_probe(struct device *dev);
void hs_bus_remove(struct device *dev);
int hs_bus_suspend(struct device *dev);
int hs_bus_resume(struct device *dev);

/* the guest-facing VMBus API (bind_*.c export these under real names) */
int hs_api_driver_register(struct hv_driver *drv, struct module *owner,
			   const char *mod_name);
void hs_api_driver_unregister(struct hv_driver *drv);
int hs_api_open(struct vmbus_channel *ch, u32 send_size, u32 recv_size,
		void *udata, u32 udatalen, void (*cb)(void *), void *ctx);
void hs_api_close(struct vmbus_channel *ch);
int hs_api_send(struct vmbus_channel *ch, const struct kvec *kv, u32 nkv,
		u64 requestid, u64 *trans_id);
int hs_api_sendpacket(struct vmbus_channel *ch, void *buf, u32 len,
		      u64 requestid, enum vmbus_packet_type type, u32 flags);
int hs_api_send_gpa(struct vmbus_channel *ch, void *desc, u32 desc_size,
		    void *buf, u32 len, u64 requestid);
int hs_api_establish_gpadl(struct vmbus_channel *ch, void *kbuf, u32 size,
			   u32 *handle);
int hs_api_teardown_gpadl(struct vmbus_channel *ch, u32 handle);
u64 hs_api_next_request_id(struct vmbus_channel *ch, u64 addr);
u64 hs_api_request_addr(struct vmbus_channel *ch, u64 tid);
void hs_api_set_sc_create_callback(struct vmbus_channel *ch,
				   void (*cb)(struct vmbus_channel *));
void hs_api_set_chn_rescind_callback(struct vmbus_channel *ch,
				     void (*cb)(struct vmbus_channel *));
struct vmpacket_descriptor *hs_api_iter_first(struct vmbus_channel *ch);
struct vmpacket_descriptor *hs_api_iter_next(struct vmbus_channel *ch,
					     const struct vmpacket_descriptor *d);
void hs_api_iter_close(struct vmbus_channel *ch);
int hs_api_recvpacket(struct vmbus_channel *ch, void *buf, u32 len,
		      u32 *actual, u64 *rid, bool raw);

/* binding hooks the core calls (signatures differ between kernels) */
extern struct bus_type hs_bus;
void hs_bind_channel_init(struct vmbus_channel *ch);
void hs_bind_ring_init(struct hv_ring_buffer_info *rbi, void *rb, u32 size,
		       u32 max_pkt);
void hs_bind_ring_free(struct hv_ring_buffer_info *rbi);
int hs_bind_call_remove(struct hv_driver *drv, struct hv_device *hv);
int hs_bind_init(void);
void hs_bind_exit(void);

/* nvsp.c */
int hs_nvsp_alloc(struct hs_dev *d);
void hs_nvsp_free(struct hs_dev *d);
void hs_nvsp_reset(struct hs_dev *d);
void hs_nvsp_forget_vm(struct hs_dev *d);
void hs_nvsp_handle(struct hs_chan *hc, const struct vmpacket_descriptor *desc,
		    u32 pktlen);
void hs_nvsp_show(struct seq_file *m, struct hs_dev *d);
int hs_nvsp_send_rndis(struct hs_chan *hc, const void *msg, u32 len,
		       bool control);
bool hs_nvsp_ready(struct hs_dev *d);
int hs_nvsp_send_vf(struct hs_dev *d, bool allocated, u32 serial);
void hs_vf_reoffer_work(struct work_struct *w);
void hs_nvsp_held_work(struct work_struct *w);
void hs_nvsp_held_flush(struct hs_chan *hc, bool send);
u32 hs_nvsp_version_of(struct hs_dev *d);
u32 hs_nvsp_mtu_of(struct hs_dev *d);

/* rndis.c */
int hs_rndis_alloc(struct hs_dev *d);
void hs_rndis_free(struct hs_dev *d);
void hs_rndis_reset(struct hs_dev *d);
int hs_rndis_from_guest(struct hs_chan *hc, const u8 *buf, u32 len, bool control);
void hs_rndis_show(struct seq_file *m, struct hs_dev *d);
void hs_rndis_link_change(struct hs_dev *d, bool up);
bool hs_rndis_rx_enabled(struct hs_dev *d);
bool hs_rndis_accepts(struct hs_dev *d, const struct sk_buff *skb);
u32 hs_rndis_pick_channel(struct hs_dev *d, struct sk_buff *skb);
bool hs_rndis_rsc_on(struct hs_dev *d, bool v6);
void hs_rndis_rx_meta(struct hs_chan *hc, struct sk_buff *skb,
		      struct hs_rxmeta *m);
u32 hs_rndis_rx_hdrlen(const struct hs_rxmeta *m, u8 frag);
u32 hs_rndis_rx_header(struct hs_chan *hc, const struct hs_rxmeta *m, u8 frag,
		       u8 *dst, u32 dlen);

/* rsc.c */
u32 hs_rsc_gather(struct hs_chan *hc, struct sk_buff *first,
		  struct sk_buff **segs);
int hs_rsc_build(struct hs_chan *hc, struct sk_buff **segs, u32 n);

/* vswitch.c */
int hs_port_create(struct hs_dev *d);
void hs_port_destroy(struct hs_dev *d);
void hs_port_deliver(struct hs_dev *d, struct sk_buff *skb);
void hs_rx_work(struct work_struct *w);
void hs_sections_free(struct hs_dev *d);

/* vfport.c */
bool hs_vf_xmit(struct hs_dev *d, struct sk_buff *skb);
int hs_vf_port_set(struct hs_dev *d, const char *name);
void hs_vf_port_show(struct seq_file *m, struct hs_dev *d);
int hs_vf_port_init(void);
void hs_vf_port_exit(void);

/* ctl.c, inject.c */
extern const struct file_operations hs_inject_fops;
int hs_ctl_init(void);
void hs_ctl_exit(void);
int hs_ctl_add_dev(struct hs_dev *d);
void hs_ctl_del_dev(struct hs_dev *d);

extern struct hs_dev *hs_devs[HS_MAX_NICS];
extern int hs_ndevs;

#endif /* _HVN_HOSTSIM_H */
