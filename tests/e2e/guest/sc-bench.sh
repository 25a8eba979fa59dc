# SPDX-License-Identifier: GPL-2.0
#
# Same-boot throughput comparison (MODE=bench): the in-tree driver and ours
# on the same kernel, the same emulator profile and the same guest, in
# alternating rounds so drift of the TCG host hits both alike.  One line per
# measurement on the console:
#   E2E-BENCH <driver> <round> <metric> <value> <unit>
# Not a test: the host prints the figures and the ratio.

BENCH_SECS=${BENCH_SECS:-3}
BENCH_ROUNDS=${BENCH_ROUNDS:-2}
BENCH_PROFILE=${BENCH_PROFILE:-azure}

# bench_one <metric> <iperf3 client args...>: run against the peer and print
# the receiver's figure (Mbit/s for TCP, datagrams/s for UDP).
bench_one() {
	local metric=$1 pid v secs pk lost
	shift
	ip netns exec peer timeout $((BENCH_SECS + 15)) $IPERF -s -1 >/dev/null 2>&1 &
	pid=$!
	iperf_ready
	timeout $((BENCH_SECS + 10)) $IPERF -c $PEER -t $BENCH_SECS -J \
		--connect-timeout 3000 "$@" >/tmp/bench.out 2>&1
	wait $pid
	case $metric in
	tcp_*)
		v=$(jget /tmp/bench.out sum_received bits_per_second)
		v=$(awk -v b="${v:-0}" 'BEGIN { printf "%.1f", b / 1e6 }')
		echo "E2E-BENCH $DRV $ROUND $metric $v Mbit/s"
		;;
	udp_*)
		pk=$(jget /tmp/bench.out sum packets)
		lost=$(jget /tmp/bench.out sum lost_packets)
		secs=$(jget /tmp/bench.out sum seconds)
		v=$(awk -v p="${pk:-0}" -v l="${lost:-0}" -v s="${secs:-0}" \
			'BEGIN { if (s > 0) printf "%.0f", (p - l) / s; else print 0 }')
		echo "E2E-BENCH $DRV $ROUND $metric $v pps"
		;;
	esac
}

# bench_xdp <metric> <counter> <xdpload program>: a 64-byte UDP flood
# from the peer to a port the program acts on; frames per second the
# program handled (its counter over the flood)
bench_xdp() {
	local metric=$1 ctr=$2 c0 c1 v
	shift 2
	[ -x /usr/local/sbin/xdpload ] || return
	if ! /usr/local/sbin/xdpload eth0 "$@" 7777 2>/dev/null; then
		echo "E2E-BENCH $DRV $ROUND $metric error attach"
		return
	fi
	c0=$(xdp_qsum "$ctr")
	ip netns exec peer /usr/local/sbin/xdpload udpflood $SELF 7777 \
		$((BENCH_SECS * 1000)) >/dev/null 2>&1
	c1=$(xdp_qsum "$ctr")
	/usr/local/sbin/xdpload eth0 off
	v=$(awk -v d=$((c1 - c0)) -v s="$BENCH_SECS" 'BEGIN { printf "%.0f", d / s }')
	echo "E2E-BENCH $DRV $ROUND $metric $v pps"
}

bench_main() {
	local drivers="" d
	for d in intree ours; do
		[ -f /e2e/mod-$d/order ] && drivers="$drivers $d"
	done
	ROUND=1
	while [ $ROUND -le $BENCH_ROUNDS ]; do
		for DRV in $drivers; do
			MODDIR=/e2e/mod-$DRV
			PROFILE=$BENCH_PROFILE
			load_emulator $PROFILE || { echo "E2E-BENCH $DRV $ROUND error emulator"; continue; }
			if load_driver && net_up; then
				bench_one tcp_tx
				bench_one tcp_rx -R
				bench_one udp_tx_pps -u -b 0 -l 64
				bench_one udp_rx_pps -u -b 0 -l 64 -R
				ethtool -K eth0 lro off 2>/dev/null
				bench_xdp xdp_drop_pps xdp_drop drop
				bench_xdp xdp_tx_pps xdp_tx tx
				log "bench $DRV round $ROUND: $(grep '^chan' $DBG/status | tr '\n' ';')"
			else
				echo "E2E-BENCH $DRV $ROUND error driver $(cat /tmp/insmod.err 2>/dev/null)"
			fi
			unload_driver
			netns_del peer
			unload_emulator
		done
		ROUND=$((ROUND + 1))
	done
}
