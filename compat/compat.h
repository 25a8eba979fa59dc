/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Modern kernel APIs on older kernels.
 *
 * Every block below is keyed on one HAVE_* result of compat/probe.sh (see
 * compat/probes/<name>.c) and never on a kernel version: distribution kernels
 * backport interfaces their version number would not predict.  The driver in
 * src/ is written against the newest API and includes this header first.
 */
#ifndef HVN_COMPAT_H
#define HVN_COMPAT_H

#include <linux/slab.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/skbuff.h>
#include <linux/filter.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/hyperv.h>
#include <net/xdp.h>

#ifdef HAVE_PAGE_POOL_HELPERS_H
#include <net/page_pool/helpers.h>
#else
#include <net/page_pool.h>
#endif
#ifdef HAVE_PAGE_TO_NETMEM
#include <net/netmem.h>
#endif
#ifdef HAVE_NETDEV_STAT_OPS
#include <net/netdev_queues.h>
#endif
#ifdef HAVE_NETDEV_LOCK_OPS
#include <net/netdev_lock.h>
#endif
#ifdef HAVE_HV_IS_ISOLATION_SUPPORTED
#include <asm/mshyperv.h>
#endif

/* Names of the probes that failed on the kernel we were built for. */
extern const char hvn_compat_fallbacks[];

/* ---- memory ------------------------------------------------------------ */

#ifndef HAVE_KZALLOC_OBJ
/* Zeroed allocation of one object of the type of @obj */
#define kzalloc_obj(obj, gfp) kzalloc(sizeof(obj), gfp)
#define kvzalloc_obj(obj, gfp) kvzalloc(sizeof(obj), gfp)
#endif

/* ---- timers and time ---------------------------------------------------- */

#ifndef HAVE_TIMER_DELETE_SYNC
static inline int timer_delete_sync(struct timer_list *timer)
{
	return del_timer_sync(timer);
}
#endif

#ifndef HAVE_TIMER_DELETE
static inline int timer_delete(struct timer_list *timer)
{
	return del_timer(timer);
}
#endif

#ifndef HAVE_TIMER_CONTAINER_OF
#define timer_container_of(var, timer, field) from_timer(var, timer, field)
#endif

#ifndef HAVE_SECS_TO_JIFFIES
#define secs_to_jiffies(secs) ((unsigned long)(secs) * HZ)
#endif

/* ---- net_device --------------------------------------------------------- */

#ifndef HAVE_NETIF_NAPI_ADD_WEIGHT
/* Before the split, netif_napi_add() took the weight; 64 is the default. */
static inline void
netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
		      int (*poll)(struct napi_struct *, int), int weight)
{
	(netif_napi_add)(dev, napi, poll, weight);
}

static inline void
hvn_compat_netif_napi_add(struct net_device *dev, struct napi_struct *napi,
			  int (*poll)(struct napi_struct *, int))
{
	(netif_napi_add)(dev, napi, poll, NAPI_POLL_WEIGHT);
}

#define netif_napi_add(dev, napi, poll) hvn_compat_netif_napi_add(dev, napi, poll)
#endif

#ifndef HAVE_NETIF_SET_TSO_MAX_SIZE
static inline void netif_set_tso_max_size(struct net_device *dev,
					  unsigned int size)
{
	netif_set_gso_max_size(dev, size);
}
#endif

#ifndef HAVE_NETIF_SET_TSO_MAX_SEGS
static inline void netif_set_tso_max_segs(struct net_device *dev,
					  unsigned int segs)
{
	dev->gso_max_segs = segs;
}
#endif

#ifndef HAVE_NETIF_SET_REAL_NUM_QUEUES
static inline int netif_set_real_num_queues(struct net_device *dev,
					    unsigned int txq, unsigned int rxq)
{
	int ret;

	ret = netif_set_real_num_tx_queues(dev, txq);
	if (ret)
		return ret;
	return netif_set_real_num_rx_queues(dev, rxq);
}
#endif

#ifndef HAVE_NETIF_QUEUE_SET_NAPI
/* The queue/NAPI mapping only feeds netlink queries; nothing to do. */
enum netdev_queue_type {
	NETDEV_QUEUE_TYPE_RX,
	NETDEV_QUEUE_TYPE_TX,
};

