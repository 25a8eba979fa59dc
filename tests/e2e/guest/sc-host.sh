# SPDX-License-Identifier: GPL-2.0
#
# Host-behaviour scenarios (sourced by scenarios.sh inside the guest): what
# the emulated Hyper-V host does on its own and how the driver copes.
#   rsc      receive segment coalescing on/off (ethtool -K lro), data intact
#   rxcsum   receive checksum PPIs from the host, TCP and UDP, IPv4 and IPv6
#   faults   held send completions and a stalled host under TCP load
#   vfassoc  the host offers and withdraws a VF (no VF netdev present)
# Same contract as scenarios.sh: one line of detail, return 0/1/2.

# One iperf3 test (iperf_once: -R is peer -> guest); extra args appended.
# Sets IP_SENT / IP_RCVD (bytes, from iperf3's JSON summary).
host_iperf() {
	IP_SENT=""
	IP_RCVD=""
	iperf_once -J "$@"
	IP_SENT=$(awk '/"sum_sent"/ { s = 1 } s && /"bytes"/ { gsub(/[^0-9]/, ""); print; exit }' /tmp/iperf.json)
	# UDP before iperf3 3.10: only "sum"
	[ -n "$IP_SENT" ] || IP_SENT=$(jget /tmp/iperf.json sum bytes)
	IP_SENT=${IP_SENT%.*}
	IP_RCVD=$(iperf_rcvd /tmp/iperf.json)
	[ -n "$IP_SENT" ] && [ -n "$IP_RCVD" ] && [ "$IP_RCVD" -gt 0 ]
}

lro_state() { ethtool -k eth0 | sed -n 's/^large-receive-offload: //p'; }
host_rsc_is() { [ "$(status rsc)" = "ip4 $1 ip6 $1" ]; }
snmp_csum_errors() {
	awk '$1 == "Tcp:" && $2 ~ /^[0-9]/ { t = $NF } $1 == "Udp:" && $2 ~ /^[0-9]/ { u = $8 }
		END { print t + u }' /proc/net/snmp
}

# A file from the peer to the guest over TCP (busybox nc), compared by md5.
# (busybox nc ends a connection when its stdin ends: the listener reads a
# pipe that stays open.)
host_nc_done() { [ "$(wc -c </tmp/rsc.dst)" -ge 3000000 ]; }
host_nc_copy() {
	local sum0 sum1 pid
	head -c 3000000 /dev/urandom >/tmp/rsc.src
	sum0=$(md5sum </tmp/rsc.src)
	: >/tmp/rsc.dst
	sleep 15 | nc -l -p 5599 >/tmp/rsc.dst &
	pid=$!
	sleep 0.5
	ip netns exec peer timeout 15 nc $SELF 5599 </tmp/rsc.src
	wait_for 10 host_nc_done
	kill $pid 2>/dev/null
	sum1=$(md5sum </tmp/rsc.dst)
	NC_SIZE=$(wc -c </tmp/rsc.dst)
	[ "$sum0" = "$sum1" ]
}

