/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VMBus client API as the emulator implements it, written once and
 * included by each binding: bind_modular.c names the functions as the kernel
 * does and exports them; bind_livepatch.c names them hs_lp_* and redirects
 * the built-in functions to them.  HS_API(name) and HS_EXPORT(name) come
 * from the including file.
 */

int HS_API(__vmbus_driver_register)(struct hv_driver *drv, struct module *owner,
			    const char *mod_name)
{
	return hs_api_driver_register(drv, owner, mod_name);
}
HS_EXPORT(__vmbus_driver_register);

void HS_API(vmbus_driver_unregister)(struct hv_driver *drv)
{
	hs_api_driver_unregister(drv);
}
HS_EXPORT(vmbus_driver_unregister);

int HS_API(vmbus_open)(struct vmbus_channel *ch, u32 send_size, u32 recv_size,
	       void *udata, u32 udatalen, void (*cb)(void *), void *ctx)
{
	return hs_api_open(ch, send_size, recv_size, udata, udatalen, cb, ctx);
}
HS_EXPORT(vmbus_open);

void HS_API(vmbus_close)(struct vmbus_channel *ch)
{
	hs_api_close(ch);
}
HS_EXPORT(vmbus_close);

int HS_API(vmbus_sendpacket)(struct vmbus_channel *ch, void *buf, u32 len, u64 rid,
		     enum vmbus_packet_type type, u32 flags)
{
	return hs_api_sendpacket(ch, buf, len, rid, type, flags);
}
HS_EXPORT(vmbus_sendpacket);

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
int HS_API(vmbus_sendpacket_mpb_desc)(struct vmbus_channel *ch,
			      struct vmbus_packet_mpb_array *desc, u32 desc_size,
			      void *buf, u32 len, u64 rid)
{
	return hs_api_send_gpa(ch, desc, desc_size, buf, len, rid);
}
HS_EXPORT(vmbus_sendpacket_mpb_desc);
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)
/* Page buffers: one range per buffer, each within one page. */
int HS_API(vmbus_sendpacket_pagebuffer)(struct vmbus_channel *ch,
				struct hv_page_buffer pb[], u32 count, void *buf,
				u32 len, u64 rid)
{
	struct vmbus_channel_packet_page_buffer desc;
	u32 i, dsize;

	if (count > MAX_PAGE_BUFFER_COUNT)
		return -EINVAL;
	dsize = sizeof(desc) - (MAX_PAGE_BUFFER_COUNT - count) *
			       sizeof(struct hv_page_buffer);
	desc.rangecount = count;
	for (i = 0; i < count; i++)
		desc.range[i] = pb[i];
	return hs_api_send_gpa(ch, &desc, dsize, buf, len, rid);
}
HS_EXPORT(vmbus_sendpacket_pagebuffer);
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 16, 0)
int HS_API(vmbus_establish_gpadl)(struct vmbus_channel *ch, void *kbuf, u32 size,
			  struct vmbus_gpadl *gpadl)
{
	int err = hs_api_establish_gpadl(ch, kbuf, size, &gpadl->gpadl_handle);

	if (!err) {
		gpadl->buffer = kbuf;
		gpadl->size = size;
	}
	return err;
}
HS_EXPORT(vmbus_establish_gpadl);

int HS_API(vmbus_teardown_gpadl)(struct vmbus_channel *ch, struct vmbus_gpadl *gpadl)
{
	int err = hs_api_teardown_gpadl(ch, gpadl->gpadl_handle);

	gpadl->gpadl_handle = 0;
	return err;
}
HS_EXPORT(vmbus_teardown_gpadl);
#else
int HS_API(vmbus_establish_gpadl)(struct vmbus_channel *ch, void *kbuf, u32 size,
			  u32 *handle)
{
	return hs_api_establish_gpadl(ch, kbuf, size, handle);
}
HS_EXPORT(vmbus_establish_gpadl);

int HS_API(vmbus_teardown_gpadl)(struct vmbus_channel *ch, u32 handle)
{
	return hs_api_teardown_gpadl(ch, handle);
}
HS_EXPORT(vmbus_teardown_gpadl);
#endif

#ifdef HS_HAVE_RQST_CALLBACKS
u64 HS_API(vmbus_next_request_id)(struct vmbus_channel *ch, u64 addr)
{
	return hs_api_next_request_id(ch, addr);
}
HS_EXPORT(vmbus_next_request_id);

u64 HS_API(vmbus_request_addr)(struct vmbus_channel *ch, u64 tid)
{
	return hs_api_request_addr(ch, tid);
}
HS_EXPORT(vmbus_request_addr);
#else
/* 5.10: the requestor is passed instead of its channel */
u64 HS_API(vmbus_next_request_id)(struct vmbus_requestor *rq, u64 addr)
{
	return hs_api_next_request_id(container_of(rq, struct vmbus_channel,
						   requestor), addr);
}
HS_EXPORT(vmbus_next_request_id);

u64 HS_API(vmbus_request_addr)(struct vmbus_requestor *rq, u64 tid)
{
	return hs_api_request_addr(container_of(rq, struct vmbus_channel,
						requestor), tid);
}
HS_EXPORT(vmbus_request_addr);
#endif

void HS_API(vmbus_set_sc_create_callback)(struct vmbus_channel *ch,
				  void (*cb)(struct vmbus_channel *))
{
	hs_api_set_sc_create_callback(ch, cb);
}
HS_EXPORT(vmbus_set_sc_create_callback);

void HS_API(vmbus_set_chn_rescind_callback)(struct vmbus_channel *ch,
				    void (*cb)(struct vmbus_channel *))
{
	hs_api_set_chn_rescind_callback(ch, cb);
}
HS_EXPORT(vmbus_set_chn_rescind_callback);

struct vmpacket_descriptor *HS_API(hv_pkt_iter_first)(struct vmbus_channel *ch)
{
	return hs_api_iter_first(ch);
}
HS_EXPORT(hv_pkt_iter_first);

struct vmpacket_descriptor *
HS_API(__hv_pkt_iter_next)(struct vmbus_channel *ch, const struct vmpacket_descriptor *d)
{
	return hs_api_iter_next(ch, d);
}
HS_EXPORT(__hv_pkt_iter_next);

void HS_API(hv_pkt_iter_close)(struct vmbus_channel *ch)
{
	hs_api_iter_close(ch);
}
HS_EXPORT(hv_pkt_iter_close);

int HS_API(vmbus_recvpacket)(struct vmbus_channel *ch, void *buf, u32 len, u32 *actual,
		     u64 *rid)
{
	return hs_api_recvpacket(ch, buf, len, actual, rid, false);
}
HS_EXPORT(vmbus_recvpacket);