static inline void netif_queue_set_napi(struct net_device *dev,
					unsigned int queue_index,
					enum netdev_queue_type type,
					struct napi_struct *napi)
{
}
#endif

#ifndef HAVE_ETH_HW_ADDR_SET
static inline void eth_hw_addr_set(struct net_device *dev, const u8 *addr)
{
	ether_addr_copy(dev->dev_addr, addr);
}
#endif

#ifndef HAVE_DEV_ADDR_SET
static inline void dev_addr_set(struct net_device *dev, const u8 *addr)
{
	memcpy(dev->dev_addr, addr, dev->addr_len);
}
#endif

#ifndef HAVE_DEV_CORE_STATS
static inline void dev_core_stats_rx_dropped_inc(struct net_device *dev)
{
	atomic_long_inc(&dev->rx_dropped);
}

static inline void dev_core_stats_tx_dropped_inc(struct net_device *dev)
{
	atomic_long_inc(&dev->tx_dropped);
}
#endif

#ifndef HAVE_NETDEV_HOLD
struct hvn_compat_netdevice_tracker {
};

#define netdevice_tracker struct hvn_compat_netdevice_tracker

static inline void netdev_hold(struct net_device *dev,
			       netdevice_tracker *tracker, gfp_t gfp)
{
	dev_hold(dev);
}

static inline void netdev_put(struct net_device *dev,
			      netdevice_tracker *tracker)
{
	dev_put(dev);
}
#endif

#ifndef HAVE_IFF_NO_ADDRCONF
/* Before the flag, IPv6 addrconf skipped IFF_SLAVE devices by itself. */
#define IFF_NO_ADDRCONF		0
#endif

#ifndef HAVE_NETDEV_POST_INIT
/*
 * No event before a device registers: an event number no notifier call
 * carries, so the VF is marked a slave at NETDEV_REGISTER only.
 */
#define NETDEV_POST_INIT	(~0UL)
#endif

#ifndef HAVE_NETDEV_LOCK_OPS
/* Without a per-device instance lock, RTNL is what serialises the ops. */
static inline void netdev_lock_ops(struct net_device *dev)
{
}

static inline void netdev_unlock_ops(struct net_device *dev)
{
}
#endif

#ifndef HAVE_NETDEV_STAT_OPS
/*
 * No per-queue statistics over netlink: keep the driver's table compiling
 * and drop it.  ethtool -S carries the same counters on every kernel.
 */
struct netdev_queue_stats_rx {
	u64 bytes;
	u64 packets;
	u64 alloc_fail;
};

struct netdev_queue_stats_tx {
	u64 bytes;
	u64 packets;
	u64 stop;
	u64 wake;
};

struct netdev_stat_ops {
	void (*get_queue_stats_rx)(struct net_device *dev, int idx,
				   struct netdev_queue_stats_rx *stats);
	void (*get_queue_stats_tx)(struct net_device *dev, int idx,
				   struct netdev_queue_stats_tx *stats);
	void (*get_base_stats)(struct net_device *dev,
			       struct netdev_queue_stats_rx *rx,
			       struct netdev_queue_stats_tx *tx);
};

#define netdev_set_stat_ops(dev, ops) ((void)(dev), (void)(ops))
#else
#define netdev_set_stat_ops(dev, ops) ((dev)->stat_ops = (ops))
#endif

/* ---- sk_buff ------------------------------------------------------------ */

#ifndef HAVE_KFREE_SKB_REASON
/* Drop reasons the driver uses; older kernels only free the skb. */
enum skb_drop_reason {
	SKB_DROP_REASON_NOT_SPECIFIED = 2,
};

static inline void kfree_skb_reason(struct sk_buff *skb,
				    enum skb_drop_reason reason)
{
	kfree_skb(skb);
}
#endif

#ifndef HAVE_NAPI_BUILD_SKB
#define napi_build_skb(data, frag_size) build_skb(data, frag_size)
#endif