sc_rsc() {
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local lro p0 s0 p1 s1 p2 s2 p3 s3 c0 c1 g0 g1 bad=""
	lro=$(lro_state)
	case $PROFILE in
	ws2012r2|ws2016)
		[ "$lro" = "off [fixed]" ] || { echo "lro '$lro' on a host without RSC"; return 1; }
		host_rsc_is off || { echo "host has rsc '$(status rsc)'"; return 1; }
		echo "host offers no RSC: lro: $lro"
		return 0
		;;
	esac
	case $lro in
	""|*fixed*) echo "driver has no LRO control (lro: '$lro')"; return 2 ;;
	esac
	ethtool -K eth0 lro on 2>/dev/null
	wait_for 5 host_rsc_is on || { echo "lro on: host rsc '$(status rsc)'"; return 1; }
	p0=$(status rsc_packets)
	s0=$(status rsc_segments)
	c0=$(status rsc_chains)
	g0=$(drv_stat rx_rsc_packets)
	host_iperf -n 8M -R || { echo "lro on: iperf3 failed: $(tail -n 3 /tmp/iperf.json | tr '\n' ' ')"; return 1; }
	p1=$(status rsc_packets)
	s1=$(status rsc_segments)
	c1=$(status rsc_chains)
	g1=$(drv_stat rx_rsc_packets)
	[ "$p1" -gt "$p0" ] || bad="$bad no-rsc-packets"
	[ $((s1 - s0)) -gt $((p1 - p0)) ] || bad="$bad segments-not-above-packets"
	# the guest counts each coalesced packet that came in several
	# sections (ours; the in-tree driver has no such counter)
	if [ "$DRIVER" = ours ] && [ $((g1 - g0)) != $((c1 - c0)) ]; then
		bad="$bad guest-rsc-$((g1 - g0))-host-chains-$((c1 - c0))"
	fi
	command -v nc >/dev/null || { echo "no nc in this image"; return 2; }
	host_nc_copy || bad="$bad nc-copy-differs:$NC_SIZE-of-3000000-bytes"
	ethtool -K eth0 lro off 2>/dev/null
	wait_for 5 host_rsc_is off || bad="$bad lro-off:host-rsc=$(status rsc | tr ' ' _)"
	p2=$(status rsc_packets)
	s2=$(status rsc_segments)
	host_iperf -n 4M -R || bad="$bad lro-off:iperf3-failed"
	p3=$(status rsc_packets)
	s3=$(status rsc_segments)
	[ "$p3" = "$p2" ] && [ "$s3" = "$s2" ] || bad="$bad counters-moved-with-lro-off:$p2/$s2-$p3/$s3"
	ethtool -K eth0 lro on 2>/dev/null
	wait_for 5 host_rsc_is on || bad="$bad lro-on-again:host-rsc=$(status rsc | tr ' ' _)"
	# forwarding turns LRO off (the stack must not forward coalesced
	# packets), and the host stops coalescing
	echo 1 >/proc/sys/net/ipv4/conf/all/forwarding
	[ "$(lro_state)" = off ] || bad="$bad forwarding:lro-$(lro_state | tr ' ' _)"
	wait_for 5 host_rsc_is off || bad="$bad forwarding:host-rsc=$(status rsc | tr ' ' _)"
	echo 0 >/proc/sys/net/ipv4/conf/all/forwarding
	ethtool -K eth0 lro on 2>/dev/null
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "lro on: $((p1 - p0)) coalesced packets of $((s1 - s0)) segments, $((c1 - c0)) in several sections (guest counted $((g1 - g0))); iperf3 sent $IP_SENT, received $IP_RCVD), 3 MB nc copy md5 intact; lro off: counters flat; forwarding turns lro off"
}

sc_rxcsum() {
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local t0 u0 p0 e0 t1 u1 t2 p2 bad="" tb ub
	t0=$(status rx_csum_tcp_ok)
	u0=$(status rx_csum_udp_ok)
	p0=$(status rx_csum_ppi)
	e0=$(snmp_csum_errors)
	host_iperf -n 4M -R || bad="$bad tcp4:no-data"
	tb=$IP_RCVD
	t1=$(status rx_csum_tcp_ok)
	host_iperf -n 1M -R -u -b 20M || bad="$bad udp4:no-data"
	ub=$IP_RCVD
	u1=$(status rx_csum_udp_ok)
	# IPv6 TCP: a short exchange is enough to see the PPIs
	iperf_once -6 -n 1M -R || bad="$bad tcp6:failed"
	t2=$(status rx_csum_tcp_ok)
	p2=$(status rx_csum_ppi)
	[ $((t1 - t0)) -gt 100 ] || bad="$bad tcp4-ok:$((t1 - t0))"
	[ $((t2 - t1)) -gt 10 ] || bad="$bad tcp6-ok:$((t2 - t1))"
	case $PROFILE in
	ws2012r2)
		# no UDP checksum offload on this host: no UDP bits at all
		[ "$u1" = "$u0" ] || bad="$bad udp-ok-without-offload:$((u1 - u0))"
		;;
	*)
		[ $((u1 - u0)) -gt 100 ] || bad="$bad udp4-ok:$((u1 - u0))"
		;;
	esac
	[ "$(status rx_csum_failed)" = 0 ] || bad="$bad host-saw-bad-checksums:$(status rx_csum_failed)"
	[ "$(snmp_csum_errors)" = "$e0" ] || bad="$bad guest-InCsumErrors"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "checksum PPIs $((p2 - p0)): tcp ok +$((t2 - t0)), udp ok +$((u1 - u0)); guest got tcp $tb udp $ub bytes, no csum errors"
}

