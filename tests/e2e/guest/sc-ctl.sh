# SPDX-License-Identifier: GPL-2.0
#
# The seed document's ethtool controls (sourced by scenarios.sh in the
# guest).  Each checks the effect, at the emulator or in the driver's
# counters, not only the command's exit code:
#   hashlevel  ethtool -N rx-flow-hash udp4/udp6 sd|sdfn: TX queue spread
#   chanctl    ethtool -L combined N under traffic, settings kept
#   indir      ethtool -X equal|weight|hkey: the host's channel choice follows
#   rings      ethtool -G rx N tx M: buffers re-created, settings kept
# Same contract as scenarios.sh: one line of detail, return 0/1/2.
#
# chanctl caught a race in our driver (full CI run of 0dcbd84, trixie,
# azure): frames that xmit had left batched in a send section (more were
# announced, then the queue was disabled) were flushed by the NAPI poll
# after HALT, so the emulator saw "RNDIS PACKET before INIT" and then a
# section reused under it.  hvn_detach() now sends them under the TX lock
# before HALT.  indir and chanctl also reset the indirection table to the
# driver's own (a table the user set keeps the channel count from going
# down, and the driver now keeps it across channel changes, as ethtool
# expects).
#
# Notes from the in-tree driver: ethtool before 6.5 exits 0 when the kernel
# refuses rx-flow-hash (ctl_fh reads its message); the in-tree driver sends
# RSS parameters on ethtool -X even to a host without vRSS (legal: the host
# answers NOT_SUPPORTED), clamps ethtool -G tx below the minimum instead of
# refusing it, and counts receive sections in the host's section size,
# which follows the MTU.

ctl_chans() { ethtool -l eth0 | awk '/Current/ { c = 1 } c && /Combined/ { print $2; exit }'; }
ctl_max_chans() { ethtool -l eth0 | awk '/maximums/ { c = 1 } c && /Combined/ { print $2; exit }'; }

# "l4" or "l3": what ethtool -n says of a flow type
ctl_hash_of() {
	ethtool -n eth0 rx-flow-hash "$1" >/tmp/fh.out 2>&1 || { echo "error"; return; }
	if grep -q 'L4 bytes' /tmp/fh.out; then echo l4
	elif grep -q 'IP DA' /tmp/fh.out; then echo l3
	else echo "none"; fi
}

# ctl_fh <flow> <fields>: ethtool -N rx-flow-hash, 0 if the driver took it.
# ethtool before 6.5 exits 0 when the kernel refuses, so its message counts.
ctl_fh() {
	ethtool -N eth0 rx-flow-hash "$1" "$2" >/tmp/fh.err 2>&1 || return 1
	! grep -q 'Cannot' /tmp/fh.err
}

# tx_queue_N_packets of the driver, one per line
ctl_txq() {
	ethtool -S eth0 | awk '$1 ~ /^tx_queue_[0-9]+_packets:$/ { print $2 }'
}

# udp_spread: 16 UDP streams (16 source ports) to one peer address for 1 s.
# Prints "<queues carrying >= 5 %> <largest queue share in %> <packets>".
ctl_udp_spread() {
	local before after
	before=$(ctl_txq | tr '\n' ' ')
	iperf_once -u -P 16 -b 300K -l 200 -t 1
	after=$(ctl_txq | tr '\n' ' ')
	echo "$before|$after" | awk -F'|' '{
		n = split($1, a, " "); split($2, b, " ")
		for (i = 1; i <= n; i++) { d[i] = b[i] - a[i]; t += d[i]; if (d[i] > m) m = d[i] }
		for (i = 1; i <= n; i++) if (t > 0 && d[i] * 20 >= t) q++
		printf "%d %d %d\n", q, (t > 0 ? m * 100 / t : 0), t }'
}