#ifndef HAVE_SKB_FRAG_FILL_PAGE_DESC
static inline void skb_frag_fill_page_desc(skb_frag_t *frag, struct page *page,
					   int off, int size)
{
	__skb_frag_set_page(frag, page);
	skb_frag_off_set(frag, off);
	skb_frag_size_set(frag, size);
}
#endif

/* ---- XDP ---------------------------------------------------------------- */

#ifndef HAVE_XDP_FEATURES
/* No XDP feature advertisement: programs are accepted by ndo_bpf alone. */
typedef u32 xdp_features_t;
#define NETDEV_XDP_ACT_BASIC		BIT(0)
#define NETDEV_XDP_ACT_REDIRECT		BIT(1)
#define NETDEV_XDP_ACT_NDO_XMIT		BIT(2)
#define NETDEV_XDP_ACT_XSK_ZEROCOPY	BIT(3)
#define NETDEV_XDP_ACT_HW_OFFLOAD	BIT(4)
#define NETDEV_XDP_ACT_RX_SG		BIT(5)
#define NETDEV_XDP_ACT_NDO_XMIT_SG	BIT(6)

static inline void xdp_set_features_flag(struct net_device *dev,
					 xdp_features_t val)
{
}

static inline void xdp_clear_features_flag(struct net_device *dev)
{
}
#endif

#ifndef HAVE_XDP_SET_FEATURES_FLAG_LOCKED
#define xdp_set_features_flag_locked(dev, val) xdp_set_features_flag(dev, val)
#endif

#ifndef HAVE_XDP_INIT_BUFF
static inline void xdp_init_buff(struct xdp_buff *xdp, u32 frame_sz,
				 struct xdp_rxq_info *rxq)
{
	xdp->frame_sz = frame_sz;
	xdp->rxq = rxq;
}

static inline void xdp_prepare_buff(struct xdp_buff *xdp,
				    unsigned char *hard_start, int headroom,
				    int data_len, const bool meta_valid)
{
	unsigned char *data = hard_start + headroom;

	xdp->data_hard_start = hard_start;
	xdp->data = data;
	xdp->data_end = data + data_len;
	xdp->data_meta = meta_valid ? data : data + 1;
}
#endif

#ifndef HAVE_XDP_RXQ_INFO_REG_NAPI_ID
static inline int hvn_compat_xdp_rxq_info_reg(struct xdp_rxq_info *rxq,
					      struct net_device *dev,
					      u32 queue, unsigned int napi_id)
{
	return (xdp_rxq_info_reg)(rxq, dev, queue);
}

#define xdp_rxq_info_reg(rxq, dev, queue, napi_id) \
	hvn_compat_xdp_rxq_info_reg(rxq, dev, queue, napi_id)
#endif

#ifndef HAVE_XDP_BUFF_HAS_FRAGS
/* Single-buffer XDP only: a frame never has fragments. */
static inline bool xdp_buff_has_frags(const struct xdp_buff *xdp)
{
	return false;
}

static inline bool xdp_frame_has_frags(const struct xdp_frame *xdpf)
{
	return false;
}

static inline unsigned int xdp_get_buff_len(const struct xdp_buff *xdp)
{
	return xdp->data_end - xdp->data;
}
#endif

/* A program that takes multi-buffer frames (loaded with the frags flag) */
static inline bool hvn_xdp_prog_frags(const struct bpf_prog *prog)
{
#ifdef HAVE_XDP_HAS_FRAGS
	return prog->aux->xdp_has_frags;
#else
	return false;
#endif
}

#ifndef HAVE_PAGE_TO_NETMEM
/* Before netmem, fragments are pages. */
#define page_to_netmem(page) (page)
#define netmem_to_page(netmem) (netmem)
#endif

