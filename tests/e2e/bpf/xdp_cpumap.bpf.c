// SPDX-License-Identifier: GPL-2.0
/*
 * XDP_REDIRECT through a CPU map: IPv4 UDP datagrams to the test port are
 * queued to CPU 1 (entry 1 of cpu_map, its queue size set by the scenario
 * with bpftool), where the map's kernel thread builds their skbs and
 * hands them to the stack; every other frame passes on the receiving CPU.
 */
#include "test_udp.h"

#define TEST_CPU 1

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 8);
	/* sizes, not BTF types: CPU maps take no BTF for their entries */
	__uint(key_size, sizeof(__u32));
	/* struct bpf_cpumap_val up to qsize: no program on the CPU */
	__uint(value_size, sizeof(__u32));
} cpu_map SEC(".maps");

SEC("xdp")
int xdp_cpumap(struct xdp_md *ctx)
{
	if (!test_udp_match(ctx))
		return XDP_PASS;
	return bpf_redirect_map(&cpu_map, TEST_CPU, 0);
}

char _license[] SEC("license") = "GPL";
