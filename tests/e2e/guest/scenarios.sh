#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs inside the QEMU guest (busybox sh).  For each driver under test and
# each host profile: load the emulator with that profile, load the driver,
# run the scenarios, unload both.  One line per scenario on the console:
#   E2E-RESULT <driver> <profile> <scenario> PASS|FAIL|NOTRUN|NOKERNEL <seconds> <violations> <detail>
#
# Environment (from /e2e/config): PROFILES, DRIVERS (a list of
# <label>:<kind>, modules in /e2e/mod-<label>; kind intree, ours or file),
# SCENARIOS_<profile> (the scenarios to run under that profile: run.sh
# decides which run under one profile only).
# Scenarios see the kind as $DRIVER.

. /e2e/config

# busybox prefers its applets over PATH: call the real tools explicitly
ip() { /usr/local/sbin/ip "$@"; }
IPERF=/usr/local/sbin/iperf3
DBG=/sys/kernel/debug/hvn_hostsim/nic0
PEER=10.0.0.1
SELF=10.0.0.2
NPEER=16		# extra peer addresses 10.0.0.101.., so RSS spreads flows
SC_TIMEOUT=${SC_TIMEOUT:-120}	# seconds per scenario

log() { echo "e2e: $*"; }

viol() { head -n1 "$DBG/violations" 2>/dev/null || echo 0; }
kwarn() { dmesg | grep -c -E 'WARNING:|BUG:|Oops'; }
status() { grep "^$1 " "$DBG/status" | head -n1 | cut -d' ' -f2-; }

