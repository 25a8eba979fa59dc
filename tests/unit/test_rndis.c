// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for src/proto/rndis.c: builders, host-input validation,
 * per-packet info and NDIS objects.
 */
#include "helpers.h"
#include <hvn/nvsp.h>
#include "hvn_rndis.h"

static struct hvn_violations V;

static int reset(void **state)
{
	(void)state;
	memset(&V, 0, sizeof(V));
	return 0;
}

/* ---------- builders ---------- */

static void test_build_simple(void **state)
{
	u8 b[64];

	(void)state;
	memset(b, 0xee, sizeof(b));
	assert_int_equal(hvn_rndis_build_init(b, 23, 5), -ENOSPC);
	assert_int_equal(hvn_rndis_build_init(b, 24, 5), 24);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_INIT);
	assert_int_equal(get32(b + 4), 24);
	assert_int_equal(get32(b + 8), 5);
	assert_int_equal(get32(b + 12), 1);
	assert_int_equal(get32(b + 16), 0);
	assert_int_equal(get32(b + 20), 0x4000);

	assert_int_equal(hvn_rndis_build_halt(b, 11, 6), -ENOSPC);
	assert_int_equal(hvn_rndis_build_halt(b, 12, 6), 12);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_HALT);
	assert_int_equal(get32(b + 4), 12);
	assert_int_equal(get32(b + 8), 6);

	assert_int_equal(hvn_rndis_build_keepalive(b, 4, 7), -ENOSPC);
	assert_int_equal(hvn_rndis_build_keepalive(b, 11, 7), -ENOSPC);
	assert_int_equal(hvn_rndis_build_keepalive(b, 64, 7), 12);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_KEEPALIVE);
	assert_int_equal(get32(b + 8), 7);

	assert_int_equal(hvn_rndis_build_keepalive_c(b, 15, 8, 0), -ENOSPC);
	assert_int_equal(hvn_rndis_build_keepalive_c(b, 16, 8,
				HVN_RNDIS_STATUS_SUCCESS), 16);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_KEEPALIVE_C);
	assert_int_equal(get32(b + 4), 16);
	assert_int_equal(get32(b + 8), 8);
	assert_int_equal(get32(b + 12), 0);
}

static void test_build_query_set(void **state)
{
	struct hvn_ndis_rss_caps caps;
	u8 b[128];
	u32 v32 = HVN_NDIS_PACKET_TYPE_DIRECTED;

	(void)state;
	hvn_ndis_rss_caps_hdr(&caps);
	assert_int_equal(caps.hdr.type, 0x88);
	assert_int_equal(caps.hdr.revision, 2);
	assert_int_equal(caps.hdr.size, 18);

	assert_int_equal(hvn_rndis_build_query(b, 45, 9,
			 HVN_OID_GEN_RECEIVE_SCALE_CAPABILITIES,
			 &caps, sizeof(caps)), -ENOSPC);
	assert_int_equal(hvn_rndis_build_query(b, 46, 9,
			 HVN_OID_GEN_RECEIVE_SCALE_CAPABILITIES,
			 &caps, sizeof(caps)), 46);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_QUERY);
	assert_int_equal(get32(b + 4), 46);
	assert_int_equal(get32(b + 8), 9);
	assert_int_equal(get32(b + 12), 0x00010203);
	assert_int_equal(get32(b + 16), 18);
	assert_int_equal(get32(b + 20), 20);
	assert_int_equal(get32(b + 24), 0);
	assert_memory_equal(b + 28, &caps, 18);

	/* no input buffer */
	assert_int_equal(hvn_rndis_build_query(b, 128, 10,
			 HVN_OID_802_3_PERMANENT_ADDRESS, NULL, 0), 28);
	assert_int_equal(get32(b + 16), 0);

	/* info length that would overflow the message length */
	assert_int_equal(hvn_rndis_build_query(b, 128, 10, 1, b, U32_MAX),
			 -ENOSPC);
	assert_int_equal(hvn_rndis_build_set(b, 128, 10, 1, b, U32_MAX - 27),
			 -ENOSPC);

	assert_int_equal(hvn_rndis_build_set(b, 128, 11,
			 HVN_OID_GEN_CURRENT_PACKET_FILTER, &v32, 4), 32);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_SET);
	assert_int_equal(get32(b + 4), 32);
	assert_int_equal(get32(b + 8), 11);
	assert_int_equal(get32(b + 12), 0x0001010E);
	assert_int_equal(get32(b + 16), 4);
	assert_int_equal(get32(b + 20), 20);
	assert_int_equal(get32(b + 28), 1);
	assert_int_equal(hvn_rndis_build_set(b, 31, 11, 1, &v32, 4), -ENOSPC);
}

static const u8 *ppi_at(const u8 *msg, u32 i)
{
	return msg + 8 + 36 + 16 * i;
}

static void check_ppi(const u8 *p, u32 type, u32 value)
{
	assert_int_equal(get32(p), 16);
	assert_int_equal(get32(p + 4), type);
	assert_int_equal(get32(p + 8), 12);
	assert_int_equal(get32(p + 12), value);
}

static void test_build_packet_plain(void **state)
{
	struct hvn_rndis_tx_info ti = { 0 };
	u8 b[128];

	(void)state;
	assert_int_equal(hvn_rndis_tx_hdr_len(&ti), 44);
	assert_int_equal(hvn_rndis_build_packet(b, 43, &ti, 60), -ENOSPC);
	assert_int_equal(hvn_rndis_build_packet(b, 44, &ti, 60), 44);
	assert_int_equal(get32(b), HVN_RNDIS_MSG_PACKET);
	assert_int_equal(get32(b + 4), 104);
	assert_int_equal(get32(b + 8), 36);	/* data_offset */
	assert_int_equal(get32(b + 12), 60);	/* data_len */
	assert_int_equal(get32(b + 28), 0);	/* ppi offset */
	assert_int_equal(get32(b + 32), 0);	/* ppi len */

	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 0), -EINVAL);
	/* msg_len = 44 + data_len must fit in 32 bits */
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, U32_MAX - 43),
			 -EINVAL);
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, U32_MAX - 44),
			 44);
	assert_int_equal(get32(b + 4), U32_MAX);
}

