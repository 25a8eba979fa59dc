/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RSS indirection tables: the receive table the guest sends to the host,
 * and the 16-entry send table the host sends to the guest.
 */
#ifndef _HVN_PROTO_INDIR_H
#define _HVN_PROTO_INDIR_H

#include <hvn/types.h>
#include <hvn/nvsp.h>
#include <hvn/rndis.h>

/* Channel limits */
#define HVN_MAX_CHANNELS	64
#define HVN_DEFAULT_CHANNELS	8

u32 hvn_indir_num_channels(u32 requested, u32 online_cpus, u32 host_queues);
void hvn_indir_fill_default(u32 *tab, u32 n, u32 nchan);
int hvn_indir_fill_weights(u32 *tab, u32 n, const u32 *weights, u32 nw);
int hvn_indir_check(const u32 *tab, u32 n, u32 nchan);
u32 hvn_indir_send_queue(const u32 table[HVN_NVSP_SEND_TABLE_SIZE],
			 u32 hash, u32 nqueues);

#endif /* _HVN_PROTO_INDIR_H */
