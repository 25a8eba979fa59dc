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
# Same contract as scenarios.sh: one line of detail, return 0/1/2.

XDPLOAD=/usr/local/sbin/xdpload
XDP_PORT=7777
XDP_N=40

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
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad;$diff"; return 1; }
	if [ -n "$diff" ]; then
		echo "in-tree driver of $(uname -r):$diff passed:$res"
		return 2
	fi
	if [ "$lro" = on ]; then
		res="attach refused with LRO on ($(tr '\n' ' ' </tmp/xdp.lro)), LRO off, then$res; LRO held off"
	else
		res="LRO $lro,$res"
	fi
	echo "$res; MTU 9000 refused while attached and attach refused at MTU 9000,$kept detached"
}