static void test_build_packet_ppi(void **state)
{
	struct hvn_rndis_tx_info ti = {
		.flags = HVN_TX_HASH | HVN_TX_VLAN | HVN_TX_CSUM,
		.hash = 0xdeadbeef,
		.vlan_tci = (5 << 13) | (1 << 12) | 0x123,
		.l4_offset = 34,
	};
	u8 b[128];

	(void)state;
	assert_int_equal(hvn_rndis_tx_hdr_len(&ti), 92);
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 1000), 92);
	assert_int_equal(get32(b + 4), 1092);
	assert_int_equal(get32(b + 8), 84);
	assert_int_equal(get32(b + 28), 36);
	assert_int_equal(get32(b + 32), 48);
	/* order: hash, VLAN, checksum */
	check_ppi(ppi_at(b, 0), HVN_PPI_NBL_HASH_VALUE, 0xdeadbeef);
	check_ppi(ppi_at(b, 1), HVN_PPI_IEEE_8021Q,
		  5 | (1 << 3) | (0x123 << 4));
	check_ppi(ppi_at(b, 2), HVN_PPI_TCPIP_CHKSUM,
		  HVN_TXCSUM_IS_IPV4 | HVN_TXCSUM_TCP | (34 << 16));

	/* UDP over IPv6 checksum only */
	ti.flags = HVN_TX_CSUM | HVN_TX_IPV6 | HVN_TX_UDP;
	ti.l4_offset = 54;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), 60);
	check_ppi(ppi_at(b, 0), HVN_PPI_TCPIP_CHKSUM,
		  HVN_TXCSUM_IS_IPV6 | HVN_TXCSUM_UDP | (54 << 16));

	ti.l4_offset = 0x3ff;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), 60);
	ti.l4_offset = 0x400;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), -EINVAL);
}

static void test_build_packet_lso(void **state)
{
	struct hvn_rndis_tx_info ti = {
		.flags = HVN_TX_LSO | HVN_TX_CSUM | HVN_TX_IPV6,
		.mss = 1440,
		.l4_offset = 54,
	};
	u8 b[128];

	(void)state;
	/* LSO wins over checksum: one PPI */
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 64000), 60);
	check_ppi(ppi_at(b, 0), HVN_PPI_TCP_LARGESEND,
		  1440 | (54 << 20) | HVN_LSO_TYPE_V2 | HVN_LSO_IPV6);

	ti.flags = HVN_TX_LSO | HVN_TX_VLAN;
	ti.vlan_tci = 7;
	ti.l4_offset = 38;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 64000), 76);
	check_ppi(ppi_at(b, 0), HVN_PPI_IEEE_8021Q, 7 << 4);
	check_ppi(ppi_at(b, 1), HVN_PPI_TCP_LARGESEND,
		  1440 | (38 << 20) | HVN_LSO_TYPE_V2);

	ti.mss = 0;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), -EINVAL);
	ti.mss = 0x100000;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), -EINVAL);
	ti.mss = 0xfffff;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), 76);
	ti.l4_offset = 0x400;
	assert_int_equal(hvn_rndis_build_packet(b, 128, &ti, 100), -EINVAL);
}

static void test_align(void **state)
{
	(void)state;
	assert_int_equal(hvn_rndis_align(13, 0), 13);
	assert_int_equal(hvn_rndis_align(13, 1), 13);
	assert_int_equal(hvn_rndis_align(13, 8), 16);
	assert_int_equal(hvn_rndis_align(16, 8), 16);
	assert_int_equal(hvn_rndis_align(0, 8), 0);
	assert_int_equal(hvn_rndis_align(U32_MAX - 7, 8), U32_MAX - 7);
	assert_int_equal(hvn_rndis_align(U32_MAX - 6, 8), U32_MAX);
}

/* Two packets batched: the first one's length reaches the second one. */
static void test_pad_batch(void **state)
{
	struct hvn_rndis_tx_info ti = { 0 };
	u8 b[256];
	u32 second;
	int n;

	(void)state;
	n = hvn_rndis_build_packet(b, 128, &ti, 61);
	assert_true(n > 0);
	assert_int_equal(((struct hvn_rndis_hdr *)b)->msg_len, n + 61);
	second = hvn_rndis_align(n + 61, 8);
	hvn_rndis_pad_msg(b, second - (n + 61));
	assert_int_equal(((struct hvn_rndis_hdr *)b)->msg_len, second);
	assert_int_equal(second % 8, 0);
}

static void test_mac_param(void **state)
{
	static const u8 mac[6] = { 0x00, 0x15, 0x5d, 0xab, 0xcd, 0xef };
	static const char name[] = "NetworkAddress";
	static const char value[] = "00155dabcdef";
	u8 b[80];
	u32 i;

	(void)state;
	assert_int_equal(hvn_rndis_build_mac_param(b, 71, mac), -ENOSPC);
	assert_int_equal(hvn_rndis_build_mac_param(b, 80, mac), 72);
	assert_int_equal(get32(b), 20);
	assert_int_equal(get32(b + 4), 28);
	assert_int_equal(get32(b + 8), HVN_RNDIS_CONFIG_PARAM_TYPE_STRING);
	assert_int_equal(get32(b + 12), 48);
	assert_int_equal(get32(b + 16), 24);
	for (i = 0; i < 14; i++) {
		assert_int_equal(b[20 + 2 * i], name[i]);
		assert_int_equal(b[21 + 2 * i], 0);
	}
	for (i = 0; i < 12; i++) {
		assert_int_equal(b[48 + 2 * i], value[i]);
		assert_int_equal(b[49 + 2 * i], 0);
	}
}