sc_hashlevel() {
	local n bad="" l4 l3 res
	n=$(ctl_chans)
	for f in tcp4 tcp6 udp4 udp6; do
		[ "$(ctl_hash_of $f)" = l4 ] || bad="$bad default-$f:$(ctl_hash_of $f)"
	done
	# field sets other than sd and sdfn are refused and change nothing
	ctl_fh udp4 sdf && bad="$bad sdf-accepted"
	[ "$(ctl_hash_of udp4)" = l4 ] || bad="$bad refused-set-changed-udp4"
	# udp4 and udp6 are independent
	ctl_fh udp6 sd || bad="$bad set-udp6-sd"
	[ "$(ctl_hash_of udp6)" = l3 ] || bad="$bad udp6-not-l3"
	[ "$(ctl_hash_of udp4)" = l4 ] || bad="$bad udp4-followed-udp6"
	ctl_fh udp6 sdfn || bad="$bad set-udp6-sdfn"
	[ "$(ctl_hash_of udp6)" = l4 ] || bad="$bad udp6-not-back-to-l4"
	if [ "$n" -lt 2 ]; then
		[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
		echo "settings per protocol work; $n channel: queue spread not observable on this host"
		return 0
	fi
	set -- $(ctl_udp_spread)
	l4="$1 queues, top $2% of $3"
	[ "$1" -ge 2 ] || bad="$bad l4-one-queue($l4)"
	ctl_fh udp4 sd || bad="$bad set-udp4-sd"
	[ "$(ctl_hash_of udp4)" = l3 ] || bad="$bad udp4-not-l3"
	set -- $(ctl_udp_spread)
	l3="$1 queues, top $2% of $3"
	[ "$2" -ge 95 ] || bad="$bad l3-spread($l3)"
	ctl_fh udp4 sdfn || bad="$bad set-udp4-sdfn"
	set -- $(ctl_udp_spread)
	res="$1 queues, top $2% of $3"
	[ "$1" -ge 2 ] || bad="$bad l4-again-one-queue($res)"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "16 UDP flows to one address: L4 $l4 packets; L3 $l3; L4 again $res; udp6 independent, sdf refused"
}

# emulator: frames host -> guest per channel, "f0 f1 ..."
ctl_chan_rx() {
	awk '$1 == "chan" { for (i = 2; i < NF; i++) if ($i == "rx") { split($(i + 1), a, "/"); printf "%s ", a[1] } }' \
		"$DBG/status"
}

# 16 TCP flows peer -> guest, 4 MiB in all (many RSS hashes)
ctl_rx_flows() {
	iperf_once -R -P 16 -n 4M >/dev/null
}

# share (%) of host -> guest frames that went to channel <q> during them
ctl_rx_share() {
	local before after
	before=$(ctl_chan_rx)
	ctl_rx_flows
	after=$(ctl_chan_rx)
	echo "$before|$after" | awk -F'|' -v q="$1" '{
		n = split($1, a, " "); split($2, b, " ")
		for (i = 1; i <= n; i++) t += b[i] - a[i]
		printf "%d\n", (t > 0 ? (b[q + 1] - a[q + 1]) * 100 / t : 0) }'
}

# ctl_other_key <hex key>: a different key, colon-separated for ethtool
ctl_other_key() {
	echo "$1" | awk '{ s = ""; for (i = 1; i <= 80; i += 2) {
		b = substr($0, i, 2); s = s (i > 1 ? ":" : "") (b == "5a" ? "a5" : "5a") } print s }'
}

emu_table() { status rss_table; }

# an ethtool -x table on stdin as "<entries>:<channel>x<count>,..."
ctl_tab_sum() {
	awk '{ for (i = 2; i <= NF; i++) { n++; c[$i]++ } }
		END { s = n ":"; for (k in c) s = s k "x" c[k] ","; print s }'
}
emu_key() { status rss_key; }

