// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for src/proto/nvsp.c: builders and host-input validation.
 */
#include "helpers.h"
#include "hvn_nvsp.h"

static struct hvn_violations V;

static int reset(void **state)
{
	(void)state;
	memset(&V, 0, sizeof(V));
	return 0;
}

/* An NVSP message from the host, as raw bytes */
struct hmsg {
	u8 b[256];
	u32 len;
};

static void hmsg_init(struct hmsg *m, u32 type, u32 len)
{
	memset(m, 0, sizeof(*m));
	put32(m->b, type);
	m->len = len;
}

static void test_version_next(void **state)
{
	static const u32 order[] = {
		HVN_NVSP_VERSION_61, HVN_NVSP_VERSION_6, HVN_NVSP_VERSION_5,
		HVN_NVSP_VERSION_4, HVN_NVSP_VERSION_2, HVN_NVSP_VERSION_1, 0,
	};
	u32 ver = 0;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(order); i++) {
		ver = hvn_nvsp_version_next(ver);
		assert_int_equal(ver, order[i]);
	}
	assert_int_equal(hvn_nvsp_version_next(0x00030000), 0);
	assert_int_equal(HVN_NVSP_VERSION(6, 1), HVN_NVSP_VERSION_61);
}

static void test_version_allowed(void **state)
{
	(void)state;
	assert_true(hvn_nvsp_version_allowed(HVN_NVSP_VERSION_1, false));
	assert_true(hvn_nvsp_version_allowed(HVN_NVSP_VERSION_61, false));
	assert_true(hvn_nvsp_version_allowed(HVN_NVSP_VERSION_61, true));
	assert_false(hvn_nvsp_version_allowed(HVN_NVSP_VERSION_6, true));
	assert_false(hvn_nvsp_version_allowed(0x00030000, false));
	assert_false(hvn_nvsp_version_allowed(0x00070000, false));
}

static void test_limits(void **state)
{
	(void)state;
	assert_int_equal(hvn_nvsp_max_mtu(HVN_NVSP_VERSION_1), 1500);
	assert_int_equal(hvn_nvsp_max_mtu(HVN_NVSP_VERSION_2), 65521);
	assert_int_equal(hvn_nvsp_max_mtu(HVN_NVSP_VERSION_61), 65521);
	assert_int_equal(hvn_nvsp_max_recv_buf(HVN_NVSP_VERSION_1), 15 << 20);
	assert_int_equal(hvn_nvsp_max_recv_buf(HVN_NVSP_VERSION_2), 15 << 20);
	assert_int_equal(hvn_nvsp_max_recv_buf(HVN_NVSP_VERSION_4), 31 << 20);
}

static void test_ndis_caps(void **state)
{
	(void)state;
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_2, false), 0x8);
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_4, false), 0x8);
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_5, false), 0x2c);
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_5, true), 0x28);
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_6, false), 0x2c);
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_61, false), 0xac);
	assert_int_equal(hvn_nvsp_ndis_caps(HVN_NVSP_VERSION_61, true), 0xa8);
}

/* Every builder fills a zeroed 40-byte message */
static void check_built(const struct hvn_nvsp_msg *m, u32 len, u32 type,
			u32 used)
{
	const u8 *p = (const u8 *)m;
	u32 i;

	assert_int_equal(len, HVN_NVSP_MSG_SIZE);
	assert_int_equal(get32(p), type);
	for (i = 4 + used; i < HVN_NVSP_MSG_SIZE; i++)
		assert_int_equal(p[i], 0);
}