static void test_rss_params(void **state)
{
	u8 key[HVN_RSS_KEY_SIZE];
	u32 itab[HVN_RSS_ITAB_MAX];
	u8 b[HVN_RSS_PARAMS_LEN(HVN_RSS_ITAB_MAX)];
	u32 i;

	(void)state;
	for (i = 0; i < sizeof(key); i++)
		key[i] = i;
	for (i = 0; i < HVN_RSS_ITAB_MAX; i++)
		itab[i] = i % 4;

	assert_int_equal(hvn_rndis_build_rss_params(b, sizeof(b), 0,
			 HVN_NDIS_HASH_DEFAULT, key, itab, 0), -EINVAL);
	assert_int_equal(hvn_rndis_build_rss_params(b, sizeof(b), 0,
			 HVN_NDIS_HASH_DEFAULT, key, itab, 257), -EINVAL);
	assert_int_equal(hvn_rndis_build_rss_params(b, 40 + 512 + 39, 0,
			 HVN_NDIS_HASH_DEFAULT, key, itab, 128), -ENOSPC);
	assert_int_equal(hvn_rndis_build_rss_params(b, sizeof(b),
			 HVN_NDIS_RSS_PARAM_DISABLE_RSS, HVN_NDIS_HASH_DEFAULT,
			 key, itab, 128), 592);
	assert_int_equal(b[0], 0x89);
	assert_int_equal(b[1], 2);
	assert_int_equal(b[2] | b[3] << 8, 40);
	assert_int_equal(b[4] | b[5] << 8, 0x10);
	assert_int_equal(get32(b + 8), 0x1701);
	assert_int_equal(b[12] | b[13] << 8, 512);
	assert_int_equal(get32(b + 16), 40);
	assert_int_equal(b[20] | b[21] << 8, 40);
	assert_int_equal(get32(b + 24), 552);
	assert_int_equal(get32(b + 40 + 4 * 5), 1);
	assert_memory_equal(b + 552, key, 40);
	assert_int_equal(hvn_rndis_build_rss_params(b, sizeof(b), 0,
			 HVN_NDIS_HASH_DEFAULT, key, itab, 256), sizeof(b));
}

static void test_offload_caps_hdr(void **state)
{
	struct hvn_ndis_offload caps;

	(void)state;
	hvn_ndis_offload_caps_hdr(&caps, HVN_NVSP_VERSION_61);
	assert_int_equal(caps.hdr.type, 0xa7);
	assert_int_equal(caps.hdr.revision, 3);
	assert_int_equal(caps.hdr.size, 156);
	hvn_ndis_offload_caps_hdr(&caps, HVN_NVSP_VERSION_4);
	assert_int_equal(caps.hdr.revision, 2);
	assert_int_equal(caps.hdr.size, 144);
	hvn_ndis_offload_caps_hdr(&caps, HVN_NVSP_VERSION_2);
	assert_int_equal(caps.hdr.revision, 1);
	assert_int_equal(caps.hdr.size, 112);
}

/* Capabilities like a Hyper-V / OpenVMM host reports them */
static void full_caps(struct hvn_ndis_offload *c)
{
	hvn_ndis_offload_caps_hdr(c, HVN_NVSP_VERSION_61);
	c->csum.ip4_txcsum = HVN_NDIS_TXCSUM_ALL_TCP4 |
			     HVN_NDIS_TXCSUM_CAP_UDP4 |
			     HVN_NDIS_TXCSUM_CAP_IP4;
	c->csum.ip6_txcsum = HVN_NDIS_TXCSUM_ALL_TCP6 |
			     HVN_NDIS_TXCSUM_CAP_UDP6;
	c->lsov2.ip4_encap = HVN_NDIS_OFFLOAD_ENCAP_8023;
	c->lsov2.ip4_maxsz = 62780;
	c->lsov2.ip6_encap = HVN_NDIS_OFFLOAD_ENCAP_8023;
	c->lsov2.ip6_maxsz = 62000;
	c->lsov2.ip6_opts = HVN_NDIS_LSOV2_CAP_IP6;
	c->rsc.ip4 = 1;
	c->rsc.ip6 = 1;
}

static void test_offload_plan(void **state)
{
	struct hvn_offload_plan p;
	struct hvn_ndis_offload c;

	(void)state;
	full_caps(&c);
	hvn_offload_plan(&c, HVN_NVSP_VERSION_61, &p);
	assert_true(p.tx_csum_tcp4 && p.tx_csum_udp4 && p.tx_csum_tcp6 &&
		    p.tx_csum_udp6 && p.tso4 && p.tso6 && p.rsc);
	assert_int_equal(p.gso_max_size, 62000);

	/* no UDP checksum before NVSP 5 */
	hvn_offload_plan(&c, HVN_NVSP_VERSION_4, &p);
	assert_true(p.tx_csum_tcp4 && p.tx_csum_tcp6);
	assert_false(p.tx_csum_udp4 || p.tx_csum_udp6);

	/* large host limits are capped */
	c.lsov2.ip4_maxsz = 1 << 20;
	c.lsov2.ip6_maxsz = 1 << 20;
	hvn_offload_plan(&c, HVN_NVSP_VERSION_61, &p);
	assert_int_equal(p.gso_max_size, 65536);

	/* TCP6 needs IP6EXT; LSO6 needs both option bits; RSC needs both */
	full_caps(&c);
	c.csum.ip6_txcsum &= ~HVN_NDIS_TXCSUM_CAP_IP6EXT;
	c.lsov2.ip4_encap = 0;
	c.rsc.ip6 = 0;
	hvn_offload_plan(&c, HVN_NVSP_VERSION_61, &p);
	assert_true(p.tx_csum_tcp4);
	assert_false(p.tso4);
	assert_false(p.tx_csum_tcp6 || p.tso6 || p.tx_csum_udp6);
	assert_false(p.rsc);
	assert_int_equal(p.gso_max_size, 65536);

	/* UDP bits missing; IPv6 LSO without 802.3; RSC IPv4 missing */
	full_caps(&c);
	c.csum.ip4_txcsum &= ~HVN_NDIS_TXCSUM_CAP_UDP4;
	c.csum.ip6_txcsum &= ~HVN_NDIS_TXCSUM_CAP_UDP6;
	c.lsov2.ip6_encap = HVN_NDIS_OFFLOAD_ENCAP_NULL;
	c.rsc.ip4 = 0;
	hvn_offload_plan(&c, HVN_NVSP_VERSION_61, &p);
	assert_true(p.tx_csum_tcp4 && p.tso4 && p.tx_csum_tcp6);
	assert_false(p.tx_csum_udp4 || p.tx_csum_udp6 || p.tso6 || p.rsc);
	assert_int_equal(p.gso_max_size, 62780);

	full_caps(&c);
	c.lsov2.ip6_opts = HVN_NDIS_LSOV2_CAP_IP6EXT;
	c.csum.ip4_txcsum = HVN_NDIS_TXCSUM_CAP_TCP4;	/* no TCP4OPT */
	hvn_offload_plan(&c, HVN_NVSP_VERSION_61, &p);
	assert_false(p.tx_csum_tcp4 || p.tso4 || p.tx_csum_udp4);
	assert_true(p.tx_csum_tcp6);
	assert_false(p.tso6);
}

