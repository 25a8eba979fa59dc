# SPDX-License-Identifier: GPL-2.0
#
# Multi-buffer XDP (sourced by scenarios.sh in the guest):
#   xdpfrags  a program loaded with frags support (xdpload, XDPLOAD_FRAGS=1)
#             is accepted with LRO on and at MTU 9000; coalesced TCP
#             passes through it intact, 8000-byte datagrams it drops are
#             counted, pings of 8000 bytes pass; a program without frags
#             support is still refused at MTU 9000.
# Returns 3 when the kernel has no multi-buffer XDP (BPF_F_XDP_HAS_FRAGS
# unknown), 2 when the driver refuses such a program (the in-tree one).
# Needs sc-xdp.sh (xdp_qsum, xdp_has_stat) and sc-host.sh (lro_state,
# host_rsc_is, host_nc_copy).

XMB_SIZE=8000

# answers the peer got for XDP_N datagrams of XMB_SIZE bytes
xmb_ping() {
	ip netns exec peer env XDPLOAD_SIZE=$XMB_SIZE $XDPLOAD udpping $SELF \
		$XDP_PORT $XDP_N 500 2>/dev/null | awk '{ print $4 }'
}

sc_xdpfrags() {
	[ -x $XDPLOAD ] || { echo "xdpload not in this image"; return 2; }
	local bad="" res="" lro d0 d1 p0 p1 got
	lro=$(lro_state)
	case $lro in
	off*fixed*|"") ;;
	*) ethtool -K eth0 lro on 2>/dev/null; lro=$(lro_state) ;;
	esac
	if ! XDPLOAD_FRAGS=1 $XDPLOAD eth0 drop $XDP_PORT 2>/tmp/xmb.err; then
		if grep -q BPF_PROG_LOAD /tmp/xmb.err; then
			echo "kernel $(uname -r) has no multi-buffer XDP: $(head -n 1 /tmp/xmb.err)"
			return 3
		fi
		echo "frags program refused (LRO $lro): $(tr '\n' ' ' </tmp/xmb.err)"
		[ "$DRIVER" = intree ] && return 2
		return 1
	fi
	# LRO stays as it was: coalesced frames reach the program
	if [ "$lro" = on ]; then
		[ "$(lro_state)" = on ] || bad="$bad lro-turned-$(lro_state | tr ' ' _)"
		wait_for 5 host_rsc_is on || bad="$bad host-rsc-$(status rsc | tr ' ' _)"
		d0=$(xdp_qsum xdp_drop)
		p0=$(status rsc_packets)
		host_nc_copy || bad="$bad nc-copy-differs:$NC_SIZE-of-3000000-bytes"
		p1=$(status rsc_packets)
		d1=$(xdp_qsum xdp_drop)
		[ "$p1" -gt "$p0" ] || bad="$bad no-rsc-packets"
		[ "$d1" = "$d0" ] || bad="$bad rsc-frames-dropped+$((d1 - d0))"
		res="LRO on kept, $((p1 - p0)) coalesced frames through the program, 3 MB nc copy md5 intact;"
	else
		res="host without RSC (lro $lro);"
	fi

	# MTU 9000 under the program
	ip -n peer link set hsw0 mtu 9000
	if ip link set eth0 mtu 9000 2>/tmp/xmb.err; then
		wait_for 10 carrier_is 1
		ping_ok $PEER 3 $XMB_SIZE || bad="$bad ping-$XMB_SIZE"
		d0=$(xdp_qsum xdp_drop)
		got=$(xmb_ping)
		d1=$(xdp_qsum xdp_drop)
		[ "${got:-0}" = 0 ] || bad="$bad answers-$got"
		[ $((d1 - d0)) -ge $((XDP_N - 2)) ] || bad="$bad xdp_drop+$((d1 - d0))"
		res="$res MTU 9000 accepted, pings of $XMB_SIZE pass, $XDP_N datagrams of $XMB_SIZE dropped (xdp_drop+$((d1 - d0)));"
		# a program without frags support is refused at this MTU
		if $XDPLOAD eth0 drop $XDP_PORT 2>/tmp/xmb.err; then
			bad="$bad single-buffer-program-attached-at-mtu-9000"
		else
			res="$res single-buffer program refused ($(tr '\n' ' ' </tmp/xmb.err | cut -c1-60));"
		fi
	else
		bad="$bad mtu-9000-refused($(tr '\n' ' ' </tmp/xmb.err))"
	fi
	$XDPLOAD eth0 off || bad="$bad detach-failed"
	ip link set eth0 mtu 1500
	ip -n peer link set hsw0 mtu 1500
	wait_for 10 carrier_is 1
	[ "$lro" = on ] && [ "$(lro_state)" != on ] && bad="$bad lro-not-on-after"
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	if [ -n "$bad" ] && [ "$DRIVER" = intree ]; then
		echo "in-tree driver of $(uname -r) lacks multi-buffer XDP:$bad; $res"
		return 2
	fi
	[ -z "$bad" ] || { echo "failed:$bad; $res"; return 1; }
	echo "$res detached"
}
