// SPDX-License-Identifier: GPL-2.0
/*
 * Protocol violation counters.
 */
#include "hvn_viol.h"

static const char * const hvn_viol_names[HVN_V_NR] = {
	[HVN_V_VMPKT_SHORT]		= "vmpkt_short",
	[HVN_V_VMPKT_BAD_LEN]		= "vmpkt_bad_len",
	[HVN_V_VMPKT_BAD_TYPE]		= "vmpkt_bad_type",
	[HVN_V_XFER_NVSP_TYPE]		= "xfer_nvsp_type",
	[HVN_V_XFER_HDR]		= "xfer_hdr",
	[HVN_V_XFER_PAGESET]		= "xfer_pageset",
	[HVN_V_XFER_RANGE_CNT]		= "xfer_range_cnt",
	[HVN_V_XFER_RANGE_BOUNDS]	= "xfer_range_bounds",
	[HVN_V_XFER_RANGE_SECTION]	= "xfer_range_section",
	[HVN_V_NVSP_SHORT]		= "nvsp_short",
	[HVN_V_NVSP_UNKNOWN_TYPE]	= "nvsp_unknown_type",
	[HVN_V_NVSP_HOST_FAIL]		= "nvsp_host_fail",
	[HVN_V_RECVBUF_SECTIONS]	= "recvbuf_sections",
	[HVN_V_RECVBUF_OFFSET]		= "recvbuf_offset",
	[HVN_V_RECVBUF_SECTION_SIZE]	= "recvbuf_section_size",
	[HVN_V_RECVBUF_SECTION_COUNT]	= "recvbuf_section_count",
	[HVN_V_SENDBUF_SECTION_SIZE]	= "sendbuf_section_size",
	[HVN_V_SUBCHAN_COUNT]		= "subchan_count",
	[HVN_V_SEND_TABLE_COUNT]	= "send_table_count",
	[HVN_V_SEND_TABLE_OFFSET]	= "send_table_offset",
	[HVN_V_DATAPATH_VALUE]		= "datapath_value",
	[HVN_V_RNDIS_SHORT]		= "rndis_short",
	[HVN_V_RNDIS_MSG_LEN]		= "rndis_msg_len",
	[HVN_V_RNDIS_UNKNOWN_TYPE]	= "rndis_unknown_type",
	[HVN_V_RNDIS_DATA_OFFSET]	= "rndis_data_offset",
	[HVN_V_RNDIS_DATA_LEN]		= "rndis_data_len",
	[HVN_V_RNDIS_PPI_BOUNDS]	= "rndis_ppi_bounds",
	[HVN_V_RNDIS_PPI_ENTRY]		= "rndis_ppi_entry",
	[HVN_V_RNDIS_PPI_PAYLOAD]	= "rndis_ppi_payload",
	[HVN_V_RNDIS_INFO_BOUNDS]	= "rndis_info_bounds",
	[HVN_V_RNDIS_INDICATE_BOUNDS]	= "rndis_indicate_bounds",
	[HVN_V_RNDIS_INIT_PARAMS]	= "rndis_init_params",
	[HVN_V_RNDIS_OBJ_HDR]		= "rndis_obj_hdr",
	[HVN_V_RSC_NO_FIRST]		= "rsc_no_first",
	[HVN_V_RSC_UNTERMINATED]	= "rsc_unterminated",
	[HVN_V_RSC_TOO_MANY]		= "rsc_too_many",
	[HVN_V_RSC_LEN]			= "rsc_len",
	[HVN_V_RX_TOO_SHORT]		= "rx_too_short",
	[HVN_V_REQID_UNKNOWN]		= "reqid_unknown",
	[HVN_V_REQID_DUPLICATE]		= "reqid_duplicate",
	[HVN_V_REQID_STALE]		= "reqid_stale",
	[HVN_V_SECTION_RANGE]		= "section_range",
	[HVN_V_SECTION_DOUBLE_FREE]	= "section_double_free",
};

const char *hvn_viol_name(unsigned int which)
{
	if (which >= HVN_V_NR || !hvn_viol_names[which])
		return "unknown";
	return hvn_viol_names[which];
}

int hvn_viol(struct hvn_violations *v, enum hvn_viol which)
{
	if (v && (unsigned int)which < HVN_V_NR) {
		v->cnt[which]++;
		v->total++;
		v->last = which;
	}
	return -EPROTO;
}