static void test_offload_params(void **state)
{
	struct hvn_ndis_offload_params op;
	struct hvn_offload_plan p;
	struct hvn_ndis_offload c;

	(void)state;
	full_caps(&c);
	hvn_offload_plan(&c, HVN_NVSP_VERSION_61, &p);
	assert_int_equal(hvn_ndis_offload_params(&op, &p, HVN_NVSP_VERSION_61,
						 true), 28);
	assert_int_equal(op.hdr.type, 0x80);
	assert_int_equal(op.hdr.revision, 3);
	assert_int_equal(op.hdr.size, 28);
	assert_int_equal(op.ip_v4_csum, 1);
	assert_int_equal(op.tcp_ip_v4_csum, 4);
	assert_int_equal(op.udp_ip_v4_csum, 4);
	assert_int_equal(op.tcp_ip_v6_csum, 4);
	assert_int_equal(op.udp_ip_v6_csum, 4);
	assert_int_equal(op.lso_v2_ipv4, 2);
	assert_int_equal(op.lso_v2_ipv6, 2);
	assert_int_equal(op.rsc_ip_v4, 2);
	assert_int_equal(op.rsc_ip_v6, 2);

	hvn_ndis_offload_params(&op, &p, HVN_NVSP_VERSION_61, false);
	assert_int_equal(op.rsc_ip_v4, 1);
	assert_int_equal(op.rsc_ip_v6, 1);

	/* NVSP 4: short layout, no UDP, no RSC even if planned */
	assert_int_equal(hvn_ndis_offload_params(&op, &p, HVN_NVSP_VERSION_4,
						 true), 22);
	assert_int_equal(op.hdr.size, 22);
	assert_int_equal(op.udp_ip_v4_csum, 0);
	assert_int_equal(op.udp_ip_v6_csum, 0);
	assert_int_equal(op.rsc_ip_v4, 0);
	assert_int_equal(op.tcp_ip_v4_csum, 4);

	/* nothing offered: only the IPv4 header checksum setting */
	memset(&p, 0, sizeof(p));
	hvn_ndis_offload_params(&op, &p, HVN_NVSP_VERSION_61, true);
	assert_int_equal(op.ip_v4_csum, 1);
	assert_int_equal(op.tcp_ip_v4_csum, 0);
	assert_int_equal(op.lso_v2_ipv4, 0);
	assert_int_equal(op.rsc_ip_v4, 0);
}

static void test_small_helpers(void **state)
{
	struct hvn_rndis_rx_pkt rx;

	(void)state;
	assert_int_equal(hvn_rndis_packet_filter(false, false, false), 0x1);
	assert_int_equal(hvn_rndis_packet_filter(false, true, true), 0xd);
	assert_int_equal(hvn_rndis_packet_filter(false, false, true), 0x9);
	assert_int_equal(hvn_rndis_packet_filter(true, true, true), 0x20);

	memset(&rx, 0, sizeof(rx));
	rx.csum = HVN_RXCSUM_TCP_OK;
	assert_false(hvn_rndis_rx_csum_ok(&rx));	/* no PPI */
	rx.flags = HVN_RX_CSUM;
	assert_true(hvn_rndis_rx_csum_ok(&rx));
	rx.csum = HVN_RXCSUM_UDP_OK | HVN_RXCSUM_IP_OK;
	assert_true(hvn_rndis_rx_csum_ok(&rx));
	rx.csum = HVN_RXCSUM_IP_OK | HVN_RXCSUM_TCP_FAILED;
	assert_false(hvn_rndis_rx_csum_ok(&rx));
	assert_true(hvn_rndis_rx_csum_bad(&rx));
	rx.csum = HVN_RXCSUM_UDP_FAILED;
	assert_true(hvn_rndis_rx_csum_bad(&rx));
	rx.csum = HVN_RXCSUM_IP_FAILED | HVN_RXCSUM_TCP_OK;
	assert_true(hvn_rndis_rx_csum_bad(&rx));
	rx.csum = HVN_RXCSUM_TCP_OK | HVN_RXCSUM_IP_OK | HVN_RXCSUM_LOOPBACK;
	assert_false(hvn_rndis_rx_csum_bad(&rx));
	rx.flags = 0;
	rx.csum = HVN_RXCSUM_TCP_FAILED;
	assert_false(hvn_rndis_rx_csum_bad(&rx));	/* no PPI */

	assert_int_equal(hvn_rndis_link_speed_mbps(100000000), 10000);
	assert_int_equal(hvn_rndis_link_speed_mbps(9999), 0);
	assert_int_equal(hvn_rndis_link_speed_mbps(U32_MAX), 429496);
}

/* ---------- host messages ---------- */

struct rmsg {
	u8 b[512];
	u32 len;
};

static u8 *rmsg_init(struct rmsg *m, u32 type, u32 len)
{
	memset(m, 0, sizeof(*m));
	put32(m->b, type);
	put32(m->b + 4, len);
	m->len = len;
	return m->b + 8;
}

