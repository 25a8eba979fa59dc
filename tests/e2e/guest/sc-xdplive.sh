# SPDX-License-Identifier: GPL-2.0
#
# XDP programs changed under traffic (sourced by scenarios.sh in the guest):
#   xdplive  while a TCP stream from the peer runs (iperf3 -R, 4 s), a
#            program is attached, replaced twice and detached over and over
#            (pass, drop of another port, tx of another port, off); the
#            stream ends normally with its bytes, no frame of it is
#            dropped, and traffic flows after.
# Needs sc-xdp.sh (XDPLOAD, XDP_PORT, xdp_qsum), sc-host.sh (lro_state) and
# sc-ctl.sh (ctl_chans).
#
# Everything runs on one vCPU: the stream on one channel, whose target CPU
# the emulator delivers on, and its two ends and xdpload pinned there.
# Each attach rewrites the kernel's XDP dispatcher (a static call) with
# int3-based text patching, and under TCG another vCPU can still execute
# the int3 after the patch completed: 6.12 and 7.x guests died of "Oops:
# int3" in bpf_dispatcher_xdp_func when the stream ran on the other vCPU.

# the CPU the emulator delivers eth0's (only) channel on
xdplive_cpu() {
	local c
	for c in /sys/class/net/eth0/device/channels/*/cpu; do
		[ -r "$c" ] && { cat "$c"; return; }
	done
	echo 0
}

sc_xdplive() {
	[ -x $XDPLOAD ] || { echo "xdpload not in this image"; return 2; }
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local bad="" n=0 lro pid rc sent rcvd d0 d1 chans cpu x
	lro=$(lro_state)
	# a program without multi-buffer support needs LRO off
	[ "$lro" = on ] && ethtool -K eth0 lro off
	chans=$(ctl_chans)
	if [ "${chans:-1}" -gt 1 ]; then
		ethtool -X eth0 default 2>/dev/null
		ethtool -L eth0 combined 1 || bad="$bad combined-1-refused"
		wait_for 10 carrier_is 1
	fi
	cpu=$(xdplive_cpu)
	x="taskset -c $cpu"
	ip netns exec peer $x timeout 20 $IPERF -s -1 >/dev/null 2>&1 &
	iperf_ready
	$x timeout 16 $IPERF -c $PEER -R -t 4 -J --connect-timeout 3000 \
		>/tmp/xdplive.json 2>&1 &
	pid=$!
	sleep 1
	: >/tmp/xdplive.err
	d0=$(xdp_qsum xdp_drop)
	while kill -0 $pid 2>/dev/null && [ $n -lt 50 ] && [ -z "$bad" ]; do
		$x $XDPLOAD eth0 pass 2>>/tmp/xdplive.err || bad="$bad pass-refused"
		$x $XDPLOAD eth0 drop $XDP_PORT 2>>/tmp/xdplive.err || bad="$bad drop-refused"
		$x $XDPLOAD eth0 tx $XDP_PORT 2>>/tmp/xdplive.err || bad="$bad tx-refused"
		$x $XDPLOAD eth0 off 2>>/tmp/xdplive.err || bad="$bad detach-refused"
		n=$((n + 1))
	done
	wait $pid
	rc=$?
	d1=$(xdp_qsum xdp_drop)
	sent=$(awk '/"sum_sent"/ { s = 1 } s && /"bytes"/ { gsub(/[^0-9]/, ""); print; exit }' /tmp/xdplive.json)
	rcvd=$(awk '/"sum_received"/ { s = 1 } s && /"bytes"/ { gsub(/[^0-9]/, ""); print; exit }' /tmp/xdplive.json)
	[ "$rc" = 0 ] || bad="$bad iperf3-exit-$rc($(grep -m1 '"error"' /tmp/xdplive.json | tr -d '\t'))"
	[ "${rcvd:-0}" -gt 0 ] || bad="$bad stream-received-nothing"
	[ "$n" -ge 3 ] || bad="$bad only-$n-rounds"
	# the drop program drops UDP to $XDP_PORT only: TCP frames pass
	[ "$d1" = "$d0" ] || bad="$bad xdp_drop+$((d1 - d0))"
	$XDPLOAD eth0 off 2>/dev/null
	if [ "${chans:-1}" -gt 1 ]; then
		ethtool -L eth0 combined "$chans" || bad="$bad combined-$chans-refused"
		wait_for 10 carrier_is 1
	fi
	[ "$lro" = on ] && ethtool -K eth0 lro on
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad after $n rounds ($(tail -n 2 /tmp/xdplive.err | tr '\n' ' '))"; return 1; }
	echo "$n rounds of attach pass, replace by drop and tx, detach under a TCP stream from the peer (one channel, all on CPU $cpu): peer sent $((${sent:-0} / 1024)) KiB, guest received $((rcvd / 1024)) KiB, ended normally, xdp_drop flat"
}
