# SPDX-License-Identifier: GPL-2.0
#
# The release's own xdp-tools on the synthetic NIC (sourced by scenarios.sh
# in the guest):
#   xdptools  xdp-filter (libxdp, through its dispatcher) loads in native
#             mode and drops UDP to one port (the peer gets no answers,
#             the driver's xdp_drop counts them) while ping passes;
#             xdp-loader status lists it on eth0; xdp-bench drop counts a
#             flood from the peer; all unload.
# Returns 3 where the release has no xdp-tools (bullseye).
# Needs sc-xdp.sh (XDPLOAD, XDP_PORT, XDP_N, xdp_ping, xdp_qsum, miss) and
# sc-host.sh (lro_state).

sc_xdptools() {
	command -v xdp-filter >/dev/null ||
		{ echo "this release ($(uname -r)) has no xdp-tools"; return 3; }
	local bad="" diff="" res="" lro d0 d1 got pps
	lro=$(lro_state)
	[ "$lro" = on ] && ethtool -K eth0 lro off
	grep -q " /sys/fs/bpf " /proc/mounts || mount -t bpf bpf /sys/fs/bpf
	if xdp-filter load -m native eth0 >/tmp/xt.out 2>&1 &&
		xdp-filter port -p udp $XDP_PORT >>/tmp/xt.out 2>&1; then
		xdp-loader status eth0 >/tmp/xt.status 2>&1
		grep -q xdpfilt /tmp/xt.status && grep -q native /tmp/xt.status ||
			bad="$bad status($(tr -s ' \n' ' ' </tmp/xt.status | cut -c1-120))"
		d0=$(xdp_qsum xdp_drop)
		got=$(xdp_ping short)
		d1=$(xdp_qsum xdp_drop)
		[ "${got:-0}" = 0 ] || bad="$bad filter-answers-$got"
		[ $((d1 - d0)) -ge $((XDP_N - 2)) ] || miss "filter:xdp_drop+$((d1 - d0))"
		ping_ok $PEER 2 || bad="$bad ping-under-filter"
		res="xdp-filter (native) dropped $XDP_N datagrams (xdp_drop+$((d1 - d0))), ping passed, xdp-loader status lists it;"
		xdp-filter unload eth0 >>/tmp/xt.out 2>&1 || bad="$bad filter-unload"
	else
		bad="$bad filter-load($(tail -n 2 /tmp/xt.out | tr '\n' ' '))"
	fi
	# xdp-bench drop under a flood from the peer: the tool's own count
	timeout -s INT 4 xdp-bench drop -m native -i 1 eth0 >/tmp/xt.bench 2>&1 &
	sleep 1
	ip netns exec peer $XDPLOAD udpflood $SELF $XDP_PORT 2000 >/dev/null 2>&1
	wait
	pps=$(awk '/\/s/ { for (i = 2; i <= NF; i++) if ($i ~ /^(rx|pkt)\/s/) { v = $(i - 1); gsub(/,/, "", v); if (v + 0 > m) m = v + 0 } } END { print m + 0 }' /tmp/xt.bench)
	[ "$pps" -gt 0 ] || bad="$bad bench($(tail -n 3 /tmp/xt.bench | tr -s ' \n' ' ' | cut -c1-160))"
	res="$res xdp-bench drop: up to $pps pkt/s"
	xdp-loader unload eth0 --all >/dev/null 2>&1
	ip link show eth0 | grep -q 'xdp' && bad="$bad program-left-on-eth0"
	[ "$lro" = on ] && ethtool -K eth0 lro on
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad; $res"; return 1; }
	if [ -n "$diff" ]; then
		echo "in-tree driver of $(uname -r):$diff passed: $res"
		return 2
	fi
	echo "$res; all unloaded"
}