static void test_builders(void **state)
{
	struct hvn_nvsp_msg m;
	const u8 *p = (const u8 *)&m;
	u32 len;

	(void)state;
	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_init(&m, HVN_NVSP_VERSION_5);
	check_built(&m, len, HVN_NVSP_MSG_INIT, 8);
	assert_int_equal(get32(p + 4), HVN_NVSP_VERSION_5);
	assert_int_equal(get32(p + 8), HVN_NVSP_VERSION_5);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_ndis_ver(&m, HVN_NVSP_VERSION_4);
	check_built(&m, len, HVN_NVSP_MSG1_SEND_NDIS_VER, 8);
	assert_int_equal(get32(p + 4), 6);
	assert_int_equal(get32(p + 8), 1);
	len = hvn_nvsp_build_ndis_ver(&m, HVN_NVSP_VERSION_5);
	assert_int_equal(get32(p + 4), 6);
	assert_int_equal(get32(p + 8), 30);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_ndis_config(&m, HVN_NVSP_VERSION_61, 1500, false);
	check_built(&m, len, HVN_NVSP_MSG2_SEND_NDIS_CONFIG, 16);
	assert_int_equal(get32(p + 4), 1514);
	assert_int_equal(get32(p + 8), 0);
	assert_int_equal(get32(p + 12), 0xac);
	assert_int_equal(get32(p + 16), 0);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_send_recv_buf(&m, 0x1234);
	check_built(&m, len, HVN_NVSP_MSG1_SEND_RECV_BUF, 6);
	assert_int_equal(get32(p + 4), 0x1234);
	assert_int_equal(p[8] | p[9] << 8, 0xcafe);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_revoke_recv_buf(&m);
	check_built(&m, len, HVN_NVSP_MSG1_REVOKE_RECV_BUF, 2);
	assert_int_equal(p[4] | p[5] << 8, 0xcafe);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_send_send_buf(&m, 0x99);
	check_built(&m, len, HVN_NVSP_MSG1_SEND_SEND_BUF, 6);
	assert_int_equal(get32(p + 4), 0x99);
	assert_int_equal(p[8] | p[9] << 8, 0);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_revoke_send_buf(&m);
	check_built(&m, len, HVN_NVSP_MSG1_REVOKE_SEND_BUF, 2);
	assert_int_equal(p[4] | p[5] << 8, 0);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_CONTROL,
				       HVN_NVSP_INVALID_SECTION, 0);
	check_built(&m, len, HVN_NVSP_MSG1_SEND_RNDIS_PKT, 12);
	assert_int_equal(get32(p + 4), 1);
	assert_int_equal(get32(p + 8), 0xffffffff);
	assert_int_equal(get32(p + 12), 0);
	len = hvn_nvsp_build_rndis_pkt(&m, HVN_NVSP_CHANNEL_DATA, 7, 300);
	assert_int_equal(get32(p + 4), 0);
	assert_int_equal(get32(p + 8), 7);
	assert_int_equal(get32(p + 12), 300);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_rndis_pkt_complete(&m, HVN_NVSP_STAT_FAIL);
	check_built(&m, len, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, 4);
	assert_int_equal(get32(p + 4), 2);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_subchannel_req(&m, 7);
	check_built(&m, len, HVN_NVSP_MSG5_SUBCHANNEL, 8);
	assert_int_equal(get32(p + 4), 1);
	assert_int_equal(get32(p + 8), 7);

	memset(&m, 0xa5, sizeof(m));
	len = hvn_nvsp_build_switch_data_path(&m, true);
	check_built(&m, len, HVN_NVSP_MSG4_SWITCH_DATA_PATH, 4);
	assert_int_equal(get32(p + 4), 1);
	hvn_nvsp_build_switch_data_path(&m, false);
	assert_int_equal(get32(p + 4), 0);
}