#ifndef HAVE_XDP_BUFF_ADD_FRAG
/* Append one fragment (a page) to a frame; false when it has no room. */
static inline bool hvn_compat_xdp_buff_add_frag(struct xdp_buff *xdp,
						struct page *page, u32 off,
						u32 size, u32 truesize)
{
#ifdef HAVE_XDP_BUFF_HAS_FRAGS
	struct skb_shared_info *sinfo = xdp_get_shared_info_from_buff(xdp);

	if (!xdp_buff_has_frags(xdp)) {
		xdp_buff_set_frags_flag(xdp);
		sinfo->nr_frags = 0;
		sinfo->xdp_frags_size = 0;
#ifdef HAVE_XDP_FRAGS_TRUESIZE
		sinfo->xdp_frags_truesize = 0;
#endif
	}
	if (sinfo->nr_frags >= MAX_SKB_FRAGS)
		return false;
	skb_frag_fill_page_desc(&sinfo->frags[sinfo->nr_frags++], page, off,
				size);
	sinfo->xdp_frags_size += size;
#ifdef HAVE_XDP_FRAGS_TRUESIZE
	sinfo->xdp_frags_truesize += truesize;
#endif
	if (page_is_pfmemalloc(page))
		xdp_buff_set_frag_pfmemalloc(xdp);
	return true;
#else
	return false;
#endif
}

#define xdp_buff_add_frag(xdp, netmem, off, size, truesize) \
	hvn_compat_xdp_buff_add_frag(xdp, netmem_to_page(netmem), off, size, \
				     truesize)
#endif

#ifndef HAVE_XDP_UPDATE_SKB_FRAGS_INFO
/* The frame's flags that matter to an skb built from it */
static inline u32 xdp_buff_get_skb_flags(const struct xdp_buff *xdp)
{
#ifdef HAVE_XDP_BUFF_HAS_FRAGS
	return xdp->flags;
#else
	return 0;
#endif
}

/* An skb built around a frame's head takes over its fragments. */
static inline void xdp_update_skb_frags_info(struct sk_buff *skb, u8 nr_frags,
					     unsigned int size,
					     unsigned int truesize, u32 flags)
{
	skb_shinfo(skb)->nr_frags = nr_frags;
	skb->len += size;
	skb->data_len += size;
	skb->truesize += truesize;
#ifdef HAVE_XDP_BUFF_HAS_FRAGS
	if (flags & XDP_FLAGS_FRAGS_PF_MEMALLOC)
		skb->pfmemalloc = true;
#endif
}
#endif

#ifndef HAVE_XDP_CONVERT_BUFF_TO_FRAME
#define xdp_convert_buff_to_frame(xdp) convert_to_xdp_frame(xdp)
#endif

#ifndef HAVE_XDP_GET_FRAME_LEN
static inline unsigned int xdp_get_frame_len(const struct xdp_frame *xdpf)
{
	return xdpf->len;
}
#endif

#ifndef HAVE_XDP_DO_FLUSH
#define xdp_do_flush() xdp_do_flush_map()
#endif

#ifndef HAVE_BPF_WARN_INVALID_XDP_ACTION_DEV
static inline void hvn_compat_bpf_warn_invalid_xdp_action(struct net_device *dev,
							  struct bpf_prog *prog,
							  u32 act)
{
	(bpf_warn_invalid_xdp_action)(act);
}

#define bpf_warn_invalid_xdp_action(dev, prog, act) \
	hvn_compat_bpf_warn_invalid_xdp_action(dev, prog, act)
#endif

#if !defined(HAVE_NETIF_XDP_PROPAGATE)
#ifdef HAVE_DEV_XDP_PROPAGATE
#define netif_xdp_propagate(dev, bpf) dev_xdp_propagate(dev, bpf)
#else
int netif_xdp_propagate(struct net_device *dev, struct netdev_bpf *bpf);
#endif
#endif

#ifndef HAVE_PAGE_POOL_PUT_FULL_PAGE
#define page_pool_put_full_page(pool, page, direct) \
	page_pool_put_page(pool, page, direct)
#endif

#if !IS_ENABLED(CONFIG_PAGE_POOL)
#error "hv_netvsc needs a kernel built with CONFIG_PAGE_POOL"
#endif

/*
 * Pages of the queue's page pool in an skb go back to the pool when the skb
 * is freed.  Before skbs could recycle, the pages leave the pool here and
 * are freed as ordinary pages.
 */