static void test_msg_type(void **state)
{
	static const u32 ok[] = {
		HVN_RNDIS_MSG_PACKET, HVN_RNDIS_MSG_INIT_C,
		HVN_RNDIS_MSG_QUERY_C, HVN_RNDIS_MSG_SET_C,
		HVN_RNDIS_MSG_RESET_C, HVN_RNDIS_MSG_KEEPALIVE_C,
		HVN_RNDIS_MSG_INDICATE, HVN_RNDIS_MSG_KEEPALIVE,
	};
	struct rmsg m;
	unsigned int i;
	u32 type;

	(void)state;
	rmsg_init(&m, HVN_RNDIS_MSG_PACKET, 8);
	assert_int_equal(hvn_rndis_msg_type(m.b, 7, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
	put32(m.b + 4, 7);
	assert_int_equal(hvn_rndis_msg_type(m.b, 8, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_MSG_LEN);
	put32(m.b + 4, 9);
	assert_int_equal(hvn_rndis_msg_type(m.b, 8, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_MSG_LEN);

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		rmsg_init(&m, ok[i], 8);
		assert_int_equal(hvn_rndis_msg_type(m.b, 8, &type, &V), 0);
		assert_int_equal(type, ok[i]);
	}
	assert_no_viol(&V);

	rmsg_init(&m, HVN_RNDIS_MSG_QUERY, 8);
	assert_int_equal(hvn_rndis_msg_type(m.b, 8, &type, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_UNKNOWN_TYPE);
}

/* Host data packet: data at @doff (from the body), PPIs at 36 */
static u8 *pkt_init(struct rmsg *m, u32 len, u32 doff, u32 dlen, u32 ppilen)
{
	u8 *body = rmsg_init(m, HVN_RNDIS_MSG_PACKET, len);

	put32(body, doff);
	put32(body + 4, dlen);
	if (ppilen) {
		put32(body + 20, 36);
		put32(body + 24, ppilen);
	}
	return body;
}

static u8 *put_ppi(u8 *p, u32 size, u32 type, u32 poff, u32 val)
{
	put32(p, size);
	put32(p + 4, type);
	put32(p + 8, poff);
	if (poff + 4 <= size)
		put32(p + poff, val);
	return p + size;
}

static void test_parse_packet_basic(void **state)
{
	struct hvn_rndis_rx_pkt rx;
	struct rmsg m;
	u8 *body;

	(void)state;
	/* no PPI, data right after the packet body */
	body = pkt_init(&m, 8 + 36 + 60, 36, 60, 0);
	body[36] = 0x42;
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), 0);
	assert_no_viol(&V);
	assert_ptr_equal(rx.data, body + 36);
	assert_int_equal(rx.data_len, 60);
	assert_int_equal(rx.flags, 0);
	/* buffer larger than msg_len is fine */
	assert_int_equal(hvn_rndis_parse_packet(m.b, sizeof(m.b), &rx, &V), 0);

	/* header problems */
	assert_int_equal(hvn_rndis_parse_packet(m.b, 7, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len - 1, &rx, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_MSG_LEN);
	put32(m.b, HVN_RNDIS_MSG_INDICATE);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_UNKNOWN_TYPE);

	/* body shorter than the packet fields */
	pkt_init(&m, 8 + 35, 36, 1, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
}

static void test_parse_packet_data_bounds(void **state)
{
	struct hvn_rndis_rx_pkt rx;
	struct rmsg m;

	(void)state;
	/* data inside the packet fields */
	pkt_init(&m, 104, 35, 10, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_DATA_OFFSET);
	/* data offset at the end of the body (96) */
	pkt_init(&m, 104, 96, 1, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_DATA_OFFSET);
	/* last byte of the body */
	pkt_init(&m, 104, 95, 1, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), 0);
	assert_int_equal(rx.data_len, 1);
	/* one byte past the end */
	pkt_init(&m, 104, 95, 2, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_DATA_LEN);
	/* zero length */
	pkt_init(&m, 104, 36, 0, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_DATA_LEN);
	/* offset + length overflows 32 bits */
	pkt_init(&m, 104, 90, 0xfffffff0, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_DATA_LEN);
	pkt_init(&m, 104, 0xffffffff, 2, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_DATA_OFFSET);
}

static void test_parse_packet_ppi(void **state)
{
	struct hvn_rndis_rx_pkt rx;
	struct rmsg m;
	u8 *body, *p;

	(void)state;
	body = pkt_init(&m, 8 + 36 + 5 * 16 + 4 * 16 + 100, 36 + 144, 100,
			144);
	p = body + 36;
	p = put_ppi(p, 16, HVN_PPI_TCPIP_CHKSUM, 12,
		    HVN_RXCSUM_TCP_OK | HVN_RXCSUM_IP_OK);
	p = put_ppi(p, 16, HVN_PPI_IEEE_8021Q, 12, 3 | (1 << 3) | (100 << 4));
	p = put_ppi(p, 20, HVN_PPI_NBL_HASH_VALUE, 16, 0x12345678);
	p = put_ppi(p, 16, HVN_PPI_NBL_HASH_INFO, 12, 0x201);
	p = put_ppi(p, 16, HVN_PPI_PKTINFO_ID | HVN_PPI_INTERNAL, 12,
		    1 | (HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG) << 8 |
		    0xbeefU << 16);
	/* ignored: unknown type, non-internal type 1, a later checksum */
	p = put_ppi(p, 12, HVN_PPI_CLASSIFICATION_HANDLE, 12, 0);
	p = put_ppi(p, 16, HVN_PPI_IPSEC, 12, 0xffffffff);
	p = put_ppi(p, 16, HVN_PPI_TCPIP_CHKSUM, 12, HVN_RXCSUM_TCP_FAILED);
	put_ppi(p, 16, HVN_PPI_SHORT_PKT_PADINFO, 12, 0);

	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), 0);
	assert_no_viol(&V);
	assert_int_equal(rx.flags, HVN_RX_CSUM | HVN_RX_VLAN | HVN_RX_HASH |
			 HVN_RX_HASH_INFO | HVN_RX_PKTINFO);
	assert_int_equal(rx.csum, HVN_RXCSUM_TCP_OK | HVN_RXCSUM_IP_OK);
	assert_int_equal(rx.vlan_tci, (3 << 13) | (1 << 12) | 100);
	assert_int_equal(rx.hash, 0x12345678);
	assert_int_equal(rx.hash_info, 0x201);
	assert_int_equal(rx.rsc_flag,
			 HVN_PKTINFO_SUBALLOC | HVN_PKTINFO_1ST_FRAG);
	assert_int_equal(rx.rsc_pkt_id, 0xbeef);
	assert_int_equal(rx.data_len, 100);

	/* zero-length PPI area at a valid offset: nothing found */
	body = pkt_init(&m, 8 + 36 + 20, 36, 20, 0);
	put32(body + 20, 36);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), 0);
	assert_int_equal(rx.flags, 0);
	/* PPI area ends exactly at the message end */
	body = pkt_init(&m, 8 + 36 + 16, 36, 16, 16);
	put_ppi(body + 36, 16, HVN_PPI_IEEE_8021Q, 12, 5 << 4);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), 0);
	assert_int_equal(rx.vlan_tci, 5);
	assert_no_viol(&V);
}