static void test_vmpkt_parse(void **state)
{
	struct hvn_vmpkt pkt;
	u8 b[64];

	(void)state;
	memset(b, 0, sizeof(b));
	/* shorter than a descriptor */
	assert_int_equal(hvn_vmpkt_parse(b, 15, &pkt, &V), -EPROTO);
	assert_viol(&V, HVN_V_VMPKT_SHORT);

	put16(b, HVN_VMPKT_COMP);
	put16(b + 2, 1);	/* offset 8 < descriptor */
	put16(b + 4, 4);
	assert_int_equal(hvn_vmpkt_parse(b, 64, &pkt, &V), -EPROTO);
	assert_viol(&V, HVN_V_VMPKT_BAD_LEN);

	put16(b + 2, 5);	/* offset beyond the packet */
	assert_int_equal(hvn_vmpkt_parse(b, 64, &pkt, &V), -EPROTO);
	assert_viol(&V, HVN_V_VMPKT_BAD_LEN);

	put16(b + 2, 2);
	put16(b + 4, 9);	/* 72 bytes > 64 available */
	assert_int_equal(hvn_vmpkt_parse(b, 64, &pkt, &V), -EPROTO);
	assert_viol(&V, HVN_V_VMPKT_BAD_LEN);

	/* exactly the buffer */
	put16(b + 4, 8);
	put16(b + 6, HVN_VMPKT_FLAG_COMPLETION_REQUESTED);
	b[8] = 0x11;
	b[15] = 0x22;
	assert_int_equal(hvn_vmpkt_parse(b, 64, &pkt, &V), 0);
	assert_no_viol(&V);
	assert_ptr_equal(pkt.buf, b);
	assert_ptr_equal(pkt.data, b + 16);
	assert_int_equal(pkt.len, 48);
	assert_int_equal(pkt.hdr_len, 16);
	assert_int_equal(pkt.type, HVN_VMPKT_COMP);
	assert_int_equal(pkt.flags, 1);
	assert_true(pkt.trans_id == 0x2200000000000011ULL);

	/* empty payload */
	put16(b + 2, 2);
	put16(b + 4, 2);
	assert_int_equal(hvn_vmpkt_parse(b, 16, &pkt, &V), 0);
	assert_int_equal(pkt.len, 0);
}

