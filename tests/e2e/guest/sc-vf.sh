# SPDX-License-Identifier: GPL-2.0
#
# SR-IOV scenarios (sourced by scenarios.sh inside the guest): a real PCI NIC
# of the VM plays the VF of Accelerated Networking.  Opt-in: run.sh gives the
# VM the VF plumbing only when one of these is asked for (VF_SCENARIOS).
#   vf   the host offers a VF after the synthetic NIC is up: the VF is
#        enslaved, the data path switched, ping and iperf3 go through the VF
#        while the synthetic path stays flat; hot-unplug under a 10 ms ping
#        (lost pings, longest gap), back on the synthetic path; re-plug;
#        unplug again under a TCP stream, which must survive.
#   vfearly  the VF's PCI device arrives before the host's VF association:
#        no data path switch until the association, then the VF carries it
#   vfstale  as vfearly, after an association offered and withdrawn while
#        no VF was there: the driver must still wait for the next one
#   vfvirtio  the same as vf with a virtio-net-pci VF (native XDP; the in-tree
#        driver does not take it: not run for it, with the reason)
# Same contract as scenarios.sh: one line of detail, return 0/1/2.
#
# The VF is hot-plugged at PCI slot VF_SLOT by the host helper of the e2e
# harness (requests on ttyS1, tests/e2e/lib.sh); ACPI hotplug names the slot
# by its number, which the emulator sends as the VF serial.  The VF's link
# partner, the "VF port" at 00:06.0, goes into the peer namespace and is
# handed to the emulator (debugfs vf_port), which steers the NIC's traffic
# to it while the guest's data path is the VF.
# VF_MODEL: e1000e (default; its netdev's parent is the PCI device, which the
# in-tree driver needs to match a VF to its slot) or virtio-net-pci (its
# netdev's parent is the virtio device, not a PCI device: the in-tree driver
# of every kernel here ignores it).

# (the VF port may take up to 2 minutes to come back: see vf_prepare)
for _s in vf vfearly vfstale vfvirtio vfctl vfrmmod vfns vfpm vfxdp; do
	eval "SC_TIMEOUT_$_s=240"
done

VF_SLOT=${VF_SLOT:-5}
VF_MODEL=${VF_MODEL:-e1000e}
VF_TTY=/dev/ttyS1
VF_PORT_PCI=0000:00:06.0
VF_PCI=0000:00:$(printf %02x "$VF_SLOT").0

# One request to the host's VF helper; its answer in VF_ANS, 0 if "ok".
vf_req() {
	VF_ANS=""
	stty -F $VF_TTY 115200 raw -echo 2>/dev/null
	exec 7<>$VF_TTY
	echo "E2E-VF $*" >&7
	read -t 60 -r VF_ANS <&7
	exec 7>&-
	VF_ANS=$(echo "$VF_ANS" | tr -d '\r')
	case $VF_ANS in
	ok*) return 0 ;;
	esac
	return 1
}

# Load a staged driver set (/e2e/vf/<set>: e1000e, virtio).
vf_mods() {
	local m
	[ -s /e2e/vf/$1/order ] || return 1
	for m in $(cat /e2e/vf/$1/order); do
		[ -d /sys/module/$m ] || insmod /e2e/vf/$1/$m.ko || return 1
	done
}