static inline void hvn_skb_mark_for_recycle(struct sk_buff *skb,
					    struct page_pool *pool)
{
#ifdef HAVE_SKB_MARK_FOR_RECYCLE
	skb_mark_for_recycle(skb);
#else
	u32 i;

	page_pool_release_page(pool, virt_to_head_page(skb->head));
	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++)
		page_pool_release_page(pool,
				       skb_frag_page(&skb_shinfo(skb)->frags[i]));
#endif
}

/* ---- ethtool ------------------------------------------------------------ */

#ifndef HAVE_ETHTOOL_SPRINTF
__printf(2, 3) void ethtool_sprintf(u8 **data, const char *fmt, ...);
#endif

#ifndef HAVE_ETHTOOL_PUTS
void ethtool_puts(u8 **data, const char *str);
#endif

/*
 * Ops whose prototype changed.  The driver writes each handler with the
 * newest prototype and lists it in its ethtool_ops through these macros;
 * on older kernels DEFINE_* emits an adapter with the old prototype.
 * Use:  HVN_DEFINE_ETHTOOL_RINGPARAM(get, set) before the ops table, then
 *       HVN_ETHTOOL_RINGPARAM(get, set) inside it.  Same for the others.
 */
#ifdef HAVE_ETHTOOL_RINGPARAM_KERNEL
#define HVN_DEFINE_ETHTOOL_RINGPARAM(get, set)
#define HVN_ETHTOOL_RINGPARAM(get, set) \
	.get_ringparam = get, .set_ringparam = set
#else
struct kernel_ethtool_ringparam {
	u32 rx_buf_len;
	u8 tcp_data_split;
	u8 tx_push;
	u8 rx_push;
	u32 cqe_size;
	u32 tx_push_buf_len;
	u32 tx_push_buf_max_len;
};

#define HVN_DEFINE_ETHTOOL_RINGPARAM(get, set)				\
static void get##_compat(struct net_device *dev,			\
			 struct ethtool_ringparam *ring)		\
{									\
	struct kernel_ethtool_ringparam kring = {};			\
									\
	get(dev, ring, &kring, NULL);					\
}									\
static int set##_compat(struct net_device *dev,				\
			struct ethtool_ringparam *ring)			\
{									\
	struct kernel_ethtool_ringparam kring = {};			\
									\
	return set(dev, ring, &kring, NULL);				\
}

#define HVN_ETHTOOL_RINGPARAM(get, set) \
	.get_ringparam = get##_compat, .set_ringparam = set##_compat
#endif

#ifdef HAVE_ETHTOOL_RXFH_PARAM
#define HVN_DEFINE_ETHTOOL_RXFH(get, set)
#define HVN_ETHTOOL_RXFH(get, set) .get_rxfh = get, .set_rxfh = set
#else
struct ethtool_rxfh_param {
	u8 hfunc;
	u32 indir_size;
	u32 *indir;
	u32 key_size;
	u8 *key;
	u32 rss_context;
	u8 rss_delete;
	u8 input_xfrm;
};

#define HVN_DEFINE_ETHTOOL_RXFH(get, set)				\
static int get##_compat(struct net_device *dev, u32 *indir, u8 *key,	\
			u8 *hfunc)					\
{									\
	const struct ethtool_ops *ops = dev->ethtool_ops;		\
	struct ethtool_rxfh_param p = {					\
		.indir = indir, .key = key,				\
		.indir_size = ops->get_rxfh_indir_size ?		\
			ops->get_rxfh_indir_size(dev) : 0,		\
		.key_size = ops->get_rxfh_key_size ?			\
			ops->get_rxfh_key_size(dev) : 0,		\
	};								\
	int ret = get(dev, &p);						\
									\
	if (!ret && hfunc)						\
		*hfunc = p.hfunc;					\
	return ret;							\
}									\
static int set##_compat(struct net_device *dev, const u32 *indir,	\
			const u8 *key, const u8 hfunc)			\
{									\
	const struct ethtool_ops *ops = dev->ethtool_ops;		\
	struct ethtool_rxfh_param p = {					\
		.indir = (u32 *)indir, .key = (u8 *)key,		\
		.hfunc = hfunc,						\
		.indir_size = ops->get_rxfh_indir_size ?		\
			ops->get_rxfh_indir_size(dev) : 0,		\
		.key_size = ops->get_rxfh_key_size ?			\
			ops->get_rxfh_key_size(dev) : 0,		\
	};								\
									\
	return set(dev, &p, NULL);					\
}