sc_indir() {
	local n key0 tab s0 s1 s2 bad="" newkey hk
	n=$(ctl_chans)
	if [ "$n" -lt 2 ]; then
		if ethtool -X eth0 equal 1 >/dev/null 2>&1; then
			[ "$DRIVER" = ours ] && { echo "ethtool -X accepted with one channel"; return 1; }
			echo "$n channel, no vRSS on this host: ethtool -X accepted"
		else
			echo "$n channel, no vRSS on this host: ethtool -X refused"
		fi
		return 0
	fi
	key0=$(emu_key)
	ethtool -X eth0 equal 1 || bad="$bad equal-1-refused"
	tab=$(emu_table)
	case " $tab " in *" 1"*) bad="$bad host-table-not-all-0" ;; esac
	s0=$(ctl_rx_share 0)
	[ "$s0" -ge 95 ] || bad="$bad equal1:chan0-got-$s0%"
	ethtool -X eth0 weight 0 1 || bad="$bad weight-0-1-refused"
	tab=$(emu_table)
	case " $tab " in *" 0"*) bad="$bad host-table-not-all-1" ;; esac
	s1=$(ctl_rx_share 1)
	[ "$s1" -ge 95 ] || bad="$bad weight01:chan1-got-$s1%"
	ethtool -x eth0 | grep -q '^ *0: *1 *1 ' || bad="$bad -x-does-not-show-weights"
	ethtool -X eth0 equal 2 || bad="$bad equal-2-refused"
	tab=$(emu_table | tr ' ' '\n' | sort | uniq -c | tr -s ' \n' ' ')
	s2=$(ctl_rx_share 0)
	[ "$s2" -ge 2 ] && [ "$s2" -le 98 ] ||
		bad="$bad equal2:chan0-got-$s2%(host-table:$tab;hashinfo:$(status rss | awk '{ print $NF }');key:$(emu_key | cut -c1-16))"
	# a new key reaches the host; the old one is put back
	newkey=$(ctl_other_key "$key0")
	ethtool -X eth0 hkey "$newkey" || bad="$bad hkey-refused"
	hk=$(emu_key)
	[ "$hk" = "$(echo "$newkey" | tr -d ':')" ] || bad="$bad host-key-$hk"
	ethtool -X eth0 hkey "$(echo "$key0" | sed 's/../&:/g; s/:$//')" || bad="$bad hkey-restore"
	[ "$(emu_key)" = "$key0" ] || bad="$bad key-not-restored"
	# back to the driver's own table: a user table pins the channel count
	ethtool -X eth0 default || bad="$bad default-refused"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "host channel choice follows the table: equal 1 -> chan0 $s0%, weight 0 1 -> chan1 $s1%, equal 2 -> chan0 $s2%; hkey reached the host"
}

# iperf3 TCP guest -> peer in the background for <seconds>
ctl_bg_iperf() {
	ip netns exec peer timeout $(($1 + 15)) $IPERF -s -1 >/dev/null 2>&1 &
	iperf_ready
	timeout $(($1 + 12)) $IPERF -c $PEER -t "$1" -J --connect-timeout 3000 >/tmp/ctl-iperf.json 2>&1 &
}

ctl_iperf_rcvd() {
	awk '/"sum_received"/ { s = 1 } s && /"bytes"/ { gsub(/[^0-9]/, ""); print; exit }' /tmp/ctl-iperf.json
}