# ethtool -S counter of the driver (0 when it has none)
drv_stat() { ethtool -S eth0 2>/dev/null | awk -v n="$1:" '$1 == n { print $2; f = 1 } END { if (!f) print 0 }'; }

iperf_rcvd() {
	local b pk lost
	b=$(awk '/"sum_received"/ { s = 1 } s && /"bytes"/ { gsub(/[^0-9]/, ""); print; exit }' "$1")
	if [ -z "$b" ] && grep -q '"lost_packets"' "$1"; then
		# UDP in iperf3 before 3.10 (bullseye) has only "sum": the
		# sender's bytes, and the datagrams the receiver lost
		pk=$(jget "$1" sum packets)
		lost=$(jget "$1" sum lost_packets)
		b=0
		[ "${pk%.*}" -gt "${lost%.*}" ] 2>/dev/null && b=$(jget "$1" sum bytes)
		b=${b%.*}
	fi
	echo "$b"
}

# Fault injection at the host.  TCP guest -> peer while the host holds send
# completions (delay_comp), then stops draining the guest's rings (stall).
# TCP cannot fill a ring (TCP small queues keep a few packets per socket in
# the driver), so a burst of small UDP datagrams from a large socket buffer
# does that during a second stall: the guest must stop and wake its queue.
udp_filled() { [ "$(drv_stat stop_queue)" -gt "$st0" ] || [ "$(status g2h_full)" -gt "$f0" ]; }

