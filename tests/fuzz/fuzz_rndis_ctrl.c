// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz harness: RNDIS completions and indications.
 *
 * The input is one RNDIS message as found in a receive range.  It goes
 * through every host-to-guest RNDIS parser (each must refuse a message of
 * another type with exactly one counted violation): hvn_rndis_msg_type,
 * hvn_rndis_parse_comp (INIT_C, QUERY_C, SET_C, RESET_C, KEEPALIVE_C),
 * hvn_rndis_parse_indicate, hvn_rndis_parse_keepalive and
 * hvn_rndis_parse_packet.  A QUERY_C information buffer is then read as
 * the driver reads query results: hvn_rndis_info_u32, hvn_rndis_info_mac,
 * hvn_ndis_parse_offload_caps (and the offload decision made from it) and
 * hvn_ndis_parse_rss_caps (and the channel count and table built from it).
 */
#include "fuzz.h"
#include "hvn_rndis.h"
#include "hvn_indir.h"
#include <hvn/nvsp.h>

static const u32 versions[] = {
	HVN_NVSP_VERSION_1, HVN_NVSP_VERSION_2, HVN_NVSP_VERSION_4,
	HVN_NVSP_VERSION_5, HVN_NVSP_VERSION_6, HVN_NVSP_VERSION_61,
};

static void offload_caps(const struct hvn_rndis_comp *c,
			 struct hvn_violations *v)
{
	struct hvn_ndis_offload_params params;
	struct hvn_offload_plan plan;
	struct hvn_ndis_offload caps;
	struct fuzz_viol_snap s;
	unsigned int i;
	u32 n;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_ndis_parse_offload_caps(c->info, c->info_len, &caps, v);
	fuzz_check_viol(&s, v, ret);
	if (ret)
		return;
	FUZZ_CHECK(c->info_len >= HVN_NDIS_OFFLOAD_SIZE_REV_1);
	FUZZ_CHECK(caps.hdr.type == HVN_NDIS_OBJ_TYPE_OFFLOAD);
	/* what was copied is the host's object, the rest zero */
	n = c->info_len < caps.hdr.size ? c->info_len : caps.hdr.size;
	n = n < sizeof(caps) ? n : sizeof(caps);
	FUZZ_CHECK(!memcmp(&caps, c->info, n));
	for (i = n; i < sizeof(caps); i++)
		FUZZ_CHECK(((const u8 *)&caps)[i] == 0);

	for (i = 0; i < ARRAY_SIZE(versions); i++) {
		hvn_offload_plan(&caps, versions[i], &plan);
		FUZZ_CHECK(plan.gso_max_size <= HVN_GSO_MAX_SIZE);
		FUZZ_CHECK(!plan.tso4 || plan.tx_csum_tcp4);
		FUZZ_CHECK(!plan.tso6 || plan.tx_csum_tcp6);
		FUZZ_CHECK(!plan.tx_csum_udp4 || plan.tx_csum_tcp4);
		FUZZ_CHECK(!plan.tx_csum_udp6 || plan.tx_csum_tcp6);
		n = hvn_ndis_offload_params(&params, &plan, versions[i],
					    i & 1);
		FUZZ_CHECK(n == HVN_NDIS_OFFLOAD_PARAMS_SIZE ||
			   n == HVN_NDIS_OFFLOAD_PARAMS_SIZE_V4);
	}
}

static void rss_caps(const struct hvn_rndis_comp *c,
		     struct hvn_violations *v)
{
	static u32 itab[HVN_RSS_ITAB_MAX];
	struct hvn_rss_caps caps;
	struct fuzz_viol_snap s;
	u32 nchan;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_ndis_parse_rss_caps(c->info, c->info_len, &caps, v);
	fuzz_check_viol(&s, v, ret);
	if (ret)
		return;
	FUZZ_CHECK(c->info_len >= HVN_NDIS_RSS_CAPS_SIZE_REV_1);
	FUZZ_CHECK(caps.itab_size >= 1 && caps.itab_size <= HVN_RSS_ITAB_MAX);

	nchan = hvn_indir_num_channels(0, 2, caps.num_queues);
	FUZZ_CHECK(nchan >= 1 && nchan <= 2);
	nchan = hvn_indir_num_channels(caps.num_queues, 1024, caps.num_queues);
	FUZZ_CHECK(nchan >= 1 && nchan <= HVN_MAX_CHANNELS);
	hvn_indir_fill_default(itab, caps.itab_size, nchan);
	FUZZ_CHECK(hvn_indir_check(itab, caps.itab_size, nchan) == 0);
}