sc_chanctl() {
	local max n mac bad="" diff="" sub1 sub2 got key0 key1 c
	max=$(ctl_max_chans)
	n=$(ctl_chans)
	mac=$(cat /sys/class/net/eth0/address)
	if [ "$max" -lt 2 ]; then
		ethtool -L eth0 combined 2 >/dev/null 2>&1 && { echo "combined 2 accepted, max $max"; return 1; }
		echo "max $max channel: combined 2 refused"
		return 0
	fi
	# a table set by the user would keep the channel count from going down
	ethtool -X eth0 default
	ctl_fh udp4 sd || bad="$bad set-udp4-sd"
	key0=$(emu_key)
	tx_mark
	ctl_bg_iperf 5
	wait_for 5 tx_flows 200
	sleep 0.3
	ethtool -L eth0 combined 1 || bad="$bad combined-1-refused"
	wait_for 10 carrier_is 1 || bad="$bad no-carrier-after-1"
	[ "$(ctl_chans)" = 1 ] || bad="$bad current-$(ctl_chans)-want-1"
	sub1=$(status subchannels)
	[ "$sub1" = 0 ] || bad="$bad host-subchannels-$sub1-want-0"
	sleep 1
	ethtool -L eth0 combined "$n" || bad="$bad combined-$n-refused"
	wait_for 10 carrier_is 1 || bad="$bad no-carrier-after-$n"
	[ "$(ctl_chans)" = "$n" ] || bad="$bad current-$(ctl_chans)-want-$n"
	sub2=$(status subchannels)
	[ "$sub2" = $((n - 1)) ] || bad="$bad host-subchannels-$sub2-want-$((n - 1))"
	# no table set by the user: the host's spreads over every channel again
	for c in $(seq 0 $((n - 1))); do
		case " $(emu_table) " in
		*" $c "*) ;;
		*) bad="$bad host-table-misses-channel-$c" ;;
		esac
	done
	key1=$(emu_key)
	if [ "$key1" != "$key0" ]; then
		case $key1 in *[!0]*) key1="another RSS key" ;; *) key1="an all-zero RSS key (every flow hashes to one channel)" ;; esac
		if [ "$DRIVER" = intree ]; then diff="$diff sends $key1 after combined 1 -> $n;"
		else bad="$bad rss-key-changed"; fi
		# put it back for the scenarios after this one
		ethtool -X eth0 hkey "$(echo "$key0" | sed 's/../&:/g; s/:$//')" || bad="$bad hkey-restore"
	fi
	wait
	got=$(ctl_iperf_rcvd)
	[ -n "$got" ] && [ "$got" -gt 0 ] || bad="$bad tcp-stream-lost"
	[ "$(cat /sys/class/net/eth0/address)" = "$mac" ] || bad="$bad mac-changed"
	[ "$(ctl_hash_of udp4)" = l3 ] || bad="$bad udp4-hash-level-lost"
	ethtool -N eth0 rx-flow-hash udp4 sdfn
	ethtool -L eth0 combined $((max + 1)) >/dev/null 2>&1 && bad="$bad combined-above-max-accepted"
	[ "$(ctl_chans)" = "$n" ] || bad="$bad refused-change-changed-count"
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	if [ -n "$diff" ]; then
		echo "in-tree driver of $(uname -r) on ethtool -L:$diff stream, MAC and udp4 hash level kept"
		return 2
	fi
	echo "combined $n -> 1 -> $n under TCP load (host subchannels $sub1 then $sub2, host table over all $n, stream kept: $got bytes), MAC, RSS key and udp4 hash level kept, combined $((max + 1)) refused"
}

# ethtool -g "Current" (or "maximums") RX and TX
ctl_ring() {
	ethtool -g eth0 | awk -v w="$1" '/maximums/ { s = "max" } /Current/ { s = "cur" }
		s == w && $1 == "RX:" { rx = $2 } s == w && $1 == "TX:" { tx = $2 }
		END { print rx, tx }'
}

# receive buffer bytes at the host: "N sections of S"
emu_rbuf_bytes() { status recv_buf | awk '{ print $1 * $4 }'; }