static void test_comp_type(void **state)
{
	static const u32 ok[] = {
		HVN_NVSP_MSG_INIT_COMPLETE,
		HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE,
		HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE,
		HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE,
		HVN_NVSP_MSG4_SWITCH_DATA_PATH,
		HVN_NVSP_MSG5_SUBCHANNEL,
	};
	struct hmsg m;
	unsigned int i;
	u32 type = 99;

	(void)state;
	memset(&m, 0, sizeof(m));
	assert_int_equal(hvn_nvsp_comp_type(m.b, 0, &type, &V), 0);
	assert_int_equal(type, HVN_NVSP_MSG_NONE);
	assert_no_viol(&V);

	hmsg_init(&m, HVN_NVSP_MSG_INIT_COMPLETE, 3);
	assert_int_equal(hvn_nvsp_comp_type(m.b, 3, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		hmsg_init(&m, ok[i], 4);
		assert_int_equal(hvn_nvsp_comp_type(m.b, 4, &type, &V), 0);
		assert_int_equal(type, ok[i]);
	}
	assert_no_viol(&V);

	hmsg_init(&m, HVN_NVSP_MSG1_SEND_RNDIS_PKT, 4);
	assert_int_equal(hvn_nvsp_comp_type(m.b, 4, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_UNKNOWN_TYPE);
}

static void test_inband_type(void **state)
{
	static const u32 ok[] = {
		HVN_NVSP_MSG4_SEND_VF_ASSOCIATION,
		HVN_NVSP_MSG4_SWITCH_DATA_PATH,
		HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE,
	};
	struct hmsg m;
	unsigned int i;
	u32 type;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG4_SEND_VF_ASSOCIATION, 0);
	assert_int_equal(hvn_nvsp_inband_type(m.b, 0, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		hmsg_init(&m, ok[i], 4);
		assert_int_equal(hvn_nvsp_inband_type(m.b, 4, &type, &V), 0);
		assert_int_equal(type, ok[i]);
	}
	assert_no_viol(&V);

	hmsg_init(&m, HVN_NVSP_MSG6_PD_API, 40);
	assert_int_equal(hvn_nvsp_inband_type(m.b, 40, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_UNKNOWN_TYPE);
}

static void test_init_complete(void **state)
{
	struct hmsg m;
	u32 status = 0;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG_INIT_COMPLETE, 16);
	put32(m.b + 12, HVN_NVSP_STAT_SUCCESS);
	assert_int_equal(hvn_nvsp_parse_init_complete(m.b, 15, &status, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);

	assert_int_equal(hvn_nvsp_parse_init_complete(m.b, 16, &status, &V), 0);
	assert_int_equal(status, HVN_NVSP_STAT_SUCCESS);

	put32(m.b + 12, HVN_NVSP_STAT_FAIL);
	assert_int_equal(hvn_nvsp_parse_init_complete(m.b, 40, &status, &V), 0);
	assert_int_equal(status, HVN_NVSP_STAT_FAIL);
	assert_no_viol(&V);

	put32(m.b, HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE);
	assert_int_equal(hvn_nvsp_parse_init_complete(m.b, 16, &status, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_NVSP_UNKNOWN_TYPE);
}

static void recvbuf_msg(struct hmsg *m, u32 status, u32 nsec, u32 off,
			u32 size, u32 count)
{
	hmsg_init(m, HVN_NVSP_MSG1_SEND_RECV_BUF_COMPLETE, 28);
	put32(m->b + 4, status);
	put32(m->b + 8, nsec);
	put32(m->b + 12, off);
	put32(m->b + 16, size);
	put32(m->b + 20, count);
	put32(m->b + 24, size * count);
}

static void test_recv_buf_complete(void **state)
{
	const u32 bufsz = 16 * 1024 * 1024;
	struct hvn_nvsp_buf_info info;
	struct hmsg m;

	(void)state;
	recvbuf_msg(&m, 1, 1, 0, 1728, 9709);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 27, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);

	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), 0);
	assert_no_viol(&V);
	assert_int_equal(info.section_size, 1728);
	assert_int_equal(info.section_count, 9709);

	recvbuf_msg(&m, HVN_NVSP_STAT_FAIL, 1, 0, 1728, 10);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EIO);
	assert_viol(&V, HVN_V_NVSP_HOST_FAIL);

	recvbuf_msg(&m, 1, 0, 0, 1728, 10);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTIONS);
	recvbuf_msg(&m, 1, 2, 0, 1728, 10);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTIONS);

	recvbuf_msg(&m, 1, 1, 1, 1728, 10);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_OFFSET);

	recvbuf_msg(&m, 1, 1, 0, 67, 10);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTION_SIZE);
	recvbuf_msg(&m, 1, 1, 0, 68, 10);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), 0);

	recvbuf_msg(&m, 1, 1, 0, 1728, 0);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTION_COUNT);

	/* exactly the buffer, and one byte more */
	recvbuf_msg(&m, 1, 1, 0, 4096, 4096);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), 0);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz - 1,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTION_COUNT);

	/* size * count overflows 32 bits */
	recvbuf_msg(&m, 1, 1, 0, 0x10000, 0x10000);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTION_COUNT);
	recvbuf_msg(&m, 1, 1, 0, 0xffffffff, 0xffffffff);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, U32_MAX,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_RECVBUF_SECTION_COUNT);

	put32(m.b, HVN_NVSP_MSG_INIT_COMPLETE);
	assert_int_equal(hvn_nvsp_parse_recv_buf_complete(m.b, 28, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_UNKNOWN_TYPE);
}