#define HVN_ETHTOOL_RXFH(get, set) \
	.get_rxfh = get##_compat, .set_rxfh = set##_compat
#endif

/*
 * Flow-hash fields (ethtool -n/-N rx-flow-hash) and the RX ring count: new
 * kernels have their own ops, older ones route them through get/set_rxnfc.
 * The driver supplies get_fields, set_fields and ring_count with the newest
 * prototypes; the adapter also answers ETHTOOL_GRXRINGS.
 */
#ifndef HAVE_ETHTOOL_RXFH_FIELDS
struct ethtool_rxfh_fields {
	u32 flow_type;
	u64 data;
	u32 rss_context;
};
#endif

#if defined(HAVE_ETHTOOL_RXFH_FIELDS) && defined(HAVE_ETHTOOL_GET_RX_RING_COUNT)
#define HVN_DEFINE_ETHTOOL_RXFH_FIELDS(get_fields, set_fields, ring_count)
#define HVN_ETHTOOL_RXFH_FIELDS(get_fields, set_fields, ring_count)	\
	.get_rxfh_fields = get_fields, .set_rxfh_fields = set_fields,	\
	.get_rx_ring_count = ring_count
#else
#ifdef HAVE_ETHTOOL_RXFH_FIELDS
/* The core calls the fields ops itself; rxnfc only counts rings. */
#define HVN_ETHTOOL_RXFH_FIELDS_OPS(get_fields, set_fields)		\
	.get_rxfh_fields = get_fields, .set_rxfh_fields = set_fields,

static inline int
hvn_rxnfc_get_fields(int (*get_fields)(struct net_device *dev,
				       struct ethtool_rxfh_fields *f),
		     struct net_device *dev, struct ethtool_rxnfc *info)
{
	return -EOPNOTSUPP;
}

static inline int
hvn_rxnfc_set_fields(int (*set_fields)(struct net_device *dev,
				       const struct ethtool_rxfh_fields *f,
				       struct netlink_ext_ack *extack),
		     struct net_device *dev, struct ethtool_rxnfc *info)
{
	return -EOPNOTSUPP;
}
#else
#define HVN_ETHTOOL_RXFH_FIELDS_OPS(get_fields, set_fields)

static inline int
hvn_rxnfc_get_fields(int (*get_fields)(struct net_device *dev,
				       struct ethtool_rxfh_fields *f),
		     struct net_device *dev, struct ethtool_rxnfc *info)
{
	struct ethtool_rxfh_fields f = { .flow_type = info->flow_type };
	int ret = get_fields(dev, &f);

	if (!ret)
		info->data = f.data;
	return ret;
}

static inline int
hvn_rxnfc_set_fields(int (*set_fields)(struct net_device *dev,
				       const struct ethtool_rxfh_fields *f,
				       struct netlink_ext_ack *extack),
		     struct net_device *dev, struct ethtool_rxnfc *info)
{
	struct ethtool_rxfh_fields f = { .flow_type = info->flow_type,
					 .data = info->data };

	return set_fields(dev, &f, NULL);
}
#endif

#define HVN_DEFINE_ETHTOOL_RXFH_FIELDS(get_fields, set_fields, ring_count) \
static int get_fields##_##ring_count(struct net_device *dev,		\
				     struct ethtool_rxnfc *info,	\
				     u32 *rules)			\
{									\
	if (info->cmd == ETHTOOL_GRXRINGS) {				\
		info->data = ring_count(dev);				\
		return 0;						\
	}								\
	if (info->cmd == ETHTOOL_GRXFH)					\
		return hvn_rxnfc_get_fields(get_fields, dev, info);	\
	return -EOPNOTSUPP;						\
}									\
static int set_fields##_rxnfc(struct net_device *dev,			\
			      struct ethtool_rxnfc *info)		\
{									\
	if (info->cmd == ETHTOOL_SRXFH)					\
		return hvn_rxnfc_set_fields(set_fields, dev, info);	\
	return -EOPNOTSUPP;						\
}

