# SPDX-License-Identifier: GPL-2.0
#
# Driver-core scenarios beyond the first set: 802.1Q through per-packet
# info, ethtool -d.  Same contract as scenarios.sh: print one line, return
# 0 pass, 1 fail, 2 not run (with the reason).

emu_rndis() {	# <counter>: a counter of the emulator's RNDIS status line
	awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' "$DBG/status"
}

mac_hex() { tr -d ':' <"$1"; }

vlan_down() {
	ip link del eth0.10 2>/dev/null
	ip -n peer link del hsw0.10 2>/dev/null
}

# VLAN 10 on both sides: the tag travels as 802.1Q per-packet info (the
# emulator counts those), in both directions, also when an AF_PACKET sender
# puts the tag inside the frame.
sc_vlan() {
	local v0 v1 v2 rx0 rx1 frame bad=""
	vlan_down
	ip -n peer link add link hsw0 name hsw0.10 type vlan id 10 &&
		ip -n peer addr add 10.0.10.1/24 dev hsw0.10 &&
		ip -n peer link set hsw0.10 up &&
		ip link add link eth0 name eth0.10 type vlan id 10 &&
		ip addr add 10.0.10.2/24 dev eth0.10 &&
		# no IPv6 chatter on the VLAN: the counters below see only ours
		echo 1 >/proc/sys/net/ipv6/conf/eth0.10/disable_ipv6 &&
		ip link set eth0.10 up || { echo "cannot create VLAN devices"; vlan_down; return 1; }
	v0=$(emu_rndis tx_vlan)
	ping_ok 10.0.10.1 3 || bad="$bad guest->peer"
	peer_ping_ok 10.0.10.2 3 || bad="$bad peer->guest"
	v1=$(emu_rndis tx_vlan)
	[ $((v1 - v0)) -ge 3 ] || bad="$bad tx_vlan+$((v1 - v0))"
	# ARP request for 10.0.10.1 with the tag in the data
	rx0=$(ip netns exec peer cat /sys/class/net/hsw0.10/statistics/rx_packets)
	frame="$(ip netns exec peer cat /sys/class/net/hsw0/address | tr -d ':')"
	frame="$frame$(mac_hex /sys/class/net/eth0/address)8100000a0806"
	frame="${frame}0001080006040001$(mac_hex /sys/class/net/eth0/address)0a000a02"
	frame="${frame}0000000000000a000a01000000000000000000000000000000000000"
	rawsend eth0 "$frame" || bad="$bad rawsend"
	sleep 0.5
	v2=$(emu_rndis tx_vlan)
	rx1=$(ip netns exec peer cat /sys/class/net/hsw0.10/statistics/rx_packets)
	[ "$v2" -gt "$v1" ] || bad="$bad in-band-tag-not-moved-to-ppi"
	[ "$rx1" -gt "$rx0" ] || bad="$bad in-band-frame-not-delivered"
	vlan_down
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "VLAN 10 both ways, $((v2 - v0)) tagged frames sent as 802.1Q info (1 from AF_PACKET with the tag in the data)"
}

# ethtool -d: the host's send indirection table (16 x u32, regs version 1),
# as the emulator sent it (entry i = i mod channels).
sc_regs() {
	local n vals i want bad=""
	if ! ethtool -d eth0 >/tmp/regs.out 2>&1; then
		[ "$DRIVER" = intree ] &&
			{ echo "in-tree driver of $(uname -r) has no ethtool -d: $(head -n1 /tmp/regs.out)"; return 2; }
		echo "ethtool -d failed: $(head -n1 /tmp/regs.out)"; return 1
	fi
	n=$(ethtool -l eth0 | awk '/Current/ { c = 1 } c && /Combined/ { print $2 }')
	# hex dump "0x0000:  00 00 00 00 01 00 ..." -> little-endian u32s
	vals=$(awk '/^0x/ { for (i = 2; i <= NF; i++) printf "%s ", $i }' /tmp/regs.out |
		awk '{ for (i = 1; i + 3 <= NF; i += 4) { h = $(i + 3) $(i + 2) $(i + 1) $i; v = 0
			for (j = 1; j <= 8; j++) v = v * 16 + index("0123456789abcdef", tolower(substr(h, j, 1))) - 1
			printf "%d ", v } }')
	set -- $vals
	[ $# = 16 ] || { echo "ethtool -d gave $# entries, want 16: $(head -n 4 /tmp/regs.out | tr '\n' ' ')"; return 1; }
	i=0
	for v in "$@"; do
		want=$((i % n))
		[ "$v" = "$want" ] || bad="$bad [$i]=$v/want$want"
		i=$((i + 1))
	done
	[ -z "$bad" ] || { echo "send table differs from the host's:$bad"; return 1; }
	echo "ethtool -d: 16-entry send table as the host sent it ($n channels): $*"
}

# netconsole through the driver: kernel messages leave by netpoll (transmit
# with interrupts off, the NAPI poll driven by netpoll) and reach a UDP
# listener on the peer.  Opt-in (--scenarios netcons): on 7.2 under TCG the
# guest once died on a stray int3 in the livepatch transition that
# followed it (the emulator's unload), with netconsole still loaded; the
# module is now loaded for this scenario only and removed after it.
NC_CFG=/sys/kernel/config/netconsole
netcons_mods() {
	local m
	for m in $(cat /e2e/opt/order 2>/dev/null); do
		[ -d /sys/module/$m ] || insmod /e2e/opt/$m.ko || return 1
	done
}
sc_netcons() {
	local t=$NC_CFG/e2e msg n pid bad=""
	netcons_mods && [ -d /sys/module/netconsole ] ||
		{ echo "no netconsole module in this image"; return 2; }
	[ -d $NC_CFG ] || mount -t configfs none /sys/kernel/config 2>/dev/null
	[ -d $NC_CFG ] || { echo "netconsole has no dynamic targets (configfs) here"; return 2; }
	rmdir $t 2>/dev/null
	mkdir $t || { echo "cannot create a netconsole target"; return 1; }
	echo eth0 >$t/dev_name
	echo $SELF >$t/local_ip
	echo $PEER >$t/remote_ip
	echo 6666 >$t/remote_port
	ip netns exec peer cat /sys/class/net/hsw0/address >$t/remote_mac
	ip netns exec peer /usr/local/sbin/udprecv 6666 3 >/tmp/ncons.out 2>&1 &
	pid=$!
	sleep 0.3
	if ! echo 1 >$t/enabled; then
		kill $pid 2>/dev/null
		rmdir $t
		echo "netconsole target not enabled: $(dmesg | grep -i netconsole | tail -n 1)"
		return 1
	fi
	msg="hvn-e2e-netconsole-$(date +%s)"
	for n in 1 2 3 4 5; do
		echo "<3>$msg-$n" >/dev/kmsg
	done
	wait $pid
	echo 0 >$t/enabled
	rmdir $t
	rmmod netconsole 2>/dev/null
	n=$(grep -c "$msg-" /tmp/ncons.out)
	[ "$n" = 5 ] || bad="$bad got-$n-of-5"
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad ($(head -c 200 /tmp/ncons.out | tr '\n' ' '))"; return 1; }
	echo "5 kernel messages reached the peer by netconsole (netpoll)"
}
