# SPDX-License-Identifier: GPL-2.0
#
# Native XDP (sourced by scenarios.sh in the guest):
#   xdp   programs attached with xdpload (native mode, rtnetlink) act on
#         UDP to port 7777 from the peer, everything else passes:
#         refused while LRO is on, DROP (counted), TX (the peer gets the
#         answers), REDIRECT to eth0 itself (answers leave by
#         ndo_xdp_xmit) and to a veth (frames arrive there), program kept
#         across a channel change, MTU capped while attached, LRO held
#         off, detach.
#   xdpmaps  the redirects through maps, with C programs (tests/e2e/bpf,
#         built on the host with clang, loaded and pinned with the
#         release's bpftool): through a CPU map to CPU 1 (a socket in
#         the guest gets the datagrams), through a device map into a
#         veth, and from a veth through a device map into eth0
#         (ndo_xdp_xmit: the peer gets them through the emulator).
#         First the XDP features the kernel reports for the device (6.3+).
#         They test the kernel's maps and the guest's side only: one of
#         ONCE_SCENARIOS (run.sh).
# Same contract as scenarios.sh: one line of detail, return 0/1/2.

XDPLOAD=/usr/local/sbin/xdpload
UDPRECV=/usr/local/sbin/udprecv
XDP_PORT=7777
XDP_N=40
# the compiled programs (run.sh), or BUILD-FAILED with the compiler's words
BPF_OBJS=/e2e/bpf
BPFFS=/sys/fs/bpf

# sum over queues of an XDP counter (rx_queue_N_<name> / tx_queue_N_<name>)
xdp_qsum() {
	ethtool -S eth0 2>/dev/null |
		awk -v s="_$1:" 'index($1, s) && substr($1, length($1) - length(s) + 1) == s { t += $2 }
			END { print t + 0 }'
}
xdp_has_stat() { ethtool -S eth0 2>/dev/null | grep -q "_$1:"; }

# answers the peer got for XDP_N datagrams to the guest's port; with
# "short", when none are expected, it waits 0.5 s for them
xdp_ping() {
	local ms=2000
	[ "${1:-}" = short ] && ms=500
	ip netns exec peer $XDPLOAD udpping $SELF $XDP_PORT $XDP_N $ms 2>/dev/null |
		awk '{ print $4 }'
}

# a failed check: for the in-tree driver only the basics (XDP_STRICT=1)
# fail, the rest is reported as what it lacks
miss() {
	if [ "$DRIVER" = intree ] && [ "${XDP_STRICT:-0}" != 1 ]; then
		diff="$diff $*;"
	else
		bad="$bad $*"
	fi
}

# xdp_step <name> <counter> <want-answers yes|no> <xdpload args...>
# Attaches, sends, checks answers and the counter, records into $res and
# (through miss) $bad or $diff.
xdp_step() {
	local name=$1 ctr=$2 want=$3 c0 c1 got
	shift 3
	if ! $XDPLOAD eth0 "$@" 2>/tmp/xdp.err; then
		miss "$name:attach-refused($(tr '\n' ' ' </tmp/xdp.err))"
		return 1
	fi
	c0=$(xdp_qsum "$ctr")
	if [ "$want" = yes ]; then got=$(xdp_ping); else got=$(xdp_ping short); fi
	c1=$(xdp_qsum "$ctr")
	if [ "$want" = yes ]; then
		[ "${got:-0}" -ge $((XDP_N - 2)) ] || miss "$name:answers-${got:-0}/$XDP_N"
	else
		[ "${got:-0}" = 0 ] || miss "$name:answers-$got"
	fi
	if xdp_has_stat "$ctr"; then
		[ $((c1 - c0)) -ge $((XDP_N - 2)) ] || miss "$name:$ctr+$((c1 - c0))"
		res="$res $name:${got:-0}/$XDP_N,$ctr+$((c1 - c0))"
	else
		case $diff in *"no $ctr counter"*) ;; *) diff="$diff no $ctr counter;" ;; esac
		res="$res $name:${got:-0}/$XDP_N"
	fi
	ping_ok $PEER 2 || miss "$name:other-traffic-blocked"
}