# wait_for <seconds> <command...>: poll until the command succeeds
wait_for() {
	local t=$(($1 * 10))
	shift
	while [ "$t" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		usleep 100000
		t=$((t - 1))
	done
	return 1
}

has_eth0() { [ -e /sys/class/net/eth0 ]; }
carrier_is() { [ "$(cat /sys/class/net/eth0/carrier 2>/dev/null)" = "$1" ]; }

LP=/sys/kernel/livepatch/hvn_hostsim
lp_settled() { [ "$(cat $LP/transition 2>/dev/null)" = 0 ]; }
lp_gone() { [ ! -e $LP ]; }

# The emulator; with the livepatch binding (VMBus built in) the redirection
# must finish its transition before a client calls VMBus.
#
# A livepatch transition toggles a static key in __schedule() (the
# transition's cond_resched hook): text patching through int3.  Under TCG
# with two vCPUs, the other vCPU once in a few dozen transitions trapped
# on that int3 after the patch was done ("Oops: int3" in __schedule, a
# stray int3: the guest dies).  So transitions run with the other CPUs
# offline; no client of the emulator is loaded at that time.
lp_binding() { grep -aq 'livepatch=Y' /e2e/mod/hvn_hostsim.ko; }
cpus_online() {
	local c
	for c in /sys/devices/system/cpu/cpu[1-9]*/online; do
		[ -e "$c" ] && echo "$1" >"$c"
	done
}

load_emulator() {
	local rc=0
	lp_binding && cpus_online 0
	if insmod /e2e/mod/hvn_hostsim.ko profile=$1; then
		if [ -e $LP ]; then
			wait_for 30 lp_settled || { log "livepatch transition stuck"; rc=1; }
		fi
	else
		rc=1
	fi
	lp_binding && cpus_online 1
	return $rc
}

unload_emulator() {
	local rc=0
	if [ -e $LP ]; then
		cpus_online 0
		echo 0 >$LP/enabled
		wait_for 30 lp_gone || { log "livepatch did not disable"; rc=1; }
		cpus_online 1
	fi
	rmmod hvn_hostsim || rc=1
	return $rc
}

# The modules of the driver under test (set per driver below).
MODDIR=${MODDIR:-/e2e/mod-ours}

load_driver() {
	for m in $(cat $MODDIR/order); do
		insmod "$MODDIR/$m.ko" 2>/tmp/insmod.err || {
			echo "insmod $m: $(cat /tmp/insmod.err) $(dmesg | tail -n 2)" |
				tr '\n' ' ' >/tmp/insmod.err
			return 1
		}
	done
}

unload_driver() {
	for m in $(sed '1!G;h;$!d' $MODDIR/order); do
		rmmod "$m" 2>/dev/null
	done
	! grep -q '^hv_netvsc ' /proc/modules
}

# Delete a network namespace.  A process left in it (a listener whose
# client never came, an echo server) keeps it alive, and with it the
# devices in it, which go back to the root namespace only when it dies:
# such processes are killed first.
netns_del() {
	local p
	for p in $(ip netns pids "$1" 2>/dev/null); do
		kill "$p" 2>/dev/null
	done
	ip netns del "$1" 2>/dev/null
}

# The switch port lives in network namespace "peer"; eth0 in the root one.
net_up() {
	local i
	wait_for 15 has_eth0 || return 1
	ip netns add peer 2>/dev/null
	ip link set hsw0 netns peer 2>/dev/null
	ip -n peer link set lo up
	ip -n peer link set hsw0 up
	ip -n peer addr add $PEER/24 dev hsw0 2>/dev/null
	for i in $(seq 101 $((100 + NPEER))); do
		ip -n peer addr add 10.0.0.$i/24 dev hsw0 2>/dev/null
	done
	ip -n peer addr add fd00::1/64 dev hsw0 nodad 2>/dev/null
	ip addr flush dev eth0
	ip addr add $SELF/24 dev eth0
	ip addr add fd00::2/64 dev eth0 nodad
	ip link set eth0 up
	wait_for 10 carrier_is 1
}

# an iperf3 server listens on port 5201 (IPv4 or dual-stack socket), in the
# peer's namespace or, with "here", in the guest's
iperf_listening() {
	local ns="ip netns exec peer"
	[ "$1" = here ] && ns=""
	$ns cat /proc/net/tcp6 /proc/net/tcp 2>/dev/null |
		grep -qE ':1451 [0-9A-F]+:0000 0A'
}
iperf_ready() { wait_for 2 iperf_listening "$@"; }

# iperf_once <iperf3 client options>: one iperf3 test between the guest and
# the peer, the client's output in $IPERF_OUT.  Direction peer -> guest
# (-R) swaps the roles instead (server in the guest, client in the peer),
# so that a fixed amount (-n) works on every release: iperf3 3.9
# (bullseye) fails -n together with -R.  -6 runs over IPv6.  Clients report
# every 0.1 s: iperf3 3.16 and later end a fixed-amount test only at the
# next interval report, a second late with the default (-i 0 hangs 3.18).
IPERF_OUT=/tmp/iperf.json
iperf_once() {
	local a args="" rev="" to=$PEER from=$SELF pid rc
	for a; do
		case $a in
		-R) rev=1 ;;
		-6) to=fd00::1 from=fd00::2 args="$args $a" ;;
		*) args="$args $a" ;;
		esac
	done
	if [ -n "$rev" ]; then
		timeout 20 $IPERF -s -1 >/tmp/iperf-s.out 2>&1 &
		pid=$!
		iperf_ready here
		ip netns exec peer timeout 15 $IPERF -c $from --connect-timeout 3000 \
			-i 0.1 $args >$IPERF_OUT 2>&1
	else
		ip netns exec peer timeout 20 $IPERF -s -1 >/tmp/iperf-s.out 2>&1 &
		pid=$!
		iperf_ready
		timeout 15 $IPERF -c $to --connect-timeout 3000 -i 0.1 $args >$IPERF_OUT 2>&1
	fi
	rc=$?
	# a client that never connected leaves the server waiting
	[ $rc = 0 ] || kill $pid 2>/dev/null
	wait $pid
	return $rc
}