static void test_send_buf_complete(void **state)
{
	const u32 bufsz = 1044480;
	struct hvn_nvsp_buf_info info;
	struct hmsg m;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG1_SEND_SEND_BUF_COMPLETE, 12);
	put32(m.b + 4, HVN_NVSP_STAT_SUCCESS);
	put32(m.b + 8, 6144);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 11, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 12, bufsz,
							  &info, &V), 0);
	assert_int_equal(info.section_size, 6144);
	assert_int_equal(info.section_count, 170);
	assert_no_viol(&V);

	put32(m.b + 8, 67);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 12, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_SENDBUF_SECTION_SIZE);
	put32(m.b + 8, 68);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 12, bufsz,
							  &info, &V), 0);
	assert_int_equal(info.section_count, bufsz / 68);

	put32(m.b + 8, bufsz);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 12, bufsz,
							  &info, &V), 0);
	assert_int_equal(info.section_count, 1);
	put32(m.b + 8, bufsz + 1);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 12, bufsz,
							  &info, &V), -EPROTO);
	assert_viol(&V, HVN_V_SENDBUF_SECTION_SIZE);

	put32(m.b + 4, HVN_NVSP_STAT_BUSY);
	assert_int_equal(hvn_nvsp_parse_send_buf_complete(m.b, 12, bufsz,
							  &info, &V), -EIO);
	assert_viol(&V, HVN_V_NVSP_HOST_FAIL);
}

static void test_rndis_pkt_complete(void **state)
{
	struct hmsg m;
	u32 status;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, 8);
	put32(m.b + 4, HVN_NVSP_STAT_INVALID_RNDIS_PKT);
	assert_int_equal(hvn_nvsp_parse_rndis_pkt_complete(m.b, 7, &status,
							   &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);
	assert_int_equal(hvn_nvsp_parse_rndis_pkt_complete(m.b, 8, &status,
							   &V), 0);
	assert_int_equal(status, HVN_NVSP_STAT_INVALID_RNDIS_PKT);
	assert_no_viol(&V);
}

static void test_subchannel_complete(void **state)
{
	struct hmsg m;
	u32 num = 0;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG5_SUBCHANNEL, 12);
	put32(m.b + 4, HVN_NVSP_STAT_SUCCESS);
	put32(m.b + 8, 7);
	assert_int_equal(hvn_nvsp_parse_subchannel_complete(m.b, 11, 7, &num,
							    &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);
	assert_int_equal(hvn_nvsp_parse_subchannel_complete(m.b, 12, 7, &num,
							    &V), 0);
	assert_int_equal(num, 7);
	assert_int_equal(hvn_nvsp_parse_subchannel_complete(m.b, 12, 6, &num,
							    &V), -EPROTO);
	assert_viol(&V, HVN_V_SUBCHAN_COUNT);
	put32(m.b + 8, 0);
	assert_int_equal(hvn_nvsp_parse_subchannel_complete(m.b, 12, 0, &num,
							    &V), 0);
	assert_int_equal(num, 0);
	put32(m.b + 4, HVN_NVSP_STAT_FAIL);
	assert_int_equal(hvn_nvsp_parse_subchannel_complete(m.b, 12, 7, &num,
							    &V), -EIO);
	assert_viol(&V, HVN_V_NVSP_HOST_FAIL);
}

static void test_vf_association(void **state)
{
	bool alloc = true;
	struct hmsg m;
	u32 serial;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG4_SEND_VF_ASSOCIATION, 12);
	put32(m.b + 4, 0);
	put32(m.b + 8, 42);
	assert_int_equal(hvn_nvsp_parse_vf_association(m.b, 11, &alloc,
						       &serial, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);
	assert_int_equal(hvn_nvsp_parse_vf_association(m.b, 12, &alloc,
						       &serial, &V), 0);
	assert_false(alloc);
	assert_int_equal(serial, 42);
	put32(m.b + 4, 5);
	assert_int_equal(hvn_nvsp_parse_vf_association(m.b, 12, &alloc,
						       &serial, &V), 0);
	assert_true(alloc);
	assert_no_viol(&V);
}