static void test_parse_packet_ppi_bounds(void **state)
{
	struct hvn_rndis_rx_pkt rx;
	struct rmsg m;
	u8 *body;

	(void)state;
	/* area offset inside the packet fields */
	body = pkt_init(&m, 8 + 36 + 32, 52, 16, 16);
	put32(body + 20, 35);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_BOUNDS);
	/* area offset past the body */
	put32(body + 20, 69);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_BOUNDS);
	/* area one byte longer than the body */
	put32(body + 20, 36);
	put32(body + 24, 33);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_BOUNDS);
	/* offset + length overflow */
	put32(body + 24, 0xffffffe0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_BOUNDS);
}

static void test_parse_packet_ppi_entries(void **state)
{
	struct hvn_rndis_rx_pkt rx;
	struct rmsg m;
	u8 *body;

	(void)state;
	/* fewer bytes left than a PPI header */
	body = pkt_init(&m, 8 + 36 + 32 + 8, 36 + 32, 8, 27);
	put_ppi(body + 36, 16, HVN_PPI_IEEE_8021Q, 12, 1 << 4);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_ENTRY);

	/* size 0: the in-tree driver loops forever here; we stop */
	body = pkt_init(&m, 8 + 36 + 32 + 8, 36 + 32, 8, 32);
	put_ppi(body + 36, 0, HVN_PPI_IEEE_8021Q, 0, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_ENTRY);
	/* size below the header */
	put_ppi(body + 36, 11, HVN_PPI_IEEE_8021Q, 8, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_ENTRY);
	/* size larger than what is left */
	put_ppi(body + 36, 33, HVN_PPI_IEEE_8021Q, 12, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_ENTRY);
	/* payload offset inside the header */
	put_ppi(body + 36, 16, HVN_PPI_IEEE_8021Q, 11, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_ENTRY);
	/* payload offset past the element */
	put_ppi(body + 36, 16, HVN_PPI_IEEE_8021Q, 17, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_ENTRY);
	/* known type with a 3-byte payload */
	put_ppi(body + 36, 15, HVN_PPI_IEEE_8021Q, 12, 0);
	put_ppi(body + 36 + 15, 17, HVN_PPI_ORIGINAL, 12, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_PAYLOAD);
	/* payload offset == size for a known type */
	put_ppi(body + 36, 16, HVN_PPI_NBL_HASH_VALUE, 16, 0);
	put_ppi(body + 36 + 16, 16, HVN_PPI_ORIGINAL, 12, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_PPI_PAYLOAD);
	/* unknown type with an empty payload is fine */
	put_ppi(body + 36, 16, HVN_PPI_ORIGINAL, 16, 0);
	assert_int_equal(hvn_rndis_parse_packet(m.b, m.len, &rx, &V), 0);
	assert_no_viol(&V);
}

/* What the guest builds, a host could send back: round trip */
static void test_packet_round_trip(void **state)
{
	struct hvn_rndis_tx_info ti = {
		.flags = HVN_TX_HASH | HVN_TX_VLAN | HVN_TX_CSUM,
		.hash = 0xcafef00d,
		.vlan_tci = 0xe00a,
		.l4_offset = 34,
	};
	struct hvn_rndis_rx_pkt rx;
	u8 b[256];
	int hl;

	(void)state;
	hl = hvn_rndis_build_packet(b, sizeof(b), &ti, 64);
	assert_int_equal(hl, 92);
	memset(b + hl, 0x5a, 64);
	assert_int_equal(hvn_rndis_parse_packet(b, hl + 64, &rx, &V), 0);
	assert_no_viol(&V);
	assert_ptr_equal(rx.data, b + hl);
	assert_int_equal(rx.data_len, 64);
	assert_int_equal(rx.vlan_tci, 0xe00a);
	assert_int_equal(rx.hash, 0xcafef00d);
	assert_int_equal(rx.flags, HVN_RX_HASH | HVN_RX_VLAN | HVN_RX_CSUM);
}

static void test_parse_init_c(void **state)
{
	struct hvn_rndis_comp c;
	struct rmsg m;
	u8 *body;

	(void)state;
	body = rmsg_init(&m, HVN_RNDIS_MSG_INIT_C, 8 + 44);
	put32(body, 77);
	put32(body + 4, HVN_RNDIS_STATUS_SUCCESS);
	put32(body + 8, 1);
	put32(body + 12, 0);
	put32(body + 16, HVN_RNDIS_DF_CONNECTIONLESS);
	put32(body + 24, 8);
	put32(body + 28, 0xefffffff);
	put32(body + 32, 3);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_no_viol(&V);
	assert_int_equal(c.type, HVN_RNDIS_MSG_INIT_C);
	assert_int_equal(c.req_id, 77);
	assert_int_equal(c.status, 0);
	assert_int_equal(c.major_ver, 1);
	assert_int_equal(c.minor_ver, 0);
	assert_int_equal(c.max_pkt_per_msg, 8);
	assert_int_equal(c.max_xfer_size, 0xefffffff);
	assert_int_equal(c.pkt_align, 8);

	put32(body + 32, 12);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(c.pkt_align, 4096);
	put32(body + 32, 13);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INIT_PARAMS);
	put32(body + 32, 0xffffffff);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INIT_PARAMS);

	/* a failure status is reported, the rest is not looked at */
	put32(body + 4, HVN_RNDIS_STATUS_FAILURE);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(c.status, HVN_RNDIS_STATUS_FAILURE);
	assert_int_equal(c.pkt_align, 0);

	put32(m.b + 4, 8 + 43);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
}