static void completion(const u8 *msg, u32 len, struct hvn_violations *v)
{
	struct hvn_rndis_comp c;
	struct fuzz_viol_snap s;
	u8 mac[6];
	u32 val;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_rndis_parse_comp(msg, len, &c, v);
	fuzz_check_viol(&s, v, ret);
	if (ret)
		return;

	switch (c.type) {
	case HVN_RNDIS_MSG_INIT_C:
		if (c.status == HVN_RNDIS_STATUS_SUCCESS) {
			FUZZ_CHECK(c.pkt_align >= 1 &&
				   c.pkt_align <= 1U << HVN_RNDIS_MAX_ALIGN_SHIFT);
			FUZZ_CHECK(!(c.pkt_align & (c.pkt_align - 1)));
			val = hvn_rndis_align(len, c.pkt_align);
			FUZZ_CHECK(val == U32_MAX ||
				   (val >= len && !(val & (c.pkt_align - 1))));
		}
		break;
	case HVN_RNDIS_MSG_QUERY_C:
	case HVN_RNDIS_MSG_SET_C:
	case HVN_RNDIS_MSG_RESET_C:
	case HVN_RNDIS_MSG_KEEPALIVE_C:
		break;
	default:
		FUZZ_CHECK(0);
	}
	if (c.info) {
		FUZZ_CHECK(c.type == HVN_RNDIS_MSG_QUERY_C);
		FUZZ_CHECK(c.info_len > 0);
		FUZZ_CHECK(c.info >= msg + HVN_RNDIS_HDR_SIZE +
				     sizeof(struct hvn_rndis_query_comp));
		FUZZ_CHECK(fuzz_inside(c.info, c.info_len, msg, len));
	} else {
		FUZZ_CHECK(c.info_len == 0);
	}

	fuzz_snap(&s, v);
	ret = hvn_rndis_info_u32(&c, &val, v);
	fuzz_check_viol(&s, v, ret);
	if (!ret)
		FUZZ_CHECK(!memcmp(&val, c.info, 4));
	fuzz_snap(&s, v);
	ret = hvn_rndis_info_mac(&c, mac, v);
	fuzz_check_viol(&s, v, ret);
	if (!ret)
		FUZZ_CHECK(!memcmp(mac, c.info, 6));

	offload_caps(&c, v);
	rss_caps(&c, v);
}

static void indication(const u8 *msg, u32 len, struct hvn_violations *v)
{
	struct hvn_rndis_indication ind;
	struct fuzz_viol_snap s;
	int ret;

	fuzz_snap(&s, v);
	ret = hvn_rndis_parse_indicate(msg, len, &ind, v);
	fuzz_check_viol(&s, v, ret);
	if (ret)
		return;
	if (ind.buf) {
		FUZZ_CHECK(ind.buflen > 0);
		FUZZ_CHECK(ind.buf >= msg + HVN_RNDIS_HDR_SIZE +
				      sizeof(struct hvn_rndis_indicate));
		FUZZ_CHECK(fuzz_inside(ind.buf, ind.buflen, msg, len));
		fuzz_touch(ind.buf, ind.buflen);
	} else {
		FUZZ_CHECK(ind.buflen == 0);
	}
	if (ind.status == HVN_RNDIS_STATUS_LINK_SPEED_CHANGE) {
		FUZZ_CHECK(ind.buflen >= 4);
		FUZZ_CHECK(!memcmp(&ind.link_speed, ind.buf, 4));
		FUZZ_CHECK(hvn_rndis_link_speed_mbps(ind.link_speed) <=
			   U32_MAX / 10000);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct hvn_violations v;
	struct hvn_rndis_rx_pkt rx;
	struct fuzz_viol_snap s;
	u32 len, type, req_id;
	u8 reply[16];
	u8 *msg;
	int ret;

	if (size > U32_MAX)
		return 0;
	len = size;
	msg = fuzz_dup(data, len);
	memset(&v, 0, sizeof(v));

	fuzz_snap(&s, &v);
	ret = hvn_rndis_msg_type(msg, len, &type, &v);
	fuzz_check_viol(&s, &v, ret);

	/* every parser, whatever the type: the others must refuse cleanly */
	completion(msg, len, &v);
	indication(msg, len, &v);

	fuzz_snap(&s, &v);
	ret = hvn_rndis_parse_keepalive(msg, len, &req_id, &v);
	fuzz_check_viol(&s, &v, ret);
	if (!ret)
		FUZZ_CHECK(hvn_rndis_build_keepalive_c(reply, sizeof(reply),
						       req_id, 0) == 16);

	fuzz_snap(&s, &v);
	ret = hvn_rndis_parse_packet(msg, len, &rx, &v);
	fuzz_check_viol(&s, &v, ret);
	if (!ret) {
		FUZZ_CHECK(rx.data_len > 0);
		FUZZ_CHECK(fuzz_inside(rx.data, rx.data_len, msg, len));
	}

	fuzz_check_sum(&v);
	free(msg);
	return 0;
}