static void test_switch_data_path(void **state)
{
	struct hmsg m;
	bool vf;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG4_SWITCH_DATA_PATH, 8);
	assert_int_equal(hvn_nvsp_parse_switch_data_path(m.b, 7, &vf, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);
	assert_int_equal(hvn_nvsp_parse_switch_data_path(m.b, 8, &vf, &V), 0);
	assert_false(vf);
	put32(m.b + 4, 1);
	assert_int_equal(hvn_nvsp_parse_switch_data_path(m.b, 8, &vf, &V), 0);
	assert_true(vf);
	assert_no_viol(&V);
	put32(m.b + 4, 2);
	assert_int_equal(hvn_nvsp_parse_switch_data_path(m.b, 8, &vf, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_DATAPATH_VALUE);
}

static void send_table_msg(struct hmsg *m, u32 count, u32 offset, u32 len,
			   u32 base)
{
	u32 i;

	hmsg_init(m, HVN_NVSP_MSG5_SEND_INDIRECTION_TABLE, len);
	put32(m->b + 4, count);
	put32(m->b + 8, offset);
	for (i = 0; i < 16 && offset + 4 * i + 4 <= sizeof(m->b); i++)
		put32(m->b + offset + 4 * i, base + i);
}

static void test_send_table(void **state)
{
	u32 tab[HVN_NVSP_SEND_TABLE_SIZE];
	struct hmsg m;
	u32 i;

	(void)state;
	/* OpenVMM layout: table right after the fixed fields */
	send_table_msg(&m, 16, 12, 76, 100);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 11, HVN_NVSP_VERSION_61,
						   tab, &V), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 76, HVN_NVSP_VERSION_61,
						   tab, &V), 0);
	for (i = 0; i < 16; i++)
		assert_int_equal(tab[i], 100 + i);
	/* NVSP 6 but too short for the quirk: offset as given */
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 76, HVN_NVSP_VERSION_6,
						   tab, &V), 0);
	assert_int_equal(tab[0], 100);
	assert_no_viol(&V);

	/* one byte short of the table */
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 75, HVN_NVSP_VERSION_61,
						   tab, &V), -EPROTO);
	assert_viol(&V, HVN_V_SEND_TABLE_OFFSET);

	/* count must be 16 */
	send_table_msg(&m, 15, 12, 76, 0);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 76, HVN_NVSP_VERSION_61,
						   tab, &V), -EPROTO);
	assert_viol(&V, HVN_V_SEND_TABLE_COUNT);

	/* NVSP <= 6 host bug: wrong offset, table at 40 */
	send_table_msg(&m, 16, 40, 104, 200);
	put32(m.b + 8, 12);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 104, HVN_NVSP_VERSION_6,
						   tab, &V), 0);
	assert_int_equal(tab[0], 200);
	assert_int_equal(tab[15], 215);
	/* same message at 6.1: the given offset is used */
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 104,
						   HVN_NVSP_VERSION_61, tab,
						   &V), 0);
	assert_int_equal(tab[0], 0);	/* bytes 12..15: zero padding */
	/* NVSP 6 one byte short of the quirk: bad given offset rejected */
	put32(m.b + 8, 0xffffffff);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 103, HVN_NVSP_VERSION_6,
						   tab, &V), -EPROTO);
	assert_viol(&V, HVN_V_SEND_TABLE_OFFSET);

	/* offset inside the fixed fields */
	send_table_msg(&m, 16, 8, 104, 0);
	put32(m.b + 4, 16);
	put32(m.b + 8, 8);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 104,
						   HVN_NVSP_VERSION_61, tab,
						   &V), -EPROTO);
	assert_viol(&V, HVN_V_SEND_TABLE_OFFSET);

	/* last possible offset, and one past */
	send_table_msg(&m, 16, 100, 164, 300);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 164,
						   HVN_NVSP_VERSION_61, tab,
						   &V), 0);
	assert_int_equal(tab[15], 315);
	put32(m.b + 8, 101);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 164,
						   HVN_NVSP_VERSION_61, tab,
						   &V), -EPROTO);
	assert_viol(&V, HVN_V_SEND_TABLE_OFFSET);

	/* message shorter than a table at all */
	send_table_msg(&m, 16, 12, 60, 0);
	assert_int_equal(hvn_nvsp_parse_send_table(m.b, 60,
						   HVN_NVSP_VERSION_61, tab,
						   &V), -EPROTO);
	assert_viol(&V, HVN_V_SEND_TABLE_OFFSET);
}

