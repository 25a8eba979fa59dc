// SPDX-License-Identifier: GPL-2.0
/*
 * XDP_REDIRECT through a device map: IPv4 UDP datagrams to the test port
 * leave by the device in entry 0 of tx_port (its ifindex, set by the
 * scenario with bpftool), unchanged; every other frame passes.  Used both
 * on the synthetic NIC (towards a veth) and on a veth (towards the
 * synthetic NIC, whose ndo_xdp_xmit then sends them to the host).
 */
#include "test_udp.h"

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 1);
	/* sizes, not BTF types: device maps take no BTF for their entries */
	__uint(key_size, sizeof(__u32));
	/* the ifindex (struct bpf_devmap_val without a program) */
	__uint(value_size, sizeof(__u32));
} tx_port SEC(".maps");

SEC("xdp")
int xdp_devmap(struct xdp_md *ctx)
{
	if (!test_udp_match(ctx))
		return XDP_PASS;
	return bpf_redirect_map(&tx_port, 0, 0);
}

char _license[] SEC("license") = "GPL";
