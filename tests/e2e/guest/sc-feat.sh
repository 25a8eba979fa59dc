# SPDX-License-Identifier: GPL-2.0
#
# Feature flags and statistics (sourced by scenarios.sh in the guest):
#   features  ethtool -k/-K: what the host profile offers is changeable, the
#             rest fixed; tx, tso and rx off/on change what reaches the host
#             (its checksum and LSO counters) or the driver's verdicts
#   stats     ethtool -S: every counter the seed's controls need, and each
#             moves with the traffic that should move it
# Same contract as scenarios.sh: one line of detail, return 0/1/2.

# feat <name>: "on", "off", "on [fixed]", ... as ethtool -k shows it
feat() { ethtool -k eth0 | sed -n "s/^[[:space:]]*$1: //p"; }

# drv_stat is in sc-host.sh; the emulator's tx counters (guest -> host PPIs)
emu_tx() {	# <counter>: tx_csum, tx_lso, tx_vlan or tx_hash
	awk -v k="$1" '$1 == "tx_csum" { for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$DBG/status"
}

# 4 MiB of TCP guest -> peer; "<emulator csum PPIs> <LSO PPIs> <bytes received>"
feat_tx_run() {
	local c0 l0
	c0=$(emu_tx tx_csum)
	l0=$(emu_tx tx_lso)
	host_iperf -n 4M || { echo "0 0 0"; return; }
	echo "$(($(emu_tx tx_csum) - c0)) $(($(emu_tx tx_lso) - l0)) $IP_RCVD"
}