/* A transfer-page packet: descriptor, xfer header, ranges, NVSP message */
struct xpkt {
	u8 b[512];
	u32 len;
};

static void xpkt_init(struct xpkt *x, u32 cnt, u32 hdr_cnt, u32 nvsp_len)
{
	u32 hdr = 24 + 8 * hdr_cnt;
	u32 i;

	memset(x, 0, sizeof(*x));
	hdr = (hdr + 7) & ~7U;
	x->len = (hdr + nvsp_len + 7) & ~7U;
	put16(x->b, HVN_VMPKT_DATA_XFER_PAGES);
	put16(x->b + 2, hdr / 8);
	put16(x->b + 4, x->len / 8);
	put32(x->b + 8, 0xabcd);
	put16(x->b + 16, 0xcafe);
	put32(x->b + 20, cnt);
	for (i = 0; i < hdr_cnt; i++) {
		put32(x->b + 24 + 8 * i, 100 + i);	/* byte_count */
		put32(x->b + 28 + 8 * i, 4096 * i);	/* byte_offset */
	}
	put32(x->b + hdr, HVN_NVSP_MSG1_SEND_RNDIS_PKT);
	put32(x->b + hdr + 4, HVN_NVSP_CHANNEL_DATA);
	put32(x->b + hdr + 8, HVN_NVSP_INVALID_SECTION);
}

static int xpkt_parse(struct xpkt *x, struct hvn_xfer_pkt *xp, u32 bufsz,
		      u32 secsz)
{
	struct hvn_vmpkt pkt;

	assert_int_equal(hvn_vmpkt_parse(x->b, x->len, &pkt, &V), 0);
	return hvn_nvsp_parse_xfer(&pkt, bufsz, secsz, xp, &V);
}

static void test_xfer_parse(void **state)
{
	struct hvn_xfer_pkt xp;
	struct xpkt x;

	(void)state;
	xpkt_init(&x, 2, 2, 16);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), 0);
	assert_no_viol(&V);
	assert_int_equal(xp.range_cnt, 2);
	assert_true(xp.trans_id == 0xabcd);
	assert_non_null(xp.rndis);
	assert_int_equal(xp.rndis->send_buf_section_index, 0xffffffff);

	/* NVSP message too short for the SEND_RNDIS_PKT body (8 < 16) */
	xpkt_init(&x, 2, 2, 4);
	assert_int_equal(x.len, 48);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), 0);
	assert_null(xp.rndis);

	/* wrong VMBus packet type */
	xpkt_init(&x, 1, 1, 16);
	put16(x.b, HVN_VMPKT_DATA_INBAND);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_VMPKT_BAD_TYPE);

	/* data offset inside the xfer header */
	xpkt_init(&x, 0, 0, 16);
	put16(x.b + 2, 2);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_XFER_HDR);

	/* no room for the NVSP header */
	xpkt_init(&x, 1, 1, 0);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_NVSP_SHORT);

	/* NVSP type other than SEND_RNDIS_PKT */
	xpkt_init(&x, 1, 1, 16);
	put32(x.b + 32, HVN_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_XFER_NVSP_TYPE);

	/* wrong page set */
	xpkt_init(&x, 1, 1, 16);
	put16(x.b + 16, 0xface);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_XFER_PAGESET);

	/* more ranges than the header holds (24 + 2 * 8 = 40 bytes) */
	xpkt_init(&x, 3, 2, 16);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_XFER_RANGE_CNT);
	xpkt_init(&x, 0xffffffff, 2, 16);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), -EPROTO);
	assert_viol(&V, HVN_V_XFER_RANGE_CNT);

	/* zero ranges: valid, nothing to deliver */
	xpkt_init(&x, 0, 0, 16);
	assert_int_equal(xpkt_parse(&x, &xp, 1 << 20, 4096), 0);
	assert_int_equal(xp.range_cnt, 0);
}

static void set_range(struct xpkt *x, u32 i, u32 off, u32 len)
{
	put32(x->b + 24 + 8 * i, len);
	put32(x->b + 28 + 8 * i, off);
}

