// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz harness: sub-channel, VF and data-path messages and the send
 * indirection table.
 *
 * The input is two configuration bytes (transmit queues in use, 0..64,
 * and subchannels requested) and one NVSP message, an exact-size heap
 * copy.  It goes through hvn_nvsp_inband_type, hvn_nvsp_comp_type,
 * hvn_nvsp_parse_subchannel_complete, hvn_nvsp_parse_vf_association,
 * hvn_nvsp_parse_switch_data_path and hvn_nvsp_parse_send_table (for NVSP
 * 5, 6 and 6.1, with and without the old hosts' offset quirk); every
 * accepted send table is then used to pick transmit queues with
 * hvn_indir_send_queue.
 */
#include "fuzz.h"
#include "hvn_nvsp.h"
#include "hvn_indir.h"

static const u32 versions[] = {
	HVN_NVSP_VERSION_5, HVN_NVSP_VERSION_6, HVN_NVSP_VERSION_61,
};

static u32 get_u32(const u8 *p, u32 len, u32 off)
{
	u32 val = 0;

	if ((u64)off + 4 <= len)
		memcpy(&val, p + off, 4);
	return val;
}

static void send_table(const u8 *msg, u32 len, u32 ver, u32 nq,
		       struct hvn_violations *v)
{
	const u32 tab_len = HVN_NVSP_SEND_TABLE_SIZE * sizeof(u32);
	u32 table[HVN_NVSP_SEND_TABLE_SIZE];
	struct fuzz_viol_snap s;
	u32 off, h, q;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_nvsp_parse_send_table(msg, len, ver, table, v);
	fuzz_check_viol(&s, v, ret);
	if (ret)
		return;
	FUZZ_CHECK(get_u32(msg, len, 0) == HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE);
	FUZZ_CHECK(get_u32(msg, len, 4) == HVN_NVSP_SEND_TABLE_SIZE);

	/* the table is the host's, from its offset or the quirk offset */
	off = get_u32(msg, len, 8);
	if (ver <= HVN_NVSP_VERSION_6 &&
	    len >= HVN_NVSP_SEND_TABLE_QUIRK_OFFSET + tab_len)
		off = HVN_NVSP_SEND_TABLE_QUIRK_OFFSET;
	FUZZ_CHECK(off >= HVN_NVSP_LEN(send_table));
	FUZZ_CHECK((u64)off + tab_len <= len);
	FUZZ_CHECK(!memcmp(table, msg + off, tab_len));

	for (h = 0; h < 2 * HVN_NVSP_SEND_TABLE_SIZE; h++) {
		u32 hash = h * 0x9e3779b9U;

		q = hvn_indir_send_queue(table, hash, nq);
		if (!nq) {
			FUZZ_CHECK(q == 0);
			continue;
		}
		FUZZ_CHECK(q < nq);
		if (table[hash % HVN_NVSP_SEND_TABLE_SIZE] < nq)
			FUZZ_CHECK(q == table[hash % HVN_NVSP_SEND_TABLE_SIZE]);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct hvn_violations v;
	struct fuzz_viol_snap s;
	u32 nq, requested, len, num, serial, dp, ctype, type = 0;
	bool allocated, vf;
	unsigned int i;
	u8 *msg;
	int ret;

	if (size > U32_MAX)
		return 0;
	memset(&v, 0, sizeof(v));
	nq = fuzz_take(&data, &size, 1) % (HVN_MAX_CHANNELS + 1);
	requested = fuzz_take(&data, &size, 1);
	len = size;
	msg = fuzz_dup(data, len);

	fuzz_snap(&s, &v);
	ret = hvn_nvsp_inband_type(msg, len, &type, &v);
	fuzz_check_viol(&s, &v, ret);
	if (!ret)
		FUZZ_CHECK(type == HVN_NVSP_MSG4_SEND_VF_ASSOCIATION ||
			   type == HVN_NVSP_MSG4_SWITCH_DATA_PATH ||
			   type == HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE);

	/* completions too (the subchannel one), of any length */
	fuzz_snap(&s, &v);
	ret = hvn_nvsp_comp_type(msg, len, &ctype, &v);
	fuzz_check_viol(&s, &v, ret);
	if (!ret)
		FUZZ_CHECK(len ? ctype == get_u32(msg, len, 0) :
				 ctype == HVN_NVSP_MSG_NONE);

	fuzz_snap(&s, &v);
	ret = hvn_nvsp_parse_subchannel_complete(msg, len, requested, &num,
						 &v);
	fuzz_check_viol(&s, &v, ret);
	if (ret == -EIO)
		FUZZ_CHECK(get_u32(msg, len, 4) != HVN_NVSP_STAT_SUCCESS);
	if (!ret)
		FUZZ_CHECK(num <= requested && num == get_u32(msg, len, 8));

	fuzz_snap(&s, &v);
	ret = hvn_nvsp_parse_vf_association(msg, len, &allocated, &serial, &v);
	fuzz_check_viol(&s, &v, ret);
	if (!ret) {
		FUZZ_CHECK(type == HVN_NVSP_MSG4_SEND_VF_ASSOCIATION);
		FUZZ_CHECK(allocated == (get_u32(msg, len, 4) != 0));
		FUZZ_CHECK(serial == get_u32(msg, len, 8));
	}

	fuzz_snap(&s, &v);
	ret = hvn_nvsp_parse_switch_data_path(msg, len, &vf, &v);
	fuzz_check_viol(&s, &v, ret);
	dp = get_u32(msg, len, 4);
	if (!ret) {
		FUZZ_CHECK(type == HVN_NVSP_MSG4_SWITCH_DATA_PATH);
		FUZZ_CHECK(dp == HVN_NVSP_DATAPATH_SYNTHETIC ||
			   dp == HVN_NVSP_DATAPATH_VF);
		FUZZ_CHECK(vf == (dp == HVN_NVSP_DATAPATH_VF));
	} else if (v.last == HVN_V_DATAPATH_VALUE) {
		FUZZ_CHECK(dp != HVN_NVSP_DATAPATH_SYNTHETIC &&
			   dp != HVN_NVSP_DATAPATH_VF);
	}

	for (i = 0; i < ARRAY_SIZE(versions); i++)
		send_table(msg, len, versions[i], nq, &v);

	fuzz_check_sum(&v);
	free(msg);
	return 0;
}