# the four bytes of a number, little endian, as bpftool's "key"/"value"
le32() {
	echo $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255))
}

# a UDP socket is bound to port $1 (in the namespace this runs in)
udp_bound() {
	grep -q ":$(printf '%04X' "$1") " /proc/net/udp
}

# bpf_load <name>: /e2e/bpf/<name>.bpf.o loaded by bpftool, its program
# pinned under $BPFFS/<name>/, its maps under $BPFFS/<name>_maps/; the
# program's path in $BPF_PROG.  A missing object or a refused load is a
# failure for either driver: neither depends on the NIC.
bpf_load() {
	local o=$BPF_OBJS/$1.bpf.o
	BPF_PROG=""
	if [ ! -e "$o" ]; then
		bad="$bad $1:no-object($(head -c 300 $BPF_OBJS/BUILD-FAILED 2>/dev/null |
			tr '\n' ' '))"
		return 1
	fi
	if ! grep -q " $BPFFS bpf " /proc/mounts; then
		mount -t bpf bpf $BPFFS 2>/tmp/bpf.err ||
			{ bad="$bad $1:no-bpffs($(tr '\n' ' ' </tmp/bpf.err))"; return 1; }
	fi
	bpf_unload "$1"
	if ! bpftool prog loadall "$o" "$BPFFS/$1" type xdp \
		pinmaps "$BPFFS/$1_maps" >/tmp/bpf.err 2>&1; then
		bad="$bad $1:bpftool-load-failed($(tail -n 4 /tmp/bpf.err | tr '\n' ' '))"
		bpf_unload "$1"
		return 1
	fi
	# named after the section (libbpf 0.x) or the function (1.x)
	set -- "$BPFFS/$1"/*
	BPF_PROG=$1
	[ -e "$BPF_PROG" ] || { bad="$bad $1:nothing-pinned"; return 1; }
}

bpf_unload() { rm -rf "${BPFFS:?}/$1" "${BPFFS:?}/$1_maps"; }

# bpf_map_set <name> <map> <key> <value>: both 32-bit numbers
bpf_map_set() {
	local name=$1 map=$2
	# shellcheck disable=SC2046 # four words, one per byte
	bpftool map update pinned "$BPFFS/${name}_maps/$map" key $(le32 "$3") \
		value $(le32 "$4") >/tmp/bpf.err 2>&1 && return 0
	bad="$bad $name:$map-update-refused($(tr '\n' ' ' </tmp/bpf.err))"
	return 1
}

# cpumap: datagrams to the port go to CPU 1 through a CPU map; the map's
# kernel thread there builds their skbs and a socket in the guest gets
# them; the driver counts the redirects
xdp_cpumap_step() {
	local pid got
	bpf_load xdp_cpumap || return
	# struct bpf_cpumap_val up to qsize: 192 frames, no program
	if bpf_map_set xdp_cpumap cpu_map 1 192; then
		$UDPRECV $XDP_PORT 20 >/tmp/cpumap.out 2>&1 &
		pid=$!
		wait_for 3 udp_bound $XDP_PORT || bad="$bad cpumap:no-listener"
		if xdp_step cpumap xdp_redirect no pinned "$BPF_PROG"; then
			got=$(grep -c xdpload /tmp/cpumap.out)
			[ "$got" -ge $((XDP_N - 2)) ] || miss "cpumap:received-$got/$XDP_N"
			res="$res,received-$got"
			# the map's kthread, cpumap/<cpu>/map:<id>
			ps 2>/dev/null | grep -q '[c]pumap/1/' && res="$res-by-cpumap/1"
		fi
		kill $pid 2>/dev/null
		wait $pid 2>/dev/null
	fi
	$XDPLOAD eth0 off || bad="$bad cpumap:detach-failed"
	bpf_unload xdp_cpumap
}

# devmap -> veth: datagrams to the port leave by a veth through a device
# map; the veth's other end has a program (veth takes redirected frames
# only then) and counts them
xdp_devmap_step() {
	local r0 r1
	if ! ip link add xv0 type veth peer name xv1 2>/dev/null; then
		diff="$diff devmap-veth: no veth in this image;"
		return
	fi
	ip link set xv0 up
	ip link set xv1 up
	if ! $XDPLOAD xv1 pass 2>/tmp/xdp.err; then
		bad="$bad devmap-veth:veth-pass-refused($(tr '\n' ' ' </tmp/xdp.err))"
	elif bpf_load xdp_devmap &&
		bpf_map_set xdp_devmap tx_port 0 "$(cat /sys/class/net/xv0/ifindex)"; then
		r0=$(cat /sys/class/net/xv1/statistics/rx_packets)
		if xdp_step devmap-veth xdp_redirect no pinned "$BPF_PROG"; then
			r1=$(cat /sys/class/net/xv1/statistics/rx_packets)
			[ $((r1 - r0)) -ge $((XDP_N - 2)) ] || miss "devmap-veth:veth-got-$((r1 - r0))"
			res="$res,veth+$((r1 - r0))"
		fi
		$XDPLOAD eth0 off || bad="$bad devmap-veth:detach-failed"
	fi
	ip link del xv0
	bpf_unload xdp_devmap
}

# veth -> eth0: a program on a veth sends datagrams to the port through a
# device map into eth0 (the driver's ndo_xdp_xmit); they come from a
# namespace holding the veth's other end, with eth0's MAC and address,
# and a socket in the peer's namespace must get them through the emulator
xdp_xmit_step() {
	local pmac pid got c0 c1
	if ! ip link add xv0 type veth peer name xv1 2>/dev/null; then
		diff="$diff veth-eth0: no veth in this image;"
		return
	fi
	ip netns add xns
	ip link set xv1 netns xns
	ip -n xns link set lo up
	ip -n xns link set xv1 address "$(cat /sys/class/net/eth0/address)"
	ip -n xns link set xv1 up
	ip -n xns addr add $SELF/24 dev xv1
	pmac=$(ip netns exec peer cat /sys/class/net/hsw0/address)
	ip -n xns neigh replace $PEER lladdr "$pmac" dev xv1 nud permanent
	# no one completes a partial checksum on an XDP frame: full ones
	ip netns exec xns ethtool -K xv1 tx off >/dev/null 2>&1
	ip link set xv0 up
	if bpf_load xdp_devmap &&
		bpf_map_set xdp_devmap tx_port 0 "$(cat /sys/class/net/eth0/ifindex)"; then
		if ! $XDPLOAD xv0 pinned "$BPF_PROG" 2>/tmp/xdp.err; then
			bad="$bad veth-eth0:veth-attach-refused($(tr '\n' ' ' </tmp/xdp.err))"
		else
			# the binary, not the ip() wrapper: $! must be the
			# listener itself (ip execs it), not a subshell
			/usr/local/sbin/ip netns exec peer $UDPRECV $XDP_PORT 20 \
				>/tmp/xmit.out 2>&1 &
			pid=$!
			wait_for 3 ip netns exec peer grep -q \
				":$(printf '%04X' $XDP_PORT) " /proc/net/udp ||
				bad="$bad veth-eth0:no-listener"
			c0=$(xdp_qsum xdp_xmit)
			ip netns exec xns $XDPLOAD udpping $PEER $XDP_PORT $XDP_N 500 >/dev/null 2>&1
			# the last datagrams reach the peer's socket
			wait_for 2 sh -c "[ \$(grep -c xdpload /tmp/xmit.out) -ge $XDP_N ]"
			c1=$(xdp_qsum xdp_xmit)
			kill $pid 2>/dev/null
			wait $pid 2>/dev/null
			got=$(grep -c xdpload /tmp/xmit.out)
			[ "$got" -ge $((XDP_N - 2)) ] || miss "veth-eth0:peer-got-$got/$XDP_N"
			if xdp_has_stat xdp_xmit; then
				[ $((c1 - c0)) -ge $((XDP_N - 2)) ] ||
					miss "veth-eth0:xdp_xmit+$((c1 - c0))"
				res="$res veth-eth0:$got/$XDP_N,xdp_xmit+$((c1 - c0))"
			else
				case $diff in *"no xdp_xmit counter"*) ;; *) diff="$diff no xdp_xmit counter;" ;; esac
				res="$res veth-eth0:$got/$XDP_N"
			fi
			$XDPLOAD xv0 off || bad="$bad veth-eth0:veth-detach-failed"
		fi
	fi
	ip link del xv0
	ip netns del xns
	bpf_unload xdp_devmap
	ping_ok $PEER 2 || miss "veth-eth0:no-ping-after"
}

# The end of an XDP scenario: traffic still flows, then its verdict from
# $bad, $diff and $res: 1 (failed), 2 (what the in-tree driver lacks), or 0
# for the caller to print its own report
xdp_end() {
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad;$diff"; return 1; }
	[ -n "$diff" ] || return 0
	echo "in-tree driver of $(uname -r):$diff passed:$res"
	return 2
}

sc_xdp() {
	[ -x $XDPLOAD ] || { echo "xdpload not in this image"; return 2; }
	local bad="" diff="" res="" lro n r0 r1 kept=""
	lro=$(ethtool -k eth0 | sed -n 's/^large-receive-offload: //p')
	# the seed: refused while LRO is on
	if [ "$lro" = on ]; then
		if $XDPLOAD eth0 drop $XDP_PORT 2>/tmp/xdp.lro; then
			miss "attached-with-lro-on"
			$XDPLOAD eth0 off
		else
			grep -qi lro /tmp/xdp.lro || miss "refusal-with-LRO-on-does-not-name-LRO($(tr '\n' ' ' </tmp/xdp.lro))"
		fi
		ethtool -K eth0 lro off || bad="$bad lro-off-refused"
	fi

	XDP_STRICT=1
	xdp_step drop xdp_drop no drop $XDP_PORT
	xdp_step tx xdp_tx yes tx $XDP_PORT
	XDP_STRICT=0
	# LRO is held off while a program is attached
	if [ "$lro" = on ]; then
		ethtool -K eth0 lro on >/dev/null 2>&1
		# "off [requested on]"
		case "$(ethtool -k eth0 | sed -n 's/^large-receive-offload: //p')" in
		off*) ;;
		*) miss "lro-came-on-under-xdp" ;;
		esac
	fi
	# MTU capped while attached
	if ip link set eth0 mtu 9000 2>/dev/null; then
		miss "mtu-9000-accepted-under-xdp"
		ip link set eth0 mtu 1500
	fi
	# the program stays across a device rebuild (ours; channel count)
	n=$(ctl_chans)
	if [ "$DRIVER" = ours ] && [ "$n" -gt 1 ]; then
		# a table set by the user would keep the channel count up
		ethtool -X eth0 default
		ethtool -L eth0 combined 1 || bad="$bad combined-1-refused"
		wait_for 10 carrier_is 1
		xdp_step tx-after-rebuild xdp_tx yes tx $XDP_PORT
		kept=" kept across a rebuild (combined $n -> 1),"
		ethtool -L eth0 combined "$n" || bad="$bad combined-$n-refused"
		wait_for 10 carrier_is 1
	fi

	# REDIRECT: into eth0 itself (ndo_xdp_xmit), and into a veth
	if xdp_step echo xdp_redirect yes echo $XDP_PORT eth0 &&
		xdp_has_stat xdp_xmit; then
		r0=$(xdp_qsum xdp_xmit)
		xdp_ping >/dev/null
		r1=$(xdp_qsum xdp_xmit)
		[ $((r1 - r0)) -ge $((XDP_N - 2)) ] || miss "ndo_xdp_xmit+$((r1 - r0))"
		res="$res xdp_xmit+$((r1 - r0))"
	fi
	if ip link add xv0 type veth peer name xv1 2>/dev/null; then
		ip link set xv0 up
		ip link set xv1 up
		$XDPLOAD xv1 pass || miss "veth-pass-refused"
		r0=$(cat /sys/class/net/xv1/statistics/rx_packets)
		xdp_step redirect-veth xdp_redirect no redirect $XDP_PORT xv0
		r1=$(cat /sys/class/net/xv1/statistics/rx_packets)
		[ $((r1 - r0)) -ge $((XDP_N - 2)) ] || miss "veth-got-$((r1 - r0))"
		res="$res veth+$((r1 - r0))"
		ip link del xv0
	else
		diff="$diff no veth in this image;"
	fi

	$XDPLOAD eth0 off || bad="$bad detach-failed"
	[ "$(xdp_ping short)" = 0 ] || bad="$bad answers-after-detach"
	# without the program LRO can come back
	if [ "$lro" = on ]; then
		ethtool -K eth0 lro on >/dev/null 2>&1
		case "$(ethtool -k eth0 | sed -n 's/^large-receive-offload: //p')" in
		on) ;;
		*) miss "lro-stays-off-after-detach('$(ethtool -k eth0 | sed -n 's/^large-receive-offload: //p')')" ;;
		esac
		ethtool -K eth0 lro off >/dev/null 2>&1
	fi
	# attach refused above the XDP MTU
	ip link set eth0 mtu 9000 2>/dev/null
	if [ "$(cat /sys/class/net/eth0/mtu)" = 9000 ]; then
		if $XDPLOAD eth0 pass 2>/tmp/xdp.err; then
			miss "attached-at-mtu-9000"
			$XDPLOAD eth0 off
		fi
		ip link set eth0 mtu 1500
		wait_for 10 carrier_is 1
	fi
	[ "$lro" = on ] && ethtool -K eth0 lro on >/dev/null 2>&1
	xdp_end || return $?
	if [ "$lro" = on ]; then
		res="attach refused with LRO on ($(tr '\n' ' ' </tmp/xdp.lro)), LRO off, then$res; LRO held off"
	else
		res="LRO $lro,$res"
	fi
	echo "$res; MTU 9000 refused while attached and attach refused at MTU 9000,$kept detached"
}

# the XDP features the kernel reports for eth0 (netdev netlink family)
# against what the driver does: ours redirects, transmits redirected
# frames and takes multi-buffer programs, and claims nothing more
xdp_features_step() {
	local f w rc=0
	f=$($XDPLOAD eth0 features 2>/tmp/xdp.err) || rc=$?
	case $rc in
	0) ;;
	3) res="$res xdp_features: none in $(uname -r)'s netlink;"; return ;;
	*) bad="$bad xdp_features-query-failed($(tr '\n' ' ' </tmp/xdp.err))"; return ;;
	esac
	res="$res xdp_features: $f;"
	for w in basic redirect ndo-xmit; do
		case " $f " in *" $w "*) ;; *) miss "xdp_features-lack-$w" ;; esac
	done
	[ "$DRIVER" = ours ] || return
	case " $f " in *" rx-sg "*) ;; *) bad="$bad xdp_features-lack-rx-sg" ;; esac
	for w in xsk-zerocopy hw-offload; do
		case " $f " in *" $w "*) bad="$bad xdp_features-claim-$w" ;; esac
	done
}

sc_xdpmaps() {
	[ -x $XDPLOAD ] || { echo "xdpload not in this image"; return 2; }
	local bad="" diff="" res="" lro
	xdp_features_step
	# each step detaches at its end, which ends a held-off LRO request:
	# LRO off for the steps, back as it was after
	lro=$(ethtool -k eth0 | sed -n 's/^large-receive-offload: //p')
	[ "$lro" = on ] && { ethtool -K eth0 lro off || bad="$bad lro-off-refused"; }
	xdp_cpumap_step
	xdp_devmap_step
	xdp_xmit_step
	[ "$lro" = on ] && ethtool -K eth0 lro on >/dev/null 2>&1
	xdp_end || return $?
	echo "${res# }; all detached"
}