ping_ok() { ping -c "${2:-3}" -i 0.2 -W 2 -s "${3:-56}" "$1" >/dev/null 2>&1; }
peer_ping_ok() { ip netns exec peer ping -c "${2:-3}" -i 0.2 -W 2 -s "${3:-56}" "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------- scenarios
# Each prints its detail on stdout and returns 0 (pass), 1 (fail), 2 (not run).

sc_probe() {
	has_eth0 || { echo "no eth0"; return 1; }
	local drv
	drv=$(ethtool -i eth0 | sed -n 's/^driver: //p')
	[ "$drv" = hv_netvsc ] || { echo "driver $drv"; return 1; }
	carrier_is 1 || { echo "no carrier"; return 1; }
	# the image's bpftool sees the device (no XDP program on it yet)
	bpftool net show dev eth0 >/tmp/bpf.out 2>&1 ||
		{ echo "bpftool net show failed: $(head -n 1 /tmp/bpf.out)"; return 1; }
	grep -q 'xdp' /tmp/bpf.out && grep -A1 '^xdp' /tmp/bpf.out | grep -q eth0 &&
		{ echo "unexpected XDP program on eth0"; return 1; }
	echo "eth0 $(cat /sys/class/net/eth0/address) carrier 1, bpftool: no XDP program"
}

sc_versions() {
	local want_nvsp want_ndis got_nvsp got_ndis
	case $PROFILE in
	ws2012r2) want_nvsp=4 want_ndis=6.1 ;;
	ws2016) want_nvsp=5 want_ndis=6.30 ;;
	azure) want_nvsp=6.1 want_ndis=6.30 ;;
	esac
	got_nvsp=$(status nvsp_version)
	got_ndis=$(status ndis_version)
	echo "nvsp $got_nvsp ndis $got_ndis (want $want_nvsp $want_ndis)"
	[ "$got_nvsp" = "$want_nvsp" ] && [ "$got_ndis" = "$want_ndis" ]
}

sc_ping() {
	ping_ok $PEER 5 || { echo "guest -> peer failed"; return 1; }
	peer_ping_ok $SELF 5 || { echo "peer -> guest failed"; return 1; }
	ping6 -c 3 -i 0.2 -W 2 fd00::1 >/dev/null 2>&1 || { echo "IPv6 guest -> peer failed"; return 1; }
	echo "v4 both ways 5/5, v6 3/3"
}

# Every channel the driver opened carries traffic in both directions.
sc_channels() {
	local want got i bad=""
	got=$(ethtool -l eth0 | awk '/Current/ { c = 1 } c && /Combined/ { print $2 }')
	case $PROFILE in
	ws2012r2) want=1 ;;
	*) want=$(nproc) ;;
	esac
	[ "$got" = "$want" ] || { echo "combined $got, want $want"; return 1; }
	# one flow per peer address, all at once
	rm -f /tmp/ch.bad
	for i in $(seq 101 $((100 + NPEER))); do
		ping -c 2 -i 0.2 -W 2 10.0.0.$i >/dev/null 2>&1 ||
			echo "ping:10.0.0.$i" >>/tmp/ch.bad &
	done
	wait
	[ -e /tmp/ch.bad ] && bad="$bad $(tr '\n' ' ' </tmp/ch.bad)"
	i=0
	while [ $i -lt "$got" ]; do
		set -- $(grep "^chan $i " "$DBG/status")
		# chan N cpu C g2h .. h2g .. irq .. tx F/B rx F/B ...
		case "$*" in
		*" tx 0/"*) bad="$bad chan$i:no-tx" ;;
		esac
		case "$*" in
		*" rx 0/"*) bad="$bad chan$i:no-rx" ;;
		esac
		i=$((i + 1))
	done
	[ -z "$bad" ] || { echo "channels $got:$bad"; return 1; }
	echo "$got channels, all carry traffic both ways"
}

sc_ethtool() {
	local o bad=""
	for o in -i -k -l -g -S; do
		ethtool $o eth0 >/tmp/et.out 2>&1 || bad="$bad $o"
	done
	ethtool -n eth0 rx-flow-hash tcp4 >/dev/null 2>&1 || bad="$bad -n"
	ethtool -S eth0 | grep -q 'tx_queue_0_packets' || bad="$bad -S:no-queue-stats"
	ethtool -k eth0 | grep -q 'tx-checksum-ipv4: on' || bad="$bad -k:no-csum"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "-i -k -l -g -S -n answer"
}

# jget <json-file> <object> <field>: a number from iperf3's pretty-printed
# JSON, taken from the last object of that name (the "end" section).
jget() {
	awk -v o="\"$2\":" -v f="\"$3\":" '
		index($0, o) { inb = 1; next }
		inb && index($0, f) { v = $2; gsub(/[^0-9.]/, "", v); inb = 0 }
		END { print v }' "$1"
}