sc_features() {
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local f want bad="" on off tso0 rx0 rx1
	# what every profile offers, changeable
	for f in tx-checksum-ipv4 tx-checksum-ipv6 tcp-segmentation-offload \
		rx-checksumming receive-hashing generic-receive-offload; do
		[ "$(feat $f)" = on ] || bad="$bad $f:'$(feat $f)'"
	done
	# LRO/RSC: offered from Windows Server 2019 (azure), fixed off before
	case $PROFILE in
	azure) want=on ;;
	*) want="off [fixed]" ;;
	esac
	[ "$(feat large-receive-offload)" = "$want" ] ||
		bad="$bad lro:'$(feat large-receive-offload)'-want-'$want'"
	# 802.1Q tags always travel as per-packet info
	case "$(feat rx-vlan-offload)" in on*) ;; *) bad="$bad rx-vlan:'$(feat rx-vlan-offload)'" ;; esac
	case "$(feat tx-vlan-offload)" in on*) ;; *) bad="$bad tx-vlan:'$(feat tx-vlan-offload)'" ;; esac
	[ -z "$bad" ] || { echo "defaults:$bad"; return 1; }

	# tx on: checksum and LSO PPIs reach the host
	set -- $(feat_tx_run)
	on="csum $1 lso $2"
	[ "$1" -gt 0 ] && [ "$2" -gt 0 ] && [ "$3" -gt 0 ] || bad="$bad tx-on:$on,rcvd-$3"
	# tso off: checksum PPIs, no LSO
	ethtool -K eth0 tso off >/dev/null || bad="$bad tso-off-refused"
	[ "$(feat tcp-segmentation-offload)" = off ] || bad="$bad tso-shown-$(feat tcp-segmentation-offload)"
	set -- $(feat_tx_run)
	tso0="csum $1 lso $2"
	[ "$1" -gt 0 ] && [ "$2" = 0 ] && [ "$3" -gt 0 ] || bad="$bad tso-off:$tso0,rcvd-$3"
	# tx off: the stack checksums (and segments) itself, no PPIs at all
	ethtool -K eth0 tx off >/dev/null || bad="$bad tx-off-refused"
	set -- $(feat_tx_run)
	off="csum $1 lso $2"
	[ "$1" = 0 ] && [ "$2" = 0 ] && [ "$3" -gt 0 ] || bad="$bad tx-off:$off,rcvd-$3"
	ethtool -K eth0 tx on tso on >/dev/null || bad="$bad tx-on-refused"
	set -- $(feat_tx_run)
	[ "$2" -gt 0 ] || bad="$bad lso-not-back:csum-$1,lso-$2"
	# rx off: frames are passed up without the host's verdict
	if [ "$DRIVER" = ours ]; then
		ethtool -K eth0 rx off || bad="$bad rx-off-refused"
		rx0="$(drv_stat rx_csum_ok) $(drv_stat rx_csum_none)"
		host_iperf -n 4M -R || bad="$bad rx-off:no-data"
		rx1="$(drv_stat rx_csum_ok) $(drv_stat rx_csum_none)"
		set -- $rx0 $rx1
		[ "$3" = "$1" ] && [ "$4" -gt "$2" ] || bad="$bad rx-off:ok-$1-$3,none-$2-$4"
		ethtool -K eth0 rx on || bad="$bad rx-on-refused"
		rx0=$(drv_stat rx_csum_ok)
		host_iperf -n 4M -R || bad="$bad rx-on:no-data"
		[ "$(drv_stat rx_csum_ok)" -gt "$rx0" ] || bad="$bad rx-on:ok-flat"
	else
		ethtool -K eth0 rx off && host_iperf -n 4M -R || bad="$bad rx-off:no-data"
		ethtool -K eth0 rx on
	fi
	# the rest toggles and shows what it was set to
	for f in gro:generic-receive-offload rxhash:receive-hashing; do
		ethtool -K eth0 "${f%%:*}" off || bad="$bad ${f%%:*}-off-refused"
		[ "$(feat "${f#*:}")" = off ] || bad="$bad ${f%%:*}-not-off"
		ethtool -K eth0 "${f%%:*}" on || bad="$bad ${f%%:*}-on-refused"
		[ "$(feat "${f#*:}")" = on ] || bad="$bad ${f%%:*}-not-on"
	done
	ping_ok $PEER 3 || bad="$bad no-ping-after"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "defaults per profile (lro '$want'); 4 MiB of TCP at the host: tx on $on, tso off $tso0, tx off $off; rx off/on, gro and rxhash toggle"
}

# ethtool -S names this driver must have; the in-tree driver lacks some
STAT_NAMES="tx_queue_0_packets tx_queue_0_bytes rx_queue_0_packets rx_queue_0_bytes
stop_queue wake_queue tx_busy tx_send_full rx_comp_busy tx_send_section
tx_page_buffer rx_rsc_packets rx_rsc_frags rx_csum_ok rx_csum_bad rx_csum_none
host_violations"

# sum over queues of tx_queue_N_packets ("tx") or rx_queue_N_packets ("rx")
stat_qsum() {
	ethtool -S eth0 | awk -v d="$1" '$1 ~ "^" d "_queue_[0-9]+_packets:$" { s += $2 } END { print s + 0 }'
}

sc_stats() {
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local n missing="" s q bad="" sec0 sec1 pb0 pb1 rx0 rx1 e0 e1 m0 m1 d ok0 ok1
	n=$(ctl_chans)
	ethtool -S eth0 >/tmp/stats.out || { echo "ethtool -S failed"; return 1; }
	for s in $STAT_NAMES; do
		grep -q "^ *$s: [0-9]" /tmp/stats.out || missing="$missing $s"
	done
	q=0
	while [ $q -lt "$n" ]; do
		for s in tx_queue_${q}_packets rx_queue_${q}_packets; do
			grep -q "^ *$s: " /tmp/stats.out || missing="$missing $s"
		done
		q=$((q + 1))
	done
	if [ -n "$missing" ]; then
		[ "$DRIVER" = ours ] && { echo "missing:$missing"; return 1; }
		echo "in-tree driver of $(uname -r) has no$missing"
		return 2
	fi
	# small frames are copied into send sections
	sec0=$(drv_stat tx_send_section)
	ping_ok $PEER 10 || bad="$bad ping"
	sec1=$(drv_stat tx_send_section)
	[ $((sec1 - sec0)) -ge 10 ] || bad="$bad send-section+$((sec1 - sec0))-after-10-pings"
	# LSO goes by page buffer
	pb0=$(drv_stat tx_page_buffer)
	host_iperf -n 4M || bad="$bad tcp-tx"
	pb1=$(drv_stat tx_page_buffer)
	[ "$pb1" -gt "$pb0" ] || bad="$bad page-buffer-flat"
	# receive: queues add up to what the host delivered; verdicts counted
	rx0=$(stat_qsum rx)
	e0=$(emu_sum rx)
	m0=$(($(status rsc_segments) - $(status rsc_packets)))
	ok0=$(drv_stat rx_csum_ok)
	host_iperf -n 4M -R || bad="$bad tcp-rx"
	rx1=$(stat_qsum rx)
	e1=$(emu_sum rx)
	m1=$(($(status rsc_segments) - $(status rsc_packets)))
	ok1=$(drv_stat rx_csum_ok)
	set -- $e0 $e1
	# the host counts the segments it coalesced (RSC): those it merged
	# away never reached the guest as frames of their own
	e0=$(($3 - $1 - (m1 - m0)))
	rx1=$((rx1 - rx0))
	# (frames still in flight when the counters are read: 1 % and 2)
	d=$((e0 - rx1))
	[ "$rx1" -gt 0 ] && [ "${d#-}" -le $((e0 / 100 + 2)) ] || bad="$bad rx-queues-$rx1-host-$e0"
	[ $((ok1 - ok0)) -gt 0 ] || bad="$bad csum-ok-flat"
	[ "$(drv_stat rx_csum_bad)" = 0 ] || bad="$bad csum-bad-$(drv_stat rx_csum_bad)"
	[ "$(drv_stat host_violations)" = 0 ] || bad="$bad host-violations-$(drv_stat host_violations)"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "$(wc -l </tmp/stats.out) counters; 10 pings: send sections +$((sec1 - sec0)); 4 MiB of TCP out: page buffer +$((pb1 - pb0)); 4 MiB of TCP in: queues $rx1 = host frames $e0, csum ok +$((ok1 - ok0))"
}