static void test_parse_query_c(void **state)
{
	struct hvn_rndis_comp c;
	struct rmsg m;
	u8 mac[6];
	u8 *body;
	u32 val;

	(void)state;
	body = rmsg_init(&m, HVN_RNDIS_MSG_QUERY_C, 8 + 16 + 6);
	put32(body, 3);
	put32(body + 4, HVN_RNDIS_STATUS_SUCCESS);
	put32(body + 8, 6);
	put32(body + 12, 16);
	memcpy(body + 16, "\x00\x15\x5d\x01\x02\x03", 6);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_no_viol(&V);
	assert_int_equal(c.req_id, 3);
	assert_ptr_equal(c.info, body + 16);
	assert_int_equal(c.info_len, 6);
	assert_int_equal(hvn_rndis_info_mac(&c, mac, &V), 0);
	assert_memory_equal(mac, "\x00\x15\x5d\x01\x02\x03", 6);
	assert_int_equal(hvn_rndis_info_u32(&c, &val, &V), 0);
	assert_int_equal(val, 0x015d1500);

	/* info one byte past the end */
	put32(body + 8, 7);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	/* offset inside the completion fields */
	put32(body + 8, 6);
	put32(body + 12, 15);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	/* offset past the body */
	put32(body + 8, 1);
	put32(body + 12, 23);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	/* offset + length overflow */
	put32(body + 8, 0xfffffff8);
	put32(body + 12, 16);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);

	/* no info: nothing to read */
	put32(body + 8, 0);
	put32(body + 12, 0xffffffff);
	put32(body + 4, HVN_RNDIS_STATUS_NOT_SUPPORTED);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_null(c.info);
	assert_int_equal(c.status, HVN_RNDIS_STATUS_NOT_SUPPORTED);
	assert_int_equal(hvn_rndis_info_u32(&c, &val, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	assert_int_equal(hvn_rndis_info_mac(&c, mac, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);

	/* short info */
	put32(body + 8, 3);
	put32(body + 12, 16);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(hvn_rndis_info_u32(&c, &val, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	put32(body + 8, 5);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(hvn_rndis_info_mac(&c, mac, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);

	rmsg_init(&m, HVN_RNDIS_MSG_QUERY_C, 8 + 15);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
}

static void test_parse_other_comp(void **state)
{
	struct hvn_rndis_comp c;
	struct rmsg m;
	u8 *body;

	(void)state;
	body = rmsg_init(&m, HVN_RNDIS_MSG_SET_C, 16);
	put32(body, 12);
	put32(body + 4, HVN_RNDIS_STATUS_INVALID_DATA);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(c.type, HVN_RNDIS_MSG_SET_C);
	assert_int_equal(c.req_id, 12);
	assert_int_equal(c.status, HVN_RNDIS_STATUS_INVALID_DATA);
	put32(m.b, HVN_RNDIS_MSG_KEEPALIVE_C);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(c.type, HVN_RNDIS_MSG_KEEPALIVE_C);
	assert_int_equal(c.req_id, 12);
	put32(m.b + 4, 15);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);

	body = rmsg_init(&m, HVN_RNDIS_MSG_RESET_C, 16);
	put32(body, HVN_RNDIS_STATUS_SUCCESS);
	put32(body + 4, 1);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), 0);
	assert_int_equal(c.req_id, 0);
	assert_int_equal(c.status, 0);
	put32(m.b + 4, 15);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);

	rmsg_init(&m, HVN_RNDIS_MSG_PACKET, 16);
	assert_int_equal(hvn_rndis_parse_comp(m.b, m.len, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_UNKNOWN_TYPE);

	assert_int_equal(hvn_rndis_parse_comp(m.b, 4, &c, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
}

static void test_parse_indicate(void **state)
{
	struct hvn_rndis_indication ind;
	struct rmsg m;
	u8 *body;

	(void)state;
	body = rmsg_init(&m, HVN_RNDIS_MSG_INDICATE, 8 + 12);
	put32(body, HVN_RNDIS_STATUS_MEDIA_CONNECT);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V), 0);
	assert_int_equal(ind.status, HVN_RNDIS_STATUS_MEDIA_CONNECT);
	assert_null(ind.buf);
	assert_no_viol(&V);

	/* link speed without a value */
	put32(body, HVN_RNDIS_STATUS_LINK_SPEED_CHANGE);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INDICATE_BOUNDS);

	body = rmsg_init(&m, HVN_RNDIS_MSG_INDICATE, 8 + 12 + 4);
	put32(body, HVN_RNDIS_STATUS_LINK_SPEED_CHANGE);
	put32(body + 4, 4);
	put32(body + 8, 12);
	put32(body + 12, 100000000);	/* 10 Gbps in 100 bps units */
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V), 0);
	assert_int_equal(ind.link_speed, 100000000);
	assert_int_equal(ind.buflen, 4);
	assert_ptr_equal(ind.buf, body + 12);

	/* a 3-byte speed */
	put32(body + 4, 3);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INDICATE_BOUNDS);
	/* one byte past the end */
	put32(body + 4, 5);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INDICATE_BOUNDS);
	/* offset inside the indicate fields */
	put32(body + 4, 4);
	put32(body + 8, 11);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INDICATE_BOUNDS);
	/* offset past the body */
	put32(body + 8, 17);
	put32(body + 4, 1);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INDICATE_BOUNDS);
	/* overflow */
	put32(body + 8, 12);
	put32(body + 4, 0xfffffff8);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INDICATE_BOUNDS);

	rmsg_init(&m, HVN_RNDIS_MSG_INDICATE, 8 + 11);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
	rmsg_init(&m, HVN_RNDIS_MSG_SET_C, 8 + 12);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, m.len, &ind, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_UNKNOWN_TYPE);
	assert_int_equal(hvn_rndis_parse_indicate(m.b, 3, &ind, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
}

static void test_parse_keepalive(void **state)
{
	struct rmsg m;
	u32 id = 0;
	u8 *body;

	(void)state;
	body = rmsg_init(&m, HVN_RNDIS_MSG_KEEPALIVE, 12);
	put32(body, 0x55);
	assert_int_equal(hvn_rndis_parse_keepalive(m.b, m.len, &id, &V), 0);
	assert_int_equal(id, 0x55);
	put32(m.b + 4, 11);
	assert_int_equal(hvn_rndis_parse_keepalive(m.b, m.len, &id, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_SHORT);
	rmsg_init(&m, HVN_RNDIS_MSG_HALT, 12);
	assert_int_equal(hvn_rndis_parse_keepalive(m.b, m.len, &id, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_UNKNOWN_TYPE);
}

static void test_parse_offload_caps(void **state)
{
	struct hvn_ndis_offload in, out;
	u8 big[200];

	(void)state;
	full_caps(&in);
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 156, &out, &V), 0);
	assert_memory_equal(&in, &out, sizeof(in));
	assert_no_viol(&V);

	assert_int_equal(hvn_ndis_parse_offload_caps(NULL, 156, &out, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 3, &out, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 111, &out, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);

	in.hdr.type = HVN_NDIS_OBJ_TYPE_DEFAULT;
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 156, &out, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_OBJ_HDR);
	in.hdr.type = HVN_NDIS_OBJ_TYPE_OFFLOAD;
	in.hdr.revision = 0;
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 156, &out, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_OBJ_HDR);
	in.hdr.revision = 1;
	in.hdr.size = 111;
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 156, &out, &V),
			 -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_OBJ_HDR);

	/* revision 1 object: RSC fields beyond its size read as zero */
	in.hdr.size = 112;
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 156, &out, &V), 0);
	assert_int_equal(out.rsc.ip4, 0);
	assert_int_equal(out.lsov2.ip4_maxsz, 62780);
	/* declared 156 but only 112 bytes received */
	in.hdr.size = 156;
	assert_int_equal(hvn_ndis_parse_offload_caps(&in, 112, &out, &V), 0);
	assert_int_equal(out.rsc.ip6, 0);

	/* a larger (newer) object: only our part is copied */
	memset(big, 0x77, sizeof(big));
	memcpy(big, &in, sizeof(in));
	put16(big + 2, 200);
	assert_int_equal(hvn_ndis_parse_offload_caps(big, 200, &out, &V), 0);
	assert_int_equal(out.hdr.size, 200);
	assert_int_equal(out.encap_gre.maxhdr, in.encap_gre.maxhdr);
	assert_no_viol(&V);
}