# Sum of one emulator counter over all channels: "tx" or "rx" frames/bytes
# (tx = guest to host, rx = host to guest).  Prints "<frames> <bytes>".
emu_sum() {
	awk -v k="$1" '$1 == "chan" { for (i = 2; i < NF; i++) if ($i == k) {
		split($(i + 1), a, "/"); f += a[1]; b += a[2] } }
		END { printf "%d %d\n", f, b }' "$DBG/status"
}

# tx_mark, then tx_flows <frames>: the guest sent that many frames more
# than at the mark (the emulator's count).  Faults and reconfigurations
# under load wait for it, however long iperf3 took to start.
tx_mark() { TX0=$(emu_sum tx | cut -d' ' -f1); }
tx_flows() { [ "$(emu_sum tx | cut -d' ' -f1)" -ge $((TX0 + $1)) ]; }

# http_copy <dir> <bytes>: a file of random bytes over HTTP (busybox httpd
# and wget), tx = guest serves, peer fetches; rx the other way.  Sets
# HTTP_SENT and HTTP_GOT to the sha256 of both ends.  Not to be called in a
# command substitution: busybox timeout leaves a watchdog process holding
# stdout until it expires.  (Debian 12 busybox wget crashes with -T, so
# timeout(1) bounds it.)
http_copy() {
	local dir=$1 size=$2
	mkdir -p /tmp/www /tmp/got
	dd if=/dev/urandom of=/tmp/www/blob bs=65536 count=$((size / 65536)) 2>/dev/null
	if [ "$dir" = tx ]; then
		busybox httpd -f -p $SELF:8080 -h /tmp/www </dev/null >/dev/null 2>&1 &
		sleep 0.3
		ip netns exec peer timeout 20 busybox wget -q -O /tmp/got/blob \
			http://$SELF:8080/blob </dev/null >/dev/null 2>&1
	else
		ip netns exec peer busybox httpd -f -p $PEER:8080 -h /tmp/www \
			</dev/null >/dev/null 2>&1 &
		sleep 0.3
		timeout 20 busybox wget -q -O /tmp/got/blob http://$PEER:8080/blob \
			</dev/null >/dev/null 2>&1
	fi
	# $! may be a subshell, not httpd: end the server by its command line
	# (left running, it would hold the caller's command substitution open)
	pkill -f 'httpd -f -p [0-9.]*:8080' 2>/dev/null
	HTTP_SENT=$(sha256sum </tmp/www/blob | cut -c1-16)
	HTTP_GOT=$(sha256sum </tmp/got/blob 2>/dev/null | cut -c1-16)
	rm -f /tmp/got/blob
}