sc_rings() {
	local mac max rx tx rx2 tx2 n key0 key1 keyorig rb0 rb1 sb0 sb1 tab0 tab1 bad="" diff=""
	mac=$(cat /sys/class/net/eth0/address)
	n=$(ctl_chans)
	# the settings that must survive; the MTU first, since the in-tree
	# driver counts receive sections of a size that follows it
	ip link set eth0 mtu 4000 || bad="$bad mtu-4000"
	wait_for 10 carrier_is 1
	ctl_fh udp4 sd || bad="$bad set-udp4-sd"
	keyorig=$(emu_key)
	if [ "$n" -ge 2 ]; then
		ethtool -X eth0 weight 1 3 || bad="$bad weight-1-3"
		# a key of our own, which must survive too
		ethtool -X eth0 hkey "$(ctl_other_key "$keyorig")" || bad="$bad hkey"
	fi
	set -- $(ctl_ring cur)
	rx=$1 tx=$2
	set -- $(ctl_ring max)
	max="$1 $2"
	rx2=$((rx / 2)) tx2=$((tx / 2))
	[ $rx2 -ge 10 ] || rx2=10
	[ $tx2 -ge 10 ] || tx2=10
	key0=$(emu_key)
	tab0=$(ethtool -x eth0 2>/dev/null | grep '^ *[0-9]*:')
	rb0=$(emu_rbuf_bytes)
	sb0=$(status send_buf | cut -d' ' -f1)
	ethtool -G eth0 rx $rx2 tx $tx2 || bad="$bad -G-$rx2/$tx2-refused"
	wait_for 10 carrier_is 1 || bad="$bad no-carrier"
	set -- $(ctl_ring cur)
	[ "$1 $2" = "$rx2 $tx2" ] || bad="$bad current-$1/$2-want-$rx2/$tx2"
	rb1=$(emu_rbuf_bytes)
	sb1=$(status send_buf | cut -d' ' -f1)
	[ "$rb1" -lt "$rb0" ] || bad="$bad host-recv-buf-$rb0-to-$rb1"
	[ "$sb1" -lt "$sb0" ] || bad="$bad host-send-buf-$sb0-to-$sb1"
	[ "$(cat /sys/class/net/eth0/address)" = "$mac" ] || bad="$bad mac-changed"
	[ "$(cat /sys/class/net/eth0/mtu)" = 4000 ] || bad="$bad mtu-$(cat /sys/class/net/eth0/mtu)"
	[ "$(ctl_chans)" = "$n" ] || bad="$bad channels-$(ctl_chans)-want-$n"
	[ "$(ctl_hash_of udp4)" = l3 ] || bad="$bad udp4-hash-level-lost"
	tab1=$(ethtool -x eth0 2>/dev/null | grep '^ *[0-9]*:')
	if [ "$tab1" != "$tab0" ]; then
		tab1="$(echo "$tab0" | ctl_tab_sum) -> $(echo "$tab1" | ctl_tab_sum)"
		if [ "$DRIVER" = intree ]; then diff="$diff indirection table $tab1;"
		else bad="$bad indirection-table-changed:$tab1"; fi
	fi
	key1=$(emu_key)
	if [ "$key1" != "$key0" ]; then
		if [ "$DRIVER" = intree ]; then diff="$diff puts its default RSS key back;"
		else bad="$bad rss-key-changed"; fi
	fi
	ping_ok $PEER 3 1200 || bad="$bad no-ping-after"
	# out of range: refused, nothing changes
	set -- $max
	ethtool -G eth0 rx $(($1 + 1)) >/dev/null 2>&1 && bad="$bad rx-above-max-accepted"
	wait_for 10 carrier_is 1
	if ethtool -G eth0 tx 1 >/dev/null 2>&1; then
		wait_for 10 carrier_is 1
		set -- $(ctl_ring cur)
		if [ "$DRIVER" = intree ]; then diff="$diff takes tx 1 and makes it $2;"
		else bad="$bad tx-1-accepted"; fi
	fi
	set -- $(ctl_ring cur)
	[ "$1" = "$rx2" ] || bad="$bad refused-change-changed-rx-$1"
	[ -n "$diff" ] || [ "$2" = "$tx2" ] || bad="$bad refused-change-changed-tx-$2"
	# back to what it was
	ethtool -G eth0 rx $rx tx $tx || bad="$bad restore-refused"
	wait_for 10 carrier_is 1
	if [ "$n" -ge 2 ]; then
		ethtool -X eth0 equal "$n"
		ethtool -X eth0 hkey "$(echo "$keyorig" | sed 's/../&:/g; s/:$//')"
	fi
	ethtool -N eth0 rx-flow-hash udp4 sdfn
	ip link set eth0 mtu 1500
	wait_for 10 carrier_is 1
	ping_ok $PEER 3 || bad="$bad no-ping-after-restore"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	if [ -n "$diff" ]; then
		echo "in-tree driver of $(uname -r) on ethtool -G:$diff MAC, MTU, channels and hash level kept"
		return 2
	fi
	echo "rx/tx $rx/$tx -> $rx2/$tx2 (host: receive buffer $rb0 -> $rb1 bytes, send buffer $sb0 -> $sb1 bytes), MAC, MTU 4000, $n channels, table, RSS key and udp4 hash level kept; out-of-range refused"
}
