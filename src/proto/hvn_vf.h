/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SR-IOV VF failover decisions: the host's VF association of one NVSP
 * session as one word, which device is the VF, and the PCI slot name the
 * serial is compared with.
 *
 * Pure code: no kernel calls, compiled unchanged in userspace.
 */
#ifndef _HVN_PROTO_VF_H
#define _HVN_PROTO_VF_H

#include <hvn/types.h>

/* Association word: nothing heard this session, offered (| serial), withdrawn */
#define HVN_VF_ASSOC_NONE	0ULL
#define HVN_VF_ASSOC_ON		BIT_ULL(32)
#define HVN_VF_ASSOC_OFF	BIT_ULL(33)

/* How well a device matches a synthetic NIC (higher wins) */
enum hvn_vf_rank {
	HVN_VF_RANK_NONE = 0,	/* not its VF */
	HVN_VF_RANK_MAC = 1,	/* same MAC, no (matching) association */
	HVN_VF_RANK_SERIAL = 2,	/* the slot the host named, same MAC */
};

u64 hvn_vf_assoc_word(bool allocated, u32 serial);
bool hvn_vf_assoc_offered(u64 assoc);
bool hvn_vf_assoc_withdrawn(u64 assoc);
enum hvn_vf_rank hvn_vf_rank(u64 assoc, bool has_serial, u32 serial,
			     bool same_mac);
bool hvn_vf_slot_number(const char *name, u32 *serial);

#endif /* _HVN_PROTO_VF_H */