# TCP and UDP both ways.  Checked: the receiver got data, for TCP no more
# than the sender sent; the emulator carried at least the received payload
# in that direction, so the traffic went through the synthetic NIC and
# nowhere else; and a 4 MiB file crosses over TCP byte for byte both ways.
sc_iperf() {
	[ -x $IPERF ] || { echo "iperf3 not in this image"; return 2; }
	local dir proto res="" pid k e0 e1 sent recv pk lost frames bytes
	for proto in tcp udp; do
		for dir in tx rx; do
			k=tx
			[ $dir = rx ] && k=rx
			set -- -J -n 4M
			[ $proto = udp ] && set -- -J -n 2M -u -b 50M -l 1400
			[ $dir = rx ] && set -- "$@" -R
			e0=$(emu_sum $k)
			iperf_once "$@"
			e1=$(emu_sum $k)
			frames=$((${e1% *} - ${e0% *}))
			bytes=$((${e1#* } - ${e0#* }))
			if [ $proto = tcp ]; then
				sent=$(jget $IPERF_OUT sum_sent bytes)
				recv=$(jget $IPERF_OUT sum_received bytes)
				sent=${sent%.*} recv=${recv%.*}
				if [ -z "$recv" ] || [ "$recv" = 0 ]; then
					echo "tcp $dir: no data"; tail -n 5 $IPERF_OUT; return 1
				fi
				# iperf3 3.18 (trixie) counts its last 128 KiB
				# write as received but not yet as sent
				[ "$recv" -le $((sent + 262144)) ] ||
					{ echo "tcp $dir: sent $sent received $recv"; return 1; }
				[ "$bytes" -ge "$recv" ] ||
					{ echo "tcp $dir: emulator carried $bytes bytes < $recv received"; return 1; }
				res="$res tcp-$dir=$((recv / 1024))KiB/$((sent / 1024))KiB"
			else
				pk=$(jget $IPERF_OUT sum packets)
				lost=$(jget $IPERF_OUT sum lost_packets)
				pk=${pk%.*} lost=${lost%.*}
				recv=$((${pk:-0} - ${lost:-0}))
				if [ -z "$pk" ] || [ "$recv" -le 0 ]; then
					echo "udp $dir: no datagrams arrived"; tail -n 5 $IPERF_OUT; return 1
				fi
				[ "$frames" -ge "$recv" ] ||
					{ echo "udp $dir: emulator carried $frames frames < $recv datagrams"; return 1; }
				res="$res udp-$dir=$recv/${pk}dgrams"
			fi
		done
	done
	for dir in tx rx; do
		http_copy $dir 4194304
		[ -n "$HTTP_GOT" ] && [ "$HTTP_SENT" = "$HTTP_GOT" ] ||
			{ echo "4 MiB file over HTTP $dir: sha256 $HTTP_SENT sent, ${HTTP_GOT:-nothing} received"; return 1; }
	done
	echo "$res, 4 MiB file both ways intact"
}

sc_mtu() {
	local bad=""
	ip -n peer link set hsw0 mtu 9000
	ip link set eth0 mtu 9000 || { echo "guest refused MTU 9000"; return 1; }
	wait_for 10 carrier_is 1
	ping_ok $PEER 3 8000 || bad="$bad ping-9000"
	peer_ping_ok $SELF 3 8000 || bad="$bad peer-ping-9000"
	[ "$(status ndis_mtu)" = 9014 ] || bad="$bad ndis_mtu=$(status ndis_mtu)"
	ip link set eth0 mtu 1500
	ip -n peer link set hsw0 mtu 1500
	wait_for 10 carrier_is 1
	ping_ok $PEER 3 1400 || bad="$bad ping-1500"
	[ "$(status ndis_mtu)" = 1514 ] || bad="$bad ndis_mtu=$(status ndis_mtu)"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "9000 and back to 1500, pings pass, host saw NDIS MTU 9014/1514"
}

sc_link() {
	echo 0 >"$DBG/link"
	wait_for 5 carrier_is 0 || { echo "carrier stayed up"; echo 1 >"$DBG/link"; return 1; }
	echo 1 >"$DBG/link"
	wait_for 5 carrier_is 1 || { echo "carrier stayed down"; return 1; }
	ping_ok $PEER 2 || { echo "no traffic after link up"; return 1; }
	echo "host link down/up toggled carrier"
}

sc_reload() {
	local i=0
	while [ $i -lt 5 ]; do
		unload_driver || { echo "rmmod $i failed"; return 1; }
		load_driver || { echo "insmod $i failed"; return 1; }
		wait_for 15 has_eth0 || { echo "no eth0 after reload $i"; return 1; }
		i=$((i + 1))
	done
	net_up || { echo "no carrier after reloads"; return 1; }
	ping_ok $PEER 3 || { echo "no traffic after reloads"; return 1; }
	echo "5 unload/load cycles, traffic after"
}

sc_rescind() {
	echo 0 >"$DBG/offer"
	wait_for 10 sh -c '! test -e /sys/class/net/eth0' || { echo "eth0 stayed"; return 1; }
	echo 1 >"$DBG/offer"
	net_up || { echo "eth0 did not come back"; return 1; }
	ping_ok $PEER 3 || { echo "no traffic after re-offer"; return 1; }
	echo "rescind removed eth0, re-offer brought it back with traffic"
}

# The host's own checks: malformed guest messages (sent through the guest
# VMBus API by the emulator's inject switch) are rejected and counted, and
# the NIC keeps working.  Runs last: it leaves violations behind on purpose.
sc_strict() {
	local f v0 v1 bad=""
	for f in short unknown type section rndis vfswitch; do
		v0=$(viol)
		echo $f >"$DBG/inject" 2>/dev/null || { bad="$bad $f:inject-failed"; continue; }
		v1=$(viol)
		[ "$v1" -gt "$v0" ] || bad="$bad $f:not-counted"
	done
	ping_ok $PEER 3 || bad="$bad no-traffic-after"
	[ -z "$bad" ] || { echo "failed:$bad"; return 1; }
	echo "6 malformed messages rejected and counted ($(viol) violations), traffic after"
}

# More scenarios, one file per topic (guest/sc-*.sh, copied to /e2e/sc/):
# each defines sc_<name> functions with the same contract as above.
for f in /e2e/sc/*.sh; do
	[ -e "$f" ] && . "$f"
done

# ---------------------------------------------------------------- driver

run_one() {
	local name=$1 t0 t1 v0 v1 k0 out rc res pid i to
	t0=$(date +%s)
	v0=$(viol)
	k0=$(kwarn)
	# each scenario runs under a watchdog: a hang fails it, not the boot
	rm -f /tmp/sc.rc
	( sc_$name >/tmp/sc.out 2>&1; echo $? >/tmp/sc.rc ) &
	pid=$!
	i=0
	# a scenario may set a longer watchdog of its own: SC_TIMEOUT_<name>
	eval "to=\${SC_TIMEOUT_$name:-$SC_TIMEOUT}"
	# (polled every 50 ms: 170 scenarios a boot)
	while [ ! -e /tmp/sc.rc ] && [ $i -lt $((to * 20)) ]; do
		usleep 50000
		i=$((i + 1))
	done
	if [ -e /tmp/sc.rc ]; then
		wait $pid
		rc=$(cat /tmp/sc.rc)
	else
		kill -9 $pid 2>/dev/null
		echo "timed out after ${to}s" >>/tmp/sc.out
		rc=1
	fi
	out=$(tr '\n' ' ' </tmp/sc.out)
	t1=$(date +%s)
	v1=$(viol)
	case $rc in
	0) res=PASS ;;
	2) res=NOTRUN ;;
	3) res=NOKERNEL ;;
	*) res=FAIL ;;
	esac
	if [ "$res" = PASS ] && [ "$(kwarn)" != "$k0" ]; then
		res=FAIL
		out="$out; kernel warning: $(dmesg | grep -E 'WARNING:|BUG:|Oops' | tail -n 1)"
	fi
	if [ "$res" = PASS ] && [ "$v1" != "$v0" ] && [ "$name" != strict ]; then
		res=FAIL
		out="$out; protocol violations: $(tail -n +2 "$DBG/violations" | tail -n 3 | tr '\n' ';')"
	fi
	echo "E2E-RESULT $LABEL $PROFILE $name $res $((t1 - t0)) $((v1 - v0)) $out"
}

# all scenarios of the current driver and profile fail with one reason
fail_all() {
	local s
	for s in $PROFILE_SCENARIOS; do
		echo "E2E-RESULT $LABEL $PROFILE $s FAIL 0 0 $*"
	done
}

suite_main() {
	local d
	for d in $DRIVERS; do
		LABEL=${d%%:*}
		DRIVER=${d#*:}
		MODDIR=/e2e/mod-$LABEL
		for PROFILE in $PROFILES; do
			log "driver $LABEL, profile $PROFILE"
			eval "PROFILE_SCENARIOS=\$SCENARIOS_$PROFILE"
			if ! load_emulator $PROFILE; then
				fail_all "emulator did not load"
				continue
			fi
			if ! load_driver; then
				fail_all "driver did not load: $(cat /tmp/insmod.err)"
				unload_emulator
				continue
			fi
			net_up || log "net_up failed"
			for s in $PROFILE_SCENARIOS; do
				run_one "$s"
			done
			log "status after $LABEL $PROFILE:"
			cat "$DBG/status" "$DBG/violations" | sed 's/^/e2e:   /'
			unload_driver || log "driver did not unload"
			netns_del peer
			unload_emulator || log "emulator did not unload"
		done
	done
}

# modules the scenarios need besides the driver (8021q and its dependencies)
for m in $(cat /e2e/extra/order 2>/dev/null); do
	insmod /e2e/extra/$m.ko 2>/dev/null || log "insmod $m failed"
done

case ${MODE:-suite} in
bench) bench_main ;;
*) suite_main ;;
esac
dmesg | grep -E 'BUG|WARNING|Oops|Call Trace|hvn_hostsim|hv_netvsc' | tail -n 40 | sed 's/^/e2e: dmesg: /'