static void test_parse_rss_caps(void **state)
{
	struct hvn_ndis_rss_caps in;
	struct hvn_rss_caps out;

	(void)state;
	hvn_ndis_rss_caps_hdr(&in);
	in.capabilities = HVN_NDIS_RSS_CAPS_HASH_TCP_IPV4 |
			  HVN_NDIS_RSS_CAPS_HASH_TCP_IPV6 |
			  HVN_NDIS_HASH_FUNC_TOEPLITZ;
	in.num_int_msg = 1;
	in.num_recv_que = 16;
	in.num_indirect_tabent = 64;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), 0);
	assert_int_equal(out.num_queues, 16);
	assert_int_equal(out.itab_size, 64);
	assert_int_equal(out.capabilities, 0x301);

	in.num_indirect_tabent = 0;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), 0);
	assert_int_equal(out.itab_size, 128);
	in.num_indirect_tabent = 256;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), 0);
	assert_int_equal(out.itab_size, 256);
	in.num_indirect_tabent = 257;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), 0);
	assert_int_equal(out.itab_size, 128);
	in.num_indirect_tabent = 1;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), 0);
	assert_int_equal(out.itab_size, 1);
	/* revision 1 reply (16 bytes): default table size */
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 16, &out, &V), 0);
	assert_int_equal(out.itab_size, 128);
	in.hdr.size = 16;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), 0);
	assert_int_equal(out.itab_size, 128);
	assert_no_viol(&V);

	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 15, &out, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	assert_int_equal(hvn_ndis_parse_rss_caps(NULL, 18, &out, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_INFO_BOUNDS);
	in.hdr.size = 15;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_OBJ_HDR);
	in.hdr.size = 18;
	in.hdr.type = HVN_NDIS_OBJ_TYPE_RSS_PARAMETERS;
	assert_int_equal(hvn_ndis_parse_rss_caps(&in, 18, &out, &V), -EPROTO);
	assert_viol(&V, HVN_V_RNDIS_OBJ_HDR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_build_simple, reset),
		cmocka_unit_test_setup(test_build_query_set, reset),
		cmocka_unit_test_setup(test_build_packet_plain, reset),
		cmocka_unit_test_setup(test_build_packet_ppi, reset),
		cmocka_unit_test_setup(test_build_packet_lso, reset),
		cmocka_unit_test_setup(test_align, reset),
		cmocka_unit_test_setup(test_pad_batch, reset),
		cmocka_unit_test_setup(test_mac_param, reset),
		cmocka_unit_test_setup(test_rss_params, reset),
		cmocka_unit_test_setup(test_offload_caps_hdr, reset),
		cmocka_unit_test_setup(test_offload_plan, reset),
		cmocka_unit_test_setup(test_offload_params, reset),
		cmocka_unit_test_setup(test_small_helpers, reset),
		cmocka_unit_test_setup(test_msg_type, reset),
		cmocka_unit_test_setup(test_parse_packet_basic, reset),
		cmocka_unit_test_setup(test_parse_packet_data_bounds, reset),
		cmocka_unit_test_setup(test_parse_packet_ppi, reset),
		cmocka_unit_test_setup(test_parse_packet_ppi_bounds, reset),
		cmocka_unit_test_setup(test_parse_packet_ppi_entries, reset),
		cmocka_unit_test_setup(test_packet_round_trip, reset),
		cmocka_unit_test_setup(test_parse_init_c, reset),
		cmocka_unit_test_setup(test_parse_query_c, reset),
		cmocka_unit_test_setup(test_parse_other_comp, reset),
		cmocka_unit_test_setup(test_parse_indicate, reset),
		cmocka_unit_test_setup(test_parse_keepalive, reset),
		cmocka_unit_test_setup(test_parse_offload_caps, reset),
		cmocka_unit_test_setup(test_parse_rss_caps, reset),
	};

	return cmocka_run_group_tests_name("rndis", tests, NULL, NULL);
}