# The netdev of a PCI device in this namespace (virtio: one level down).
pci_netdev() {
	local n
	for n in /sys/bus/pci/devices/$1/net/* /sys/bus/pci/devices/$1/virtio*/net/*; do
		[ -e "$n" ] && { basename "$n"; return 0; }
	done
	return 1
}
vf_port_carrier() { [ "$(ip netns exec peer cat /sys/class/net/vfport/carrier 2>/dev/null)" = 1 ]; }
vf_port_there() { ip -n peer link show vfport >/dev/null 2>&1 || pci_netdev $VF_PORT_PCI >/dev/null; }
vf_gone() { ! pci_netdev $VF_PCI >/dev/null && [ ! -e /sys/bus/pci/devices/$VF_PCI ]; }
vf_enslaved() { ip -o link show dev "$1" 2>/dev/null | grep -q 'master eth0'; }
vf_carrier() { [ "$(cat /sys/class/net/$1/carrier 2>/dev/null)" = 1 ]; }
dp_is() { [ "$(status datapath)" = "$1" ]; }
vf_stat() { cat /sys/class/net/$1/statistics/$2 2>/dev/null || echo 0; }

# The emulator's VF path counters: "<tx frames> <rx frames>"
# (tx = guest to switch through the VF, rx = switch to guest).
host_vf_path() {
	status vf_path | awk '{ split($2, t, "/"); split($4, r, "/"); print t[1], r[1] }'
}

# The VF port: into the peer namespace, no IPv6 of its own, up, and handed
# to the emulator.  (After a profile change it is back in the root
# namespace: ip netns del returns physical devices there.)
vf_port_up() {
	local n
	if ! ip -n peer link show vfport >/dev/null 2>&1; then
		n=$(pci_netdev $VF_PORT_PCI) || return 1
		ip link set "$n" down
		[ "$n" = vfport ] || ip link set "$n" name vfport || return 1
		ip link set vfport netns peer || return 1
	fi
	ip netns exec peer sh -c 'echo 1 >/proc/sys/net/ipv6/conf/vfport/disable_ipv6'
	# a switch port takes jumbo frames (vfctl sends 3000-byte pings)
	ip -n peer link set vfport mtu 9000 2>/dev/null
	ip -n peer link set vfport up || return 1
	# (ip netns exec remounts /sys, without debugfs: nsenter keeps it)
	nsenter --net=/run/netns/peer sh -c "echo vfport >$DBG/vf_port"
}

# Offer the VF (association, then the PCI device) and wait until the guest
# enslaved it and switched its data path.  Sets VF to its netdev name.
vf_offer() {
	VF=""
	echo "1 $VF_SLOT" >"$DBG/vf" || { VF_WHY="host could not send the VF association"; return 1; }
	vf_req plug "$VF_MODEL" "$(status mac)" "$VF_SLOT" || { VF_WHY="plug: $VF_ANS"; return 1; }
	wait_for 20 pci_netdev $VF_PCI || { VF_WHY="no VF netdev after plug"; return 1; }
	VF=$(pci_netdev $VF_PCI)
	wait_for 10 vf_enslaved "$VF" || { VF_WHY="VF $VF not enslaved to eth0"; return 3; }
	wait_for 10 vf_carrier "$VF" || { VF_WHY="VF $VF has no carrier"; return 1; }
	wait_for 10 dp_is vf || { VF_WHY="VF $VF enslaved, host data path $(status datapath)"; return 1; }
	return 0
}

# Unplug the VF (the PCI device, then the association).
vf_withdraw() {
	local rc=0
	# (its netdev may be in another namespace: look for the PCI device)
	if [ -e /sys/bus/pci/devices/$VF_PCI ]; then
		vf_req unplug || { VF_WHY="unplug: $VF_ANS"; rc=1; }
		wait_for 10 vf_gone || { VF_WHY="VF netdev stayed after unplug"; rc=1; }
	fi
	echo 0 >"$DBG/vf" 2>/dev/null
	return $rc
}

# Replies of the 10 ms ping in /tmp/vfping.out: "<sent> <received> <longest
# run of missing replies between two received ones>".
vf_ping_stats() {
	awk '/ seq=/ && !/DUP/ { s = $0; sub(/.* seq=/, "", s); s += 0
			if (n && s - last - 1 > gap) gap = s - last - 1
			last = s; n++ }
		/packets transmitted/ { tx = $1 }
		END { printf "%d %d %d\n", tx, n, gap }' /tmp/vfping.out
}

# The failover gap, finer than ping can pace under emulation: udpgap sends
# a numbered UDP echo request every GAP_US to the peer and times the
# replies; "kill -USR1" closes a window (udpgap.c).
GAP_US=${GAP_US:-500}
GAP_PORT=7779
gap_start() {
	# the binary, not the ip() wrapper: $! must be the echo itself (ip
	# execs it), or gap_stop kills a subshell and the echo lives on in
	# the peer namespace for its whole duration, keeping the namespace
	# and the VF port in it after "ip netns del" (the VF port's slow
	# return after vfcycle)
	/usr/local/sbin/ip netns exec peer /usr/local/sbin/udpgap echo $GAP_PORT $1 \
		>/dev/null 2>&1 &
	GAP_ECHO=$!
	sleep 0.2
	/usr/local/sbin/udpgap probe $PEER $GAP_PORT $GAP_US $1 >/tmp/vfgap.out 2>&1 &
	GAP_PID=$!
	sleep 0.3
}
gap_mark() { kill -USR1 $GAP_PID 2>/dev/null; }
gap_stop() {
	kill $GAP_PID 2>/dev/null
	wait $GAP_PID 2>/dev/null
	kill $GAP_ECHO 2>/dev/null
	wait $GAP_ECHO 2>/dev/null
}
# gap_of <window>: "<lost> <gap in us>" of one window
gap_of() { awk -v w="$1" '$1 == "window" && $2 == w { print $6, $8 }' /tmp/vfgap.out; }
us_ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }
# gap_stats <first> <step> <count>: over windows first, first+step, ...:
# "<median gap ms> <worst gap ms> <median lost> <worst lost> <windows>"
gap_stats() {
	awk -v a="$1" -v st="$2" -v c="$3" '
		$1 == "window" && $2 >= a && ($2 - a) % st == 0 && ($2 - a) / st < c {
			g[n + 0] = $8; l[n + 0] = $6; n++ }
		function med(v, k,   i, j, t) {
			for (i = 0; i < k; i++) for (j = i + 1; j < k; j++)
				if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
			return k % 2 ? v[int(k / 2)] : (v[k / 2 - 1] + v[k / 2]) / 2 }
		END {
			if (!n) { print "- - - - 0"; exit }
			mg = med(g, n); wg = g[n - 1]; ml = med(l, n); wl = l[n - 1]
			printf "%.1f %.1f %g %d %d\n", mg / 1000, wg / 1000, ml, wl, n }' /tmp/vfgap.out
}

# Checks common to the VF scenarios; the VF port set up.
vf_prepare() {
	[ -e /sys/bus/pci/devices/$VF_PORT_PCI ] && [ -e $VF_TTY ] ||
		{ echo "no VF plumbing in this VM (run.sh adds it for the VF scenarios)"; return 2; }
	case $PROFILE in
	ws2012r2)
		echo "host profile without SR-IOV for this guest (NVSP 4: no SR-IOV capability announced)"
		return 2
		;;
	esac
	vf_mods e1000e || { echo "the VF port's driver e1000e is not in this image"; return 2; }
	case $VF_MODEL in
	virtio*) vf_mods virtio || { echo "virtio_net is not in this image"; return 2; } ;;
	esac
	# (a namespace deleted just before gives it back asynchronously)
	wait_for 120 vf_port_there || { echo "the VF port has no netdev after 120 s (netns: $(ip netns list | tr '\n' ' '); links: $(ip -br link | tr '\n' ' '); 00:06.0: $(ls /sys/bus/pci/devices/$VF_PORT_PCI/net 2>&1); driver $(readlink /sys/bus/pci/devices/$VF_PORT_PCI/driver))"; return 1; }
	vf_port_up || { echo "VF port setup failed"; return 1; }
	# (a freshly probed VF port negotiates its link first)
	wait_for 10 vf_port_carrier || { echo "the VF port has no carrier"; return 1; }
	[ "$(status vf_port)" = vfport ] || { echo "emulator did not take the VF port"; return 1; }
}

vf_run() {
	local e0 e1 s0 s1 h0 h1 t0 t1 r0 r1 rc tx rx sent got gap pid res g0 g1 bad=""
	vf_prepare || return $?

	# 1. offered after the synthetic NIC is up
	vf_offer
	rc=$?
	if [ $rc = 3 ] && [ "$DRIVER" = intree ]; then
		case $VF_MODEL in
		virtio*)
			echo "$VF_WHY: the in-tree driver matches a VF only if its netdev's parent is a PCI device with a slot"
			return 2
			;;
		esac
	fi
	[ $rc = 0 ] || { echo "offer: $VF_WHY"; return 1; }
	ip -o addr show dev "$VF" | grep -q 'inet' && bad="$bad addresses-on-VF"

	# 2. traffic through the VF, none on the synthetic path
	e0="$(emu_sum tx) $(emu_sum rx)"
	h0=$(host_vf_path)
	t0=$(vf_stat "$VF" tx_packets)
	r0=$(vf_stat "$VF" rx_packets)
	ping_ok $PEER 5 || bad="$bad ping"
	peer_ping_ok $SELF 3 || bad="$bad peer-ping"
	host_iperf -n 4M || bad="$bad iperf3-tx"
	tx=$IP_RCVD
	host_iperf -n 4M -R || bad="$bad iperf3-rx"
	rx=$IP_RCVD
	e1="$(emu_sum tx) $(emu_sum rx)"
	h1=$(host_vf_path)
	t1=$(vf_stat "$VF" tx_packets)
	r1=$(vf_stat "$VF" rx_packets)
	[ "$e1" = "$e0" ] || bad="$bad synthetic-path-moved:$(echo $e0 | tr ' ' /)->$(echo $e1 | tr ' ' /)"
	[ $((t1 - t0)) -gt 100 ] || bad="$bad VF-tx+$((t1 - t0))"
	[ $((r1 - r0)) -gt 100 ] || bad="$bad VF-rx+$((r1 - r0))"
	[ $((${h1% *} - ${h0% *})) -gt 100 ] || bad="$bad host-VF-path-tx+$((${h1% *} - ${h0% *}))"
	[ $((${h1#* } - ${h0#* })) -gt 100 ] || bad="$bad host-VF-path-rx+$((${h1#* } - ${h0#* }))"
	[ -z "$bad" ] ||
		{ echo "VF $VF enslaved, data path vf; failed:$bad"; return 1; }
	res="VF $VF ($VF_MODEL, slot $VF_SLOT) master eth0, data path vf; ping, iperf3 tx $((tx / 1024)) KiB rx $((rx / 1024)) KiB: VF pkts tx/rx +$((t1 - t0))/+$((r1 - r0)), host VF path +$((${h1% *} - ${h0% *}))/+$((${h1#* } - ${h0#* })), synthetic flat"

	# 3. hot-unplug under a 10 ms ping: its echoes go through the VF, then
	# through the synthetic NIC
	h0=$(host_vf_path)
	s0=$(emu_sum tx)
	gap_start 30
	ping -i 0.01 -W 1 -c 400 $PEER >/tmp/vfping.out 2>&1 &
	pid=$!
	sleep 1.5
	gap_mark
	vf_withdraw || bad="$bad $VF_WHY"
	wait $pid
	gap_mark
	gap_stop
	g0=$(gap_of 0)
	g1=$(gap_of 1)
	[ -n "$g1" ] || bad="$bad no-udpgap-result"
	h1=$(host_vf_path)
	s1=$(emu_sum tx)
	set -- $(vf_ping_stats)
	sent=$1 got=$2 gap=$3
	[ $((${h1% *} - ${h0% *})) -ge 50 ] || bad="$bad ping-not-on-VF-before-unplug"
	[ $((${s1% *} - ${s0% *})) -ge 50 ] || bad="$bad ping-not-on-synthetic-after-unplug"
	dp_is synthetic || bad="$bad data-path-$(status datapath)-after-unplug"
	e0="$(emu_sum tx) $(emu_sum rx)"
	ping_ok $PEER 3 || bad="$bad no-ping-after-unplug"
	e1="$(emu_sum tx) $(emu_sum rx)"
	[ "$e1" != "$e0" ] || bad="$bad synthetic-path-flat-after-unplug"
	[ "$got" -gt 0 ] || bad="$bad no-reply-during-unplug"
	res="$res; unplug under 10 ms ping (echo requests: $((${h1% *} - ${h0% *})) via VF, $((${s1% *} - ${s0% *})) synthetic): $((sent - got)) of $sent lost, longest gap $(((gap + 1) * 10)) ms; UDP echo every $GAP_US us: ${g1%% *} lost, longest gap $(us_ms ${g1#* }) ms (before the unplug $(us_ms ${g0#* }) ms); data path synthetic"

	# 4. re-plug
	vf_offer || bad="$bad re-plug:$VF_WHY"
	if [ -z "$bad" ]; then
		t0=$(vf_stat "$VF" tx_packets)
		ping_ok $PEER 5 || bad="$bad ping-after-re-plug"
		t1=$(vf_stat "$VF" tx_packets)
		[ $((t1 - t0)) -ge 5 ] || bad="$bad VF-tx-after-re-plug+$((t1 - t0))"
		res="$res; re-plugged: $VF enslaved, data path vf, ping through it"
	fi

	# 5. hot-unplug under a TCP stream: it survives, on the synthetic path
	if [ -z "$bad" ]; then
		ip netns exec peer timeout 20 $IPERF -s -1 >/tmp/iperf-s.out 2>&1 &
		iperf_ready
		s0=$(emu_sum tx)
		timeout 20 $IPERF -c $PEER -t 4 -J --connect-timeout 3000 >/tmp/iperf-vf.json 2>&1 &
		pid=$!
		sleep 1.5
		vf_withdraw || bad="$bad $VF_WHY"
		wait $pid
		wait
		s1=$(emu_sum tx)
		rx=$(iperf_rcvd /tmp/iperf-vf.json)
		if grep -q '"error"' /tmp/iperf-vf.json || [ -z "$rx" ] || [ "$rx" = 0 ]; then
			bad="$bad tcp-stream-broke:$(grep -m1 '"error"' /tmp/iperf-vf.json | tr -d '\t"')"
		fi
		[ $((${s1#* } - ${s0#* })) -gt 100000 ] || bad="$bad tcp-not-on-synthetic-after-unplug"
		res="$res; unplug under a TCP stream: $((rx / 1024)) KiB received, $(((${s1#* } - ${s0#* }) / 1024)) KiB of it synthetic"
	fi
	[ -z "$bad" ] || { echo "$res; failed:$bad"; return 1; }
	echo "$res"
}

sc_vf() {
	local rc
	vf_run
	rc=$?
	# leave no VF behind for the next scenario
	vf_withdraw >/dev/null 2>&1
	return $rc
}

# The PCI device first, the association 2 s later.  A driver that takes the
# VF before the association must not switch the data path before it (the
# emulator counts that as a violation).  Only sysfs and debugfs are read
# until the association: a driver may wait for it holding RTNL.
# The driver is reloaded first: the in-tree driver waits on a completion
# that every earlier association (allocated) completed and nothing resets,
# so after an earlier offer that nobody waited for (vf, vfassoc) it does not
# wait and switches to the VF without an association (5.10, 6.1, 6.12 and
# 7.2; vfstale shows it, the emulator counts the violation).
vf_early_run() {
	local sw0 master="no" t0 t1 stale=$1 what="" w0
	vf_prepare || return $?
	unload_driver || { echo "driver did not unload"; return 1; }
	load_driver || { echo "driver did not load again"; return 1; }
	net_up || { echo "no eth0 after the reload"; return 1; }
	if [ "$stale" = stale ]; then
		echo "1 $VF_SLOT" >"$DBG/vf" || { echo "host could not send the VF association"; return 1; }
		sleep 0.5
		echo 0 >"$DBG/vf"
		what="after an association offered and withdrawn with no VF, "
	fi
	sw0=$(status datapath_switches)
	w0=$(dmesg | grep -c 'Waiting for the VF association')
	vf_req plug "$VF_MODEL" "$(status mac)" "$VF_SLOT" || { echo "plug: $VF_ANS"; return 1; }
	wait_for 20 pci_netdev $VF_PCI || { echo "no VF netdev after plug"; return 1; }
	VF=$(pci_netdev $VF_PCI)
	sleep 2
	[ "$(readlink /sys/class/net/$VF/master 2>/dev/null)" ] && master=yes
	if [ "$(status datapath_switches)" != "$sw0" ]; then
		echo "${what}data path switched before the VF association (the guest logged $(($(dmesg | grep -c 'Waiting for the VF association') - w0)) wait(s) for it)"
		# the in-tree driver waits on a completion that an earlier
		# association completed and nothing resets
		if [ "$DRIVER" = intree ] && [ "$stale" = stale ]; then
			echo "; in-tree driver of $(uname -r) does not wait again after a withdrawn association"
			return 2
		fi
		return 1
	fi
	echo "1 $VF_SLOT" >"$DBG/vf" || { echo "host could not send the VF association"; return 1; }
	wait_for 10 dp_is vf || { echo "no switch to the VF after the association (host: $(status datapath))"; return 1; }
	wait_for 10 vf_enslaved "$VF" || { echo "VF $VF not enslaved"; return 1; }
	wait_for 10 vf_carrier "$VF" || { echo "VF $VF has no carrier"; return 1; }
	t0=$(vf_stat "$VF" tx_packets)
	ping_ok $PEER 5 || { echo "no ping through the VF"; return 1; }
	t1=$(vf_stat "$VF" tx_packets)
	[ $((t1 - t0)) -ge 5 ] || { echo "ping did not use the VF (tx +$((t1 - t0)))"; return 1; }
	echo "${what}VF $VF plugged before the association (enslaved before it: $master), data path switched only after it, ping through the VF"
}

sc_vfearly() {
	local rc
	vf_early_run
	rc=$?
	vf_withdraw >/dev/null 2>&1
	return $rc
}

sc_vfstale() {
	local rc
	vf_early_run stale
	rc=$?
	vf_withdraw >/dev/null 2>&1
	return $rc
}

sc_vfvirtio() {
	local rc model=$VF_MODEL
	VF_MODEL=virtio-net-pci
	sc_vf
	rc=$?
	VF_MODEL=$model
	return $rc
}

# vfxdp: the XDP program of the synthetic NIC follows onto the VF (a
# virtio-net-pci VF, which has native XDP): attached while the VF is
# enslaved, it answers the peer's datagrams on the VF (the VF counts the
# XDP_TX verdicts, the emulator sees the frames on the VF path, the
# synthetic NIC's XDP_TX counter stays flat); answers the VF's program
# redirects into eth0 leave by eth0's ndo_xdp_xmit through the VF; after an
# unplug the synthetic NIC answers; a VF plugged while the program is
# attached gets it too; detach removes it from the VF.
# The VF's own count of XDP_TX verdicts (virtio_net names it per receive
# queue: rx_queue_0_xdp_tx, or rx0_xdp_tx on newer kernels).  A program
# handed to the VF by its master does not show in "ip link" (the kernel
# records only programs attached through rtnetlink), its work does.
vf_xdp_tx() {
	ethtool -S "$1" 2>/dev/null |
		awk '$1 ~ /^rx(_queue_)?[0-9]+_xdp_tx:$/ { t += $2 } END { print t + 0 }'
}
vf_xdp_run() {
	local bad="" note=":" res got c0 c1 v0 v1 h0 h1
	[ -x $XDPLOAD ] || { echo "xdpload not in this image"; return 2; }
	vf_prepare || return $?
	if [ "$DRIVER" = intree ]; then
		echo "the in-tree driver takes no virtio-net-pci VF (see vfvirtio)"
		return 2
	fi
	[ "$(vf_feat eth0 large-receive-offload)" = on ] && ethtool -K eth0 lro off
	vf_offer || { echo "offer: $VF_WHY"; return 1; }
	if ! $XDPLOAD eth0 tx $XDP_PORT 2>/tmp/xdp.err; then
		# virtio_net before 5.13 wants a spare TX queue per CPU for XDP;
		# a VF on a QEMU hub port has a single queue pair
		if dmesg | grep -q 'Too few free TX rings'; then
			echo "the VF's virtio_net of $(uname -r) refuses XDP with one queue pair (it wants a TX queue per CPU), so the synthetic NIC refuses too: $(tr '\n' ' ' </tmp/xdp.err)"
			return 2
		fi
		echo "attach with a VF refused: $(tr '\n' ' ' </tmp/xdp.err)"
		return 1
	fi
	c0=$(xdp_qsum xdp_tx)
	v0=$(vf_xdp_tx "$VF")
	h0=$(host_vf_path)
	got=$(xdp_ping)
	if [ "${got:-0}" = 0 ]; then
		# seen on 6.12: nothing answered right after the attach to a
		# running virtio VF; say so, and look again
		note="; right after the attach 0/$XDP_N answered, 2 s later:"
		sleep 2
		got=$(xdp_ping)
	fi
	c1=$(xdp_qsum xdp_tx)
	v1=$(vf_xdp_tx "$VF")
	h1=$(host_vf_path)
	[ "${got:-0}" -ge $((XDP_N - 2)) ] || bad="$bad VF-answers-${got:-0}/$XDP_N"
	[ $((v1 - v0)) -ge $((XDP_N - 2)) ] || bad="$bad VF-xdp_tx+$((v1 - v0))"
	[ $((c1 - c0)) -le 2 ] || bad="$bad synthetic-answered+$((c1 - c0))"
	[ $((${h1% *} - ${h0% *})) -ge $((XDP_N - 2)) ] || bad="$bad answers-not-on-VF-path+$((${h1% *} - ${h0% *}))"
	res="attached with VF $VF enslaved$note ${got:-0}/$XDP_N answered by the VF's XDP (its xdp_tx +$((v1 - v0)), synthetic xdp_tx +$((c1 - c0))) on the VF path"
	# answers redirected into eth0 by the VF's copy of the program: eth0's
	# ndo_xdp_xmit hands them to the VF while the data path is there
	if $XDPLOAD eth0 echo $XDP_PORT eth0 2>/tmp/xdp.err; then
		h0=$(host_vf_path)
		got=$(xdp_ping)
		h1=$(host_vf_path)
		[ "${got:-0}" -ge $((XDP_N - 2)) ] && [ $((${h1% *} - ${h0% *})) -ge $((XDP_N - 2)) ] ||
			bad="$bad ndo_xdp_xmit-via-VF-answers-${got:-0}-VF-path+$((${h1% *} - ${h0% *}))"
		res="$res; redirected into eth0 (ndo_xdp_xmit): ${got:-0}/$XDP_N answered on the VF path (+$((${h1% *} - ${h0% *})))"
		$XDPLOAD eth0 tx $XDP_PORT 2>/tmp/xdp.err || bad="$bad tx-again-refused"
	else
		bad="$bad echo-refused($(tr '\n' ' ' </tmp/xdp.err))"
	fi
	vf_withdraw || bad="$bad $VF_WHY"
	wait_for 10 dp_is synthetic || bad="$bad data-path-$(status datapath)-after-unplug"
	c0=$(xdp_qsum xdp_tx)
	got=$(xdp_ping)
	c1=$(xdp_qsum xdp_tx)
	[ "${got:-0}" -ge $((XDP_N - 2)) ] && [ $((c1 - c0)) -ge $((XDP_N - 2)) ] ||
		bad="$bad synthetic-answers-${got:-0}-xdp_tx+$((c1 - c0))"
	res="$res; unplugged: synthetic answered ${got:-0}/$XDP_N (xdp_tx +$((c1 - c0)))"
	if vf_offer; then
		v0=$(vf_xdp_tx "$VF")
		h0=$(host_vf_path)
		got=$(xdp_ping)
		v1=$(vf_xdp_tx "$VF")
		h1=$(host_vf_path)
		[ "${got:-0}" -ge $((XDP_N - 2)) ] && [ $((v1 - v0)) -ge $((XDP_N - 2)) ] ||
			bad="$bad re-plugged-VF-answers-${got:-0}-xdp_tx+$((v1 - v0))"
		res="$res; re-plugged VF $VF got the program: ${got:-0}/$XDP_N answered (its xdp_tx +$((v1 - v0)), VF path +$((${h1% *} - ${h0% *})))"
	else
		bad="$bad re-plug:$VF_WHY"
	fi
	$XDPLOAD eth0 off || bad="$bad detach-failed"
	v0=$(vf_xdp_tx "$VF")
	[ "$(xdp_ping short)" = 0 ] || bad="$bad answers-after-detach"
	v1=$(vf_xdp_tx "$VF")
	[ "$v1" = "$v0" ] || bad="$bad VF-xdp-after-detach+$((v1 - v0))"
	ping_ok $PEER 3 || bad="$bad no-ping-after-detach"
	[ -z "$bad" ] || { echo "$res; failed:$bad"; return 1; }
	echo "$res; detached from both"
}

sc_vfxdp() {
	local rc model=$VF_MODEL lro
	lro=$(vf_feat eth0 large-receive-offload)
	VF_MODEL=virtio-net-pci
	vf_xdp_run
	rc=$?
	$XDPLOAD eth0 off 2>/dev/null
	vf_withdraw >/dev/null 2>&1
	VF_MODEL=$model
	[ "$lro" = on ] && ethtool -K eth0 lro on 2>/dev/null
	return $rc
}

vf_mtu_is() { [ "$(cat /sys/class/net/$1/mtu 2>/dev/null)" = "$2" ]; }
vf_feat() { ethtool -k "$1" 2>/dev/null | sed -n "s/^$2: \([a-z]*\).*/\1/p"; }
vf_feat_is() { [ "$(vf_feat "$1" "$2")" = "$3" ]; }

# vfctl: what is set on the synthetic NIC reaches the enslaved VF: the MTU
# (the driver rebuilds its channels, the host offers the VF again to the
# new session and the data path returns to the VF) and ethtool -K (tso);
# the VF's own admin state: down puts the data path back on synthetic, up
# brings it back to the VF.
# After a rebuild (MTU change), the data path: on the VF if the VF has its
# carrier again; if not (QEMU's e1000e stays without link after its own MTU
# change until it is taken down and up), ours must have told the host
# "synthetic" while the in-tree driver keeps the VF path of a running VF.
# Appends to $bad, notes to $note.
vf_dp_after() {
	if wait_for 10 vf_carrier "$VF"; then
		wait_for 15 dp_is vf || bad="$bad data-path-$(status datapath)-after-$1"
	elif [ "$DRIVER" = ours ]; then
		wait_for 10 dp_is synthetic || bad="$bad data-path-$(status datapath)-after-$1-with-VF-without-carrier"
		note="$note; after $1 the VF had no carrier: data path synthetic"
	else
		note="$note; after $1 the VF had no carrier: data path $(status datapath)"
	fi
}

vf_ctl_run() {
	local bad="" note="" e0 e1 t0 t1
	vf_prepare || return $?
	vf_offer || { echo "offer: $VF_WHY"; return 1; }
	# the VF keeps its checksum offload and TSO when it joins
	vf_feat_is "$VF" tx-checksumming on || bad="$bad VF-tx-checksumming-$(vf_feat "$VF" tx-checksumming)-after-join"
	vf_feat_is "$VF" tcp-segmentation-offload on || bad="$bad VF-tso-$(vf_feat "$VF" tcp-segmentation-offload)-after-join"
	if ip link set eth0 mtu 4000; then
		wait_for 10 vf_mtu_is "$VF" 4000 ||
			bad="$bad VF-mtu-$(cat /sys/class/net/$VF/mtu)-not-4000"
		vf_dp_after mtu-4000
		ping_ok $PEER 3 3000 || bad="$bad no-3000-byte-ping(data-path-$(status datapath),VF-carrier-$(cat /sys/class/net/$VF/carrier),vfport-$(ip -n peer -o link show vfport | grep -o 'mtu [0-9]*' | tr ' ' '-'),hsw-$(ip -n peer -o link show | grep -o 'hsw[^:]*: .*mtu [0-9]*' | sed 's/:.*mtu /-/' | tr '\n' ','),$note)"
	else
		bad="$bad mtu-4000-refused"
	fi
	ip link set eth0 mtu 1500
	wait_for 10 vf_mtu_is "$VF" 1500 || bad="$bad VF-mtu-not-back-to-1500"
	vf_dp_after mtu-1500
	ping_ok $PEER 3 || bad="$bad no-ping-after-mtu-1500"
	ethtool -K eth0 tso off >/dev/null 2>&1 || bad="$bad tso-off-refused"
	wait_for 5 vf_feat_is "$VF" tcp-segmentation-offload off ||
		bad="$bad VF-tso-$(vf_feat "$VF" tcp-segmentation-offload)-after-off"
	ethtool -K eth0 tso on >/dev/null 2>&1 || bad="$bad tso-on-refused"
	wait_for 5 vf_feat_is "$VF" tcp-segmentation-offload on ||
		bad="$bad VF-tso-$(vf_feat "$VF" tcp-segmentation-offload)-after-on($(ethtool -k "$VF" | grep -E 'tx-tcp|scatter|tx-checksumming|generic-seg' | tr -d '\t' | tr '\n' ',')|eth0:$(ethtool -k eth0 | grep -E 'tx-tcp|scatter|tx-checksumming' | tr -d '\t' | tr '\n' ','))"
	ip link set "$VF" down
	wait_for 10 dp_is synthetic || bad="$bad data-path-$(status datapath)-with-VF-down"
	e0=$(emu_sum tx)
	ping_ok $PEER 3 || bad="$bad no-ping-with-VF-down"
	e1=$(emu_sum tx)
	[ "$e1" != "$e0" ] || bad="$bad synthetic-flat-with-VF-down"
	ip link set "$VF" up
	wait_for 15 dp_is vf || bad="$bad data-path-$(status datapath)-after-VF-up"
	wait_for 10 vf_carrier "$VF" || bad="$bad no-VF-carrier-after-up"
	t0=$(vf_stat "$VF" tx_packets)
	ping_ok $PEER 3 || bad="$bad no-ping-after-VF-up"
	t1=$(vf_stat "$VF" tx_packets)
	[ $((t1 - t0)) -ge 3 ] || bad="$bad ping-not-on-VF-after-up+$((t1 - t0))"
	[ -z "$bad" ] || { echo "VF $VF; failed:$bad; host: $(tail -n 30 "$DBG/history" | tr '\n' '|'); guest: $(dmesg | grep -E 'data path|VF|DBG' | tail -n 30 | cut -c15- | tr '\n' '|')"; return 1; }
	echo "VF $VF: MTU 4000 and back reached it, ping after each rebuild$note; tso off/on reached it; VF down: synthetic path carries the ping, VF up: the VF again"
}

sc_vfctl() {
	local rc
	vf_ctl_run
	rc=$?
	ip link set eth0 mtu 1500 2>/dev/null
	ethtool -K eth0 tso on >/dev/null 2>&1
	vf_withdraw >/dev/null 2>&1
	return $rc
}

# vfpm: hibernation with the VF enslaved.  The kernel's own test of it
# (pm_test "platform": every device frozen, including the late (noirq)
# phase in which VMBus suspends its devices, 5 s, then restored as after
# reading the image back) runs the drivers' suspend and resume; the
# emulator checks that
# suspend closed every channel and forgets the VM as a host does across a
# hibernation.  Afterwards the synthetic NIC has its address and MTU, the
# VF is still its slave, and the driver has switched the data path back
# onto the VF (a new switch at the host), which carries the ping.
hibernate_test() {
	[ -w /sys/power/pm_test ] && grep -qw disk /sys/power/state ||
		{ PM_WHY="this kernel has no hibernation test (/sys/power/pm_test, disk in /sys/power/state)"; return 2; }
	echo platform >/sys/power/pm_test || { PM_WHY="pm_test platform refused"; return 2; }
	dmesg -c >/dev/null
	if ! echo disk >/sys/power/state 2>/tmp/pm.err; then
		echo none >/sys/power/pm_test
		PM_WHY="hibernation test failed: $(cat /tmp/pm.err) $(dmesg | grep -iE 'PM:|hibernat|freez' | tail -n 2 | tr '\n' ' ')"
		return 1
	fi
	echo none >/sys/power/pm_test
}

vf_pm_run() {
	local sw0 sw1 p0 p1 t0 t1 h0 h1 a0 a1 mtu0 rc d bad=""
	vf_prepare || return $?
	vf_offer || { echo "offer: $VF_WHY"; return 1; }
	sw0=$(status datapath_switches)
	p0=$(status pm_resumes)
	a0=$(ip -o -4 addr show dev eth0 | awk '{ print $4 }')
	mtu0=$(cat /sys/class/net/eth0/mtu)
	d=$(date +%s)
	hibernate_test
	rc=$?
	[ $rc = 0 ] || { echo "VF $VF enslaved, data path vf; $PM_WHY"; return $rc; }
	d=$(($(date +%s) - d))
	p1=$(status pm_resumes)
	[ "$p1" -gt "$p0" ] || bad="$bad driver-not-suspended-and-resumed($p0->$p1)"
	wait_for 15 carrier_is 1 || bad="$bad no-carrier-after-resume"
	a1=$(ip -o -4 addr show dev eth0 | awk '{ print $4 }')
	[ "$a1" = "$a0" ] || bad="$bad address-$a0-now-$a1"
	[ "$(cat /sys/class/net/eth0/mtu)" = "$mtu0" ] || bad="$bad mtu-changed"
	wait_for 10 vf_enslaved "$VF" || bad="$bad VF-not-enslaved-after-resume"
	wait_for 15 dp_is vf || bad="$bad data-path-$(status datapath)-after-resume"
	sw1=$(status datapath_switches)
	[ "$sw1" -gt "$sw0" ] || bad="$bad no-new-switch-after-resume"
	wait_for 10 vf_carrier "$VF" || bad="$bad no-VF-carrier-after-resume"
	h0=$(host_vf_path)
	t0=$(vf_stat "$VF" tx_packets)
	ping_ok $PEER 5 || bad="$bad no-ping-after-resume"
	t1=$(vf_stat "$VF" tx_packets)
	h1=$(host_vf_path)
	[ $((t1 - t0)) -ge 5 ] || bad="$bad ping-not-on-VF-tx+$((t1 - t0))"
	[ $((${h1#* } - ${h0#* })) -ge 5 ] || bad="$bad replies-not-on-VF-path+$((${h1#* } - ${h0#* }))"
	[ -z "$bad" ] || { echo "VF $VF; hibernation test in $d s; failed:$bad"; return 1; }
	echo "VF $VF: hibernation test (freeze, thaw) in $d s: driver suspended and resumed, channels closed in between; address $a1 and MTU $mtu0 kept, VF still enslaved, data path switched back to the VF (host switches $sw0 -> $sw1), ping through it"
}

sc_vfpm() {
	local rc drv
	vf_pm_run
	rc=$?
	vf_withdraw >/dev/null 2>&1
	# The VF port went through the hibernation test too: probe it afresh
	# (after such runs the next driver's first VF scenario waited over
	# 30 s for it once the peer namespace was deleted); the next VF
	# scenario plumbs the new netdev.
	drv=/sys/bus/pci/devices/$VF_PORT_PCI/driver
	if [ -e $drv ]; then
		echo $VF_PORT_PCI >$drv/unbind 2>/dev/null
		echo $VF_PORT_PCI >/sys/bus/pci/drivers/e1000e/bind 2>/dev/null
		wait_for 10 pci_netdev $VF_PORT_PCI
	fi
	return $rc
}

# vfrmmod: rmmod with a VF enslaved releases it (data path back to
# synthetic first, the VF stays, no master); then the VF is there before the
# driver binds, as a VF present at boot: the driver loads, the host offers the
# VF to the new session, and the VF is enslaved and carries the traffic.
vf_rmmod_run() {
	local bad="" t0 t1
	vf_prepare || return $?
	vf_offer || { echo "offer: $VF_WHY"; return 1; }
	unload_driver || { echo "driver did not unload with VF $VF enslaved"; return 1; }
	# (the in-tree driver leaves the host's data path on the VF at rmmod;
	# a host keeps it while the VF is assigned)
	dp_is synthetic || [ "$DRIVER" = intree ] || bad="$bad data-path-$(status datapath)-after-rmmod"
	[ -e /sys/class/net/$VF ] || bad="$bad VF-netdev-gone"
	[ -z "$(readlink /sys/class/net/$VF/master 2>/dev/null)" ] || bad="$bad VF-still-enslaved"
	load_driver || { echo "driver did not load again: $(cat /tmp/insmod.err)"; return 1; }
	net_up || { echo "no eth0 after the reload"; return 1; }
	if ! wait_for 20 vf_enslaved "$VF" || ! wait_for 10 vf_carrier "$VF"; then
		if [ "$DRIVER" = intree ] && [ -z "$bad" ]; then
			echo "rmmod released VF $VF; in-tree driver of $(uname -r) does not take a VF that was there before it loaded"
			return 2
		fi
		bad="$bad VF-present-at-load-not-enslaved"
	fi
	wait_for 15 dp_is vf || bad="$bad data-path-$(status datapath)-after-load"
	t0=$(vf_stat "$VF" tx_packets)
	ping_ok $PEER 3 || bad="$bad no-ping-after-load"
	t1=$(vf_stat "$VF" tx_packets)
	[ $((t1 - t0)) -ge 3 ] || bad="$bad ping-not-on-VF-after-load+$((t1 - t0))"
	[ -z "$bad" ] || { echo "VF $VF; failed:$bad"; return 1; }
	echo "rmmod with VF $VF enslaved: data path synthetic, VF kept and released; VF present at load: enslaved, data path vf, ping through it"
}

sc_vfrmmod() {
	local rc
	vf_rmmod_run
	rc=$?
	vf_withdraw >/dev/null 2>&1
	return $rc
}

# vfcycle: VF_CYCLES (100) hot-unplug/plug cycles, each one enslaved with
# the data path on the VF, then back on synthetic; afterwards the same
# number of network devices, the same module reference count, unreclaimable
# slab within 2 MiB of before, no "waiting for <dev> to become free".
VF_CYCLES=${VF_CYCLES:-100}
SC_TIMEOUT_vfcycle=$((240 + VF_CYCLES * 15))
slab_kib() { awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo; }
vf_cycle_run() {
	local n=$VF_CYCLES i=0 nd0 nd1 rc0 rc1 s0 s1 t0 t1 worst=0 d gp gu g0
	vf_prepare || return $?
	# one cycle first: the VF's driver and its caches are warm
	vf_offer || { echo "offer: $VF_WHY"; return 1; }
	vf_withdraw || { echo "withdraw: $VF_WHY"; return 1; }
	nd0=$(ls /sys/class/net | wc -l)
	rc0=$(cat /sys/module/hv_netvsc/refcnt)
	echo 2 >/proc/sys/vm/drop_caches
	s0=$(slab_kib)
	# windows of the UDP echo stream: 0 steady, then per cycle the plug
	# (2i+1) and the unplug (2i+2)
	gap_start $((60 + n * 15))
	sleep 1
	gap_mark
	t0=$(date +%s)
	while [ $i -lt "$n" ]; do
		d=$(date +%s)
		vf_offer || { gap_stop; echo "cycle $i: offer: $VF_WHY"; return 1; }
		gap_mark
		vf_withdraw || { gap_stop; echo "cycle $i: withdraw: $VF_WHY"; return 1; }
		wait_for 10 dp_is synthetic || { gap_stop; echo "cycle $i: data path $(status datapath)"; return 1; }
		gap_mark
		d=$(($(date +%s) - d))
		[ $d -gt $worst ] && worst=$d
		i=$((i + 1))
	done
	t1=$(date +%s)
	sleep 0.5
	gap_stop
	g0=$(gap_of 0)
	gp=$(gap_stats 1 2 "$n")
	gu=$(gap_stats 2 2 "$n")
	[ "${gu##* }" = "$n" ] || { echo "$n cycles: udpgap gave ${gu##* } unplug windows"; return 1; }
	ping_ok $PEER 3 || { echo "no ping after $n cycles"; return 1; }
	echo 2 >/proc/sys/vm/drop_caches
	s1=$(slab_kib)
	nd1=$(ls /sys/class/net | wc -l)
	rc1=$(cat /sys/module/hv_netvsc/refcnt)
	[ "$nd1" = "$nd0" ] || { echo "$n cycles: $nd0 -> $nd1 network devices"; return 1; }
	[ "$rc1" = "$rc0" ] || { echo "$n cycles: hv_netvsc refcnt $rc0 -> $rc1"; return 1; }
	[ $((s1 - s0)) -lt 2048 ] || { echo "$n cycles: unreclaimable slab $s0 -> $s1 KiB"; return 1; }
	dmesg | grep -q 'waiting for .* to become free' &&
		{ echo "$n cycles: $(dmesg | grep -m1 'waiting for .* to become free')"; return 1; }
	set -- $gu
	echo "$n unplug/plug cycles in $((t1 - t0)) s (longest $worst s), each enslaved with data path vf then synthetic; UDP echo every $GAP_US us, gap median/worst: unplug $1/$2 ms ($3/$4 lost), plug $(echo $gp | awk '{ printf "%s/%s ms (%s/%s lost)", $1, $2, $3, $4 }'), steady $(us_ms ${g0#* }) ms; network devices $nd0 -> $nd1, hv_netvsc refcnt $rc0 -> $rc1, unreclaimable slab $s0 -> $s1 KiB; ping after"
}

sc_vfcycle() {
	local rc
	vf_cycle_run
	rc=$?
	vf_withdraw >/dev/null 2>&1
	return $rc
}

# vfns: the synthetic NIC lives in another network namespace (a
# container's); the VF registers in the root namespace, as PCI devices do,
# and the driver moves it next to the synthetic NIC and enslaves it there.
ctr_vf() { ip -n ctr -o link show 2>/dev/null | awk -F': ' '/master eth0/ { sub(/@.*/, "", $2); print $2; exit }'; }
ctr_vf_there() { [ -n "$(ctr_vf)" ]; }
vf_ns_run() {
	local bad="" vfn t0 t1
	vf_prepare || return $?
	ip netns add ctr || { echo "no namespace ctr"; return 1; }
	ip link set eth0 netns ctr || { echo "eth0 did not move to namespace ctr"; return 1; }
	ip -n ctr link set lo up
	ip -n ctr addr add $SELF/24 dev eth0
	ip -n ctr link set eth0 up
	ip netns exec ctr ping -c 3 -i 0.2 -W 2 $PEER >/dev/null 2>&1 ||
		{ echo "no ping from namespace ctr before the VF"; return 1; }
	echo "1 $VF_SLOT" >"$DBG/vf" || { echo "host could not send the VF association"; return 1; }
	vf_req plug "$VF_MODEL" "$(status mac)" "$VF_SLOT" || { echo "plug: $VF_ANS"; return 1; }
	if ! wait_for 20 ctr_vf_there; then
		echo "VF not enslaved in namespace ctr (root namespace has: $(ip -o link show | grep -c 'link/ether') ethernet devices)"
		return 1
	fi
	vfn=$(ctr_vf)
	wait_for 15 dp_is vf || bad="$bad data-path-$(status datapath)"
	wait_for 10 ip netns exec ctr grep -q 1 /sys/class/net/$vfn/carrier ||
		bad="$bad no-VF-carrier"
	ip -n ctr -o addr show dev "$vfn" | grep -q inet && bad="$bad addresses-on-VF"
	t0=$(ip netns exec ctr cat /sys/class/net/$vfn/statistics/tx_packets)
	ip netns exec ctr ping -c 5 -i 0.2 -W 2 $PEER >/dev/null 2>&1 || bad="$bad no-ping-in-ctr"
	t1=$(ip netns exec ctr cat /sys/class/net/$vfn/statistics/tx_packets)
	[ $((t1 - t0)) -ge 5 ] || bad="$bad ping-not-on-VF+$((t1 - t0))"
	[ -z "$bad" ] || { echo "VF $vfn moved into namespace ctr; failed:$bad"; return 1; }
	echo "VF registered in the root namespace, moved into ctr as $vfn, master eth0, data path vf, ping from ctr through it"
}

sc_vfns() {
	local rc
	vf_ns_run
	rc=$?
	vf_withdraw >/dev/null 2>&1
	ip -n ctr link set eth0 netns 1 2>/dev/null
	netns_del ctr
	wait_for 5 has_eth0
	net_up >/dev/null 2>&1
	return $rc
}