static void test_xfer_range(void **state)
{
	const u32 bufsz = 65536, secsz = 2048;
	struct hvn_xfer_pkt xp;
	struct xpkt x;
	u32 off, len;

	(void)state;
	xpkt_init(&x, 6, 6, 16);
	set_range(&x, 0, 0, 2048);		/* full section */
	set_range(&x, 1, bufsz - 100, 100);	/* ends at the buffer end */
	set_range(&x, 2, bufsz - 100, 101);	/* one past the end */
	set_range(&x, 3, 0x10, 0xfffffff8);	/* offset + len overflows */
	set_range(&x, 4, bufsz + 1, 0);		/* offset past the end */
	set_range(&x, 5, 0, 2049);		/* longer than a section */
	assert_int_equal(xpkt_parse(&x, &xp, bufsz, secsz), 0);

	assert_int_equal(hvn_nvsp_xfer_range(&xp, 0, &off, &len, &V), 0);
	assert_int_equal(off, 0);
	assert_int_equal(len, 2048);
	assert_int_equal(hvn_nvsp_xfer_range(&xp, 1, &off, &len, &V), 0);
	assert_int_equal(off, bufsz - 100);
	assert_int_equal(len, 100);
	assert_no_viol(&V);

	assert_int_equal(hvn_nvsp_xfer_range(&xp, 2, &off, &len, &V), -EPROTO);
	assert_viol(&V, HVN_V_XFER_RANGE_BOUNDS);
	assert_int_equal(hvn_nvsp_xfer_range(&xp, 3, &off, &len, &V), -EPROTO);
	assert_viol(&V, HVN_V_XFER_RANGE_BOUNDS);
	assert_int_equal(hvn_nvsp_xfer_range(&xp, 4, &off, &len, &V), -EPROTO);
	assert_viol(&V, HVN_V_XFER_RANGE_BOUNDS);
	assert_int_equal(hvn_nvsp_xfer_range(&xp, 5, &off, &len, &V), -EPROTO);
	assert_viol(&V, HVN_V_XFER_RANGE_SECTION);

	/* index beyond the count is a caller error, not a violation */
	assert_int_equal(hvn_nvsp_xfer_range(&xp, 6, &off, &len, &V), -EINVAL);
	assert_no_viol(&V);
}

static void test_null_counters(void **state)
{
	struct hmsg m;
	u32 status;

	(void)state;
	hmsg_init(&m, HVN_NVSP_MSG_INIT_COMPLETE, 4);
	assert_int_equal(hvn_nvsp_parse_init_complete(m.b, 4, &status, NULL),
			 -EPROTO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_version_next, reset),
		cmocka_unit_test_setup(test_version_allowed, reset),
		cmocka_unit_test_setup(test_limits, reset),
		cmocka_unit_test_setup(test_ndis_caps, reset),
		cmocka_unit_test_setup(test_builders, reset),
		cmocka_unit_test_setup(test_vmpkt_parse, reset),
		cmocka_unit_test_setup(test_comp_type, reset),
		cmocka_unit_test_setup(test_inband_type, reset),
		cmocka_unit_test_setup(test_init_complete, reset),
		cmocka_unit_test_setup(test_recv_buf_complete, reset),
		cmocka_unit_test_setup(test_send_buf_complete, reset),
		cmocka_unit_test_setup(test_rndis_pkt_complete, reset),
		cmocka_unit_test_setup(test_subchannel_complete, reset),
		cmocka_unit_test_setup(test_vf_association, reset),
		cmocka_unit_test_setup(test_switch_data_path, reset),
		cmocka_unit_test_setup(test_send_table, reset),
		cmocka_unit_test_setup(test_xfer_parse, reset),
		cmocka_unit_test_setup(test_xfer_range, reset),
		cmocka_unit_test_setup(test_null_counters, reset),
	};

	return cmocka_run_group_tests_name("nvsp", tests, NULL, NULL);
}