sc_faults() {
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local pid h0 h1 d0 d1 f0 f1 u1 rs st0 st1 wk0 wk1 tcp udp f bad=""
	h0=$(status comp_held)
	d0=$(status stall_deferred)
	ip netns exec peer timeout 20 $IPERF -s -1 >/tmp/iperf-s.out 2>&1 &
	iperf_ready
	tx_mark
	timeout 20 $IPERF -c $PEER --connect-timeout 3000 -J -t 3 -P 2 >/tmp/iperf.json 2>&1 &
	pid=$!
	wait_for 5 tx_flows 200
	sleep 0.2
	echo 300 >"$DBG/delay_comp"
	sleep 1
	echo 0 >"$DBG/delay_comp"
	h1=$(status comp_held)
	echo 800 >"$DBG/stall"
	wait $pid
	wait
	d1=$(status stall_deferred)
	tcp=$(iperf_rcvd /tmp/iperf.json)
	[ "$h1" -gt "$h0" ] || bad="$bad no-completions-held"
	[ "$d1" -gt "$d0" ] || bad="$bad tcp-stall-not-seen"
	[ -n "$tcp" ] && [ "$tcp" -gt 0 ] ||
		bad="$bad tcp-no-data:$(grep -m1 '"error"' /tmp/iperf.json | tr -d '\t"')"

	f0=$(status g2h_full)
	st0=$(drv_stat stop_queue)
	wk0=$(drv_stat wake_queue)
	# iperf3 -w sets both socket buffers, on both ends
	for f in wmem_max rmem_max; do
		echo 16777216 >/proc/sys/net/core/$f
		ip netns exec peer sh -c "echo 16777216 >/proc/sys/net/core/$f" 2>/dev/null
	done
	ip netns exec peer timeout 20 $IPERF -s -1 >/tmp/iperf-s.out 2>&1 &
	iperf_ready
	tx_mark
	timeout 20 $IPERF -c $PEER --connect-timeout 3000 -J -t 3 -u -b 0 -l 64 -w 8M \
		>/tmp/iperf-u.json 2>&1 &
	pid=$!
	wait_for 5 tx_flows 500
	# stall until the driver stopped its queue or the ring filled (at most
	# 2.5 s: a slow sender under emulation needs longer than a fast one)
	echo 2500 >"$DBG/stall"
	wait_for 3 udp_filled
	echo 0 >"$DBG/stall"
	wait $pid
	wait
	f1=$(status g2h_full)
	u1=$(status g2h_used_max)
	rs=$(status g2h_ring_size)
	st1=$(drv_stat stop_queue)
	wk1=$(drv_stat wake_queue)
	udp=$(iperf_rcvd /tmp/iperf-u.json)
	# the driver stops its queue before the ring is completely full
	[ "$f1" -gt "$f0" ] || [ $((u1 * 10)) -ge $((rs * 8)) ] ||
		bad="$bad ring-never-filled:$u1-of-$rs"
	[ "$st1" -gt "$st0" ] || bad="$bad driver-never-stopped-its-queue"
	[ "$wk1" -gt "$wk0" ] || bad="$bad driver-never-woke-its-queue"
	[ -n "$udp" ] && [ "$udp" -gt 0 ] ||
		bad="$bad udp-no-data:$(grep -m1 '"error"' /tmp/iperf-u.json | tr -d '\t"')"
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad (held $((h1 - h0)) ring-full $((f1 - f0)) used-max $u1 stop/wake +$((st1 - st0))/+$((wk1 - wk0)))"; return 1; }
	echo "tcp: $((h1 - h0)) completions held, $((d1 - d0)) drains deferred, $tcp bytes; udp burst: up to $u1 of $rs ring bytes waiting, ring full $((f1 - f0))x, driver stop/wake_queue +$((st1 - st0))/+$((wk1 - wk0)), $udp bytes; ping after"
}

sc_vfassoc() {
	local sw0 bad="" dp
	sw0=$(status datapath_switches)
	case $PROFILE in
	ws2012r2)
		# NVSP 4 guests do not announce SR-IOV: the host sends nothing
		if echo "1 4660" >"$DBG/vf" 2>/dev/null; then
			echo "host sent a VF association to a guest without SR-IOV"
			return 1
		fi
		grep -q "VF_ASSOCIATION not sent" "$DBG/history" ||
			{ echo "refusal not in history"; return 1; }
		echo "guest at NVSP $(status nvsp_version) announced no SR-IOV: host sends no VF association"
		return 0
		;;
	esac
	echo "1 4660" >"$DBG/vf" || { echo "host could not offer the VF"; return 1; }
	[ "$(status vf_allocated)" = 1 ] || bad="$bad not-allocated"
	grep -q "VF_ASSOCIATION allocated 1 serial 4660" "$DBG/history" || bad="$bad offer-not-in-history"
	ping_ok $PEER 3 || bad="$bad no-traffic-with-vf-offered"
	echo 0 >"$DBG/vf" || bad="$bad withdraw-failed"
	[ "$(status vf_allocated)" = 0 ] || bad="$bad still-allocated"
	grep -q "VF_ASSOCIATION allocated 0 serial 4660" "$DBG/history" || bad="$bad withdraw-not-in-history"
	ping_ok $PEER 3 || bad="$bad no-traffic-after-withdraw"
	peer_ping_ok $SELF 2 || bad="$bad no-peer-traffic-after-withdraw"
	dp=$(status datapath)
	[ "$dp" = synthetic ] || bad="$bad datapath-$dp"
	[ "$(status datapath_switches)" = "$sw0" ] || bad="$bad guest-switched-without-vf"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "VF serial 4660 offered and withdrawn, data path stayed synthetic, traffic flowed; $(dmesg | grep -c 'VF slot 4660') guest log lines"
}