#define HVN_ETHTOOL_RXFH_FIELDS(get_fields, set_fields, ring_count)	\
	HVN_ETHTOOL_RXFH_FIELDS_OPS(get_fields, set_fields)		\
	.get_rxnfc = get_fields##_##ring_count,				\
	.set_rxnfc = set_fields##_rxnfc
#endif

/* ---- VMBus -------------------------------------------------------------- */

#ifndef HAVE_HV_DRIVER_REMOVE_VOID
#define HVN_DEFINE_HV_REMOVE(fn)					\
static int fn##_compat(struct hv_device *dev)				\
{									\
	fn(dev);							\
	return 0;							\
}

#define HVN_HV_REMOVE(fn) .remove = fn##_compat
#else
#define HVN_DEFINE_HV_REMOVE(fn)
#define HVN_HV_REMOVE(fn) .remove = fn
#endif

#ifndef HAVE_HV_IS_ISOLATION_SUPPORTED
/* No Confidential VM support in this kernel: never isolated. */
static inline bool hv_is_isolation_supported(void)
{
	return false;
}
#endif

#ifndef HAVE_VMBUS_GPADL
/* GPADLs were a bare handle; keep buffer and size beside it. */
struct vmbus_gpadl {
	u32 gpadl_handle;
	u32 size;
	void *buffer;
};

static inline int hvn_compat_establish_gpadl(struct vmbus_channel *chan,
					     void *buf, u32 size,
					     struct vmbus_gpadl *gpadl)
{
	int ret = vmbus_establish_gpadl(chan, buf, size, &gpadl->gpadl_handle);

	if (!ret) {
		gpadl->size = size;
		gpadl->buffer = buf;
	}
	return ret;
}

static inline int hvn_compat_teardown_gpadl(struct vmbus_channel *chan,
					    struct vmbus_gpadl *gpadl)
{
	int ret = vmbus_teardown_gpadl(chan, gpadl->gpadl_handle);

	if (!ret)
		gpadl->gpadl_handle = 0;
	return ret;
}

#define vmbus_establish_gpadl(chan, buf, size, gpadl) \
	hvn_compat_establish_gpadl(chan, buf, size, gpadl)
#define vmbus_teardown_gpadl(chan, gpadl) hvn_compat_teardown_gpadl(chan, gpadl)
#endif

#ifndef HAVE_VMBUS_SENDPACKET_GETID
/* Without a channel requestor the request id goes to the host unchanged. */
static inline int vmbus_sendpacket_getid(struct vmbus_channel *chan, void *buf,
					 u32 len, u64 requestid, u64 *trans_id,
					 enum vmbus_packet_type type, u32 flags)
{
	if (trans_id)
		*trans_id = requestid;
	return vmbus_sendpacket(chan, buf, len, requestid, type, flags);
}
#endif

#ifndef HAVE_VMBUS_MPB_MULTIRANGE
/*
 * Here vmbus_sendpacket_mpb_desc() always sends one range (it sets
 * rangecount itself); send the caller's ranges as page buffers instead,
 * one per page, which is what this kernel's VMBus offers for that.
 */
int hvn_compat_sendpacket_mpb_desc(struct vmbus_channel *chan,
				   struct vmbus_packet_mpb_array *desc,
				   u32 desc_size, void *buf, u32 len, u64 rid);

#define vmbus_sendpacket_mpb_desc(chan, desc, size, buf, len, rid) \
	hvn_compat_sendpacket_mpb_desc(chan, desc, size, buf, len, rid)
#endif

/*
 * The largest packet the channel may read from its ring; VMBus copies and
 * checks host packets against it where the field exists.
 */
static inline void hvn_chan_set_max_pkt_size(struct vmbus_channel *chan,
					     u32 size)
{
#ifdef HAVE_VMBUS_CHANNEL_MAX_PKT_SIZE
	chan->max_pkt_size = size;
#endif
}

#endif /* HVN_COMPAT_H */
