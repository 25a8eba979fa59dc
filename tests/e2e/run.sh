#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# End-to-end suite: boot each release's Debian kernel in QEMU (TCG) with the
# Hyper-V host emulator (tests/hostsim) and netvsc drivers, run the guest
# scenarios for every driver and host profile, report.  One boot per
# release: the drivers are tested one after the other in that guest.
#
#   tests/e2e/run.sh [--release R]... [--driver intree|ours|file]...
#                    [--module PATH] [--label NAME]
#                    [--profiles "ws2012r2 ws2016 azure"] [--scenarios "..."]
#                    [--timeout SECONDS] [--verbose] [--bench]
#                    [--append "KERNEL ARGS"]
#
# --bench boots each release once with both the in-tree driver and ours and
# prints a same-boot throughput comparison (TCP Mbit/s, UDP datagrams/s both
# ways, ours/in-tree ratio) instead of running the scenarios; figures go to
# build/e2e/bench.txt.
# --driver may be given more than once (or as a list, "intree ours"): the
# distro's driver first proves the emulator, then ours runs in the same boot.
# --driver file boots a prebuilt hv_netvsc.ko (--module, e.g. the one DKMS
# installed; .ko/.ko.xz/.ko.zst) and records it under --label (default
# "file").
# --append adds to the guest kernel's command line (E2E_APPEND), e.g.
# "slub_debug=FZPU" to have the slab allocator check every free.
# VF scenarios: VF_CYCLES (vfcycle's cycles, default 100) and VF_MODEL (the
# VF's QEMU device, default e1000e; or virtio-net-pci) pass to the guest.
#
# Releases: bullseye (5.10), bookworm (6.1), trixie (6.12), sid (7.x);
# default all.  Prints one line per scenario, a count per driver and
# "e2e: N passed, N failed";
# writes JSON lines to build/e2e/results.jsonl.  Exit status 0 only if
# everything ran and passed.
set -uo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
. "$(dirname "$0")/lib.sh"

RELEASES=""
DRIVERS=""
PROFILES=${PROFILES:-"ws2012r2 ws2016 azure"}
SCENARIOS=${SCENARIOS:-"probe versions ping channels ethtool vlan regs iperf mtu link reload rescind strict rsc rxcsum faults vfassoc hashlevel indir chanctl rings features stats xdp xdpmaps xdplive xdpfrags xdptools"}
# opt-in scenarios that need a VF in QEMU (ACPI hotplug, the VF port NIC,
# the request channel: tests/e2e/lib.sh); the VM gets them only if one of
# these is asked for
# scenarios of the guest's side alone (XDP): no host profile changes what
# they touch, so they run once per driver, under the last of the profiles
ONCE_SCENARIOS="xdpmaps xdplive xdpfrags xdptools"
VF_SCENARIOS="vf vfearly vfstale vfvirtio vfctl vfrmmod vfns vfcycle vfpm vfxdp"
TIMEOUT=${TIMEOUT:-}
MODULE=${MODULE:-}
BENCH=${BENCH:-0}
LABEL=${LABEL:-}
E2E_APPEND=${E2E_APPEND:-}
while [ $# -gt 0 ]; do
	case $1 in
	--release|-r) RELEASES="$RELEASES $2"; shift ;;
	--driver|-d) DRIVERS="$DRIVERS $2"; shift ;;
	--module|-m) MODULE=$2; shift ;;
	--label|-l) LABEL=$2; shift ;;
	--profiles|-p) PROFILES=$2; shift ;;
	--scenarios|-s) SCENARIOS=$2; shift ;;
	--timeout|-t) TIMEOUT=$2; shift ;;
	--verbose|-v) export E2E_VERBOSE=1 ;;
	--bench|-b) BENCH=1 ;;
	--append|-a) E2E_APPEND=$2; shift ;;
	-h|--help) awk 'NR > 2 && !/^#/ { exit } NR > 2' "$0"; exit 0 ;;
	*) hvn_die "unknown argument $1 (see --help)" ;;
	esac
	shift
done
RELEASES=${RELEASES:-$HVN_RELEASES}
DRIVERS=${DRIVERS:-${DRIVER:-intree}}
# RUNS: <label>:<kind> per driver, in order
RUNS=""
for d in $DRIVERS; do
	case $d in
	intree|ours) RUNS="$RUNS $d:$d" ;;
	file)
		[ -f "$MODULE" ] || hvn_die "--driver file needs --module PATH (got '$MODULE')"
		MODULE=$(readlink -f "$MODULE")
		RUNS="$RUNS ${LABEL:-file}:file"
		;;
	*) hvn_die "--driver intree|ours|file" ;;
	esac
done
RUNS=${RUNS# }
for LAST_PROFILE in $PROFILES; do :; done

# the scenarios that run under profile $1 (the guest gets these lists)
profile_scenarios() {
	local s list=""
	for s in $SCENARIOS; do
		case " $ONCE_SCENARIOS " in
		*" $s "*) [ "$1" = "$LAST_PROFILE" ] || continue ;;
		esac
		list="$list $s"
	done
	echo "${list# }"
}

[ "$(id -u)" = 0 ] || hvn_die "needs root (chroot builds, debootstrap)"

mkdir -p "$E2E_OUT"
RESULTS=$E2E_OUT/results.jsonl
: >"$RESULTS.new"
npass=0
nfail=0
nnotrun=0
nnokernel=0
declare -A dpass dfail dnotrun
for r in $RUNS; do
	dpass[${r%%:*}]=0 dfail[${r%%:*}]=0 dnotrun[${r%%:*}]=0
done

json_str() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g; s/\t/ /g'; }

# record <run> <release> <krel> <profile> <scenario> <result> <seconds> <violations> <detail>
# (<run> is <label>:<kind>)
record() {
	local run=$1 rel=$2 krel=$3 prof=$4 sc=$5 res=$6 secs=$7 viol=$8 detail=$9 lres
	local label=${run%%:*} kind=${run#*:}
	printf '%-9s %-24s %-6s %-8s %-9s %-6s %4ss  %s\n' "$rel" "$krel" "$label" \
		"$prof" "$sc" "$res" "$secs" "$detail"
	case $res in
	PASS) npass=$((npass + 1)); lres=pass; dpass[$label]=$((dpass[$label] + 1)) ;;
	NOTRUN)
		# the distro's driver may lack a control: reported, not failed;
		# ours must have them all
		lres=not-run
		if [ "$kind" = intree ]; then
			nnotrun=$((nnotrun + 1)); dnotrun[$label]=$((dnotrun[$label] + 1))
		else
			nfail=$((nfail + 1)); dfail[$label]=$((dfail[$label] + 1))
		fi
		;;
	NOKERNEL)
		# the booted kernel (or its release) has no interface for it:
		# no driver can
		lres=no-kernel
		nnokernel=$((nnokernel + 1)); dnotrun[$label]=$((dnotrun[$label] + 1))
		;;
	*) nfail=$((nfail + 1)); lres=fail; dfail[$label]=$((dfail[$label] + 1)) ;;
	esac
	printf '{"release":"%s","kernel":"%s","driver":"%s","profile":"%s","scenario":"%s","result":"%s","seconds":%s,"violations":%s,"detail":"%s"}\n' \
		"$rel" "$krel" "$label" "$prof" "$sc" "$lres" "${secs:-0}" "${viol:-0}" \
		"$(json_str "$detail")" >>"$RESULTS.new"
}

# all scenarios of a release fail with one reason
record_all() {
	local rel=$1 krel=$2 res=$3 reason=$4 r
	for r in $RUNS; do
		record_run "$r" "$rel" "$krel" "$res" "$reason"
	done
}

# all scenarios of one driver (<label>:<kind>) fail with one reason
record_run() {
	local r=$1 rel=$2 krel=$3 res=$4 reason=$5 p s
	for p in $PROFILES; do
		for s in $(profile_scenarios "$p"); do
			record "$r" "$rel" "$krel" "$p" "$s" "$res" 0 0 "$reason"
		done
	done
}

# Stage the driver of kind $DRIVER into $2 (the initramfs module directory).
stage_driver() {
	local rel=$1 img=$2 dir=$3 out=$4 log ko
	case $DRIVER in
	intree)
		e2e_stage_mod "$img" hv_netvsc "$dir"
		;;
	ours)
		[ -f "$HVN_REPO/Makefile" ] || { echo "no top-level Makefile yet"; return 1; }
		rm -rf "$out/ours"
		mkdir -p "$out/ours/build"
		log=$out/ours/build.log
		if ! HVN_BIND="$HVN_REPO:/hvn-src $out/ours/build:/hvn-out" \
			hvn_chroot "$HVN_ROOTS/$rel" make -C /hvn-src \
			KDIR="$(e2e_kdir "$img")" BUILD_DIR=/hvn-out >"$log" 2>&1; then
			echo "build failed: $(grep -m1 -E 'error' "$log")"
			return 1
		fi
		ko=$out/ours/build/hv_netvsc.ko
		[ -f "$ko" ] || { echo "build produced no hv_netvsc.ko"; return 1; }
		# built against the distro's VMBus symbol versions: the emulator
		# exports the same symbols without those CRCs
		# (debug info refers to __versions: strip it first)
		objcopy --strip-debug --remove-section __versions "$ko" \
			"$dir/hv_netvsc.ko" || { echo "objcopy failed on $ko"; return 1; }
		echo hv_netvsc >>"$dir/order"
		;;
	file)
		# a module another tool built against this image's kernel
		e2e_unpack_mod "$MODULE" "$out/file.ko" || { echo "cannot unpack $MODULE"; return 1; }
		ko=$(objcopy -O binary --only-section=.modinfo "$out/file.ko" /dev/stdout 2>/dev/null |
			tr '\0' '\n' | sed -n 's/^vermagic=\([^ ]*\).*/\1/p')
		[ "$ko" = "$(e2e_krel "$img")" ] ||
			{ echo "module is for kernel '$ko', image is $(e2e_krel "$img")"; return 1; }
		objcopy --strip-debug --remove-section __versions "$out/file.ko" \
			"$dir/hv_netvsc.ko" || { echo "objcopy failed on $MODULE"; return 1; }
		echo hv_netvsc >>"$dir/order"
		;;
	esac
}

# Boot in bench mode (the initramfs is staged with /e2e/mod-intree and
# /e2e/mod-ours) and print the comparison.
bench_release() {
	local rel=$1 img=$2 krel=$3 out=$4 log=$4/console.log tree=$4/tree
	hvn_log "$rel: bench boot (console in $log)"
	e2e_boot "$img/vmlinuz" "$out/initrd.gz" "$log" "${TIMEOUT:-900}" "$E2E_APPEND" ||
		hvn_log "$rel: bench boot did not end cleanly"
	{
		echo "$rel $krel, host profile azure, 2 vCPUs under TCG; mean of rounds"
		grep -a '^E2E-BENCH ' "$log" | awk '
			$4 == "error" { print "  error: " $0; next }
			{ k = $4; v[$2, k] += $5; n[$2, k]++; u[k] = $6; seen[k] = 1 }
			END {
				printf "  %-12s %14s %14s %8s\n", "metric", "in-tree", "ours", "ours/in-tree"
				split("tcp_tx tcp_rx udp_tx_pps udp_rx_pps xdp_drop_pps xdp_tx_pps", order, " ")
				for (i = 1; i <= 6; i++) {
					k = order[i]
					if (!seen[k]) continue
					a = n["intree", k] ? v["intree", k] / n["intree", k] : 0
					b = n["ours", k] ? v["ours", k] / n["ours", k] : 0
					printf "  %-12s %9.1f %-4s %9.1f %-4s %8s\n", k, a, u[k], b, u[k],
						(a > 0 ? sprintf("%.2f", b / a) : "-")
				}
			}'
	} | tee -a "$E2E_OUT/bench.txt"
}

run_release() {
	local rel=$1 img krel out tree ko bind why tmo log line nprof nsc h r s staged="" d
	local t0 tb t1 again p
	t0=$(date +%s)
	out=$E2E_OUT/$rel
	[ "$BENCH" = 1 ] && out=$E2E_OUT/bench/$rel
	mkdir -p "$out"
	if [ ! -e "$HVN_ROOTS/$rel/.hvn-root-ok" ]; then
		"$HVN_REPO/scripts/roots.sh" "$rel" >&2 ||
			{ record_all "$rel" "-" FAIL "build root could not be created"; return; }
	fi
	img=$("$HVN_REPO/scripts/images.sh" "$rel") ||
		{ record_all "$rel" "-" FAIL "kernel image could not be fetched"; return; }
	krel=$(e2e_krel "$img")
	# VMBus built in (7.x): the emulator redirects it with livepatch
	bind=modular
	[ -n "$(e2e_find_mod "$img" hv_vmbus)" ] || bind=livepatch
	if [ "$BENCH" = 1 ]; then
		hvn_log "$rel: kernel $krel, emulator binding $bind, bench: intree and ours"
	else
		hvn_log "$rel: kernel $krel, emulator binding $bind, drivers$DRIVERS"
	fi
	ko=$(e2e_build_hostsim "$rel" "$img" "$out" "$bind") ||
		{ record_all "$rel" "$krel" FAIL "emulator build failed (see $out/hostsim-build.log)"; return; }
	tree=$out/tree
	rm -rf "$tree"
	mkdir -p "$tree/e2e/mod"
	cp "$ko" "$tree/e2e/mod/"
	if [ "$BENCH" = 1 ]; then
		for d in intree ours; do
			mkdir -p "$tree/e2e/mod-$d"
			why=$(DRIVER=$d stage_driver "$rel" "$img" "$tree/e2e/mod-$d" "$out") ||
				{ hvn_log "$rel: bench without $d: $why"; rm -rf "$tree/e2e/mod-$d"; }
		done
	else
		# a driver that cannot be staged fails alone; the others run
		staged=""
		for r in $RUNS; do
			mkdir -p "$tree/e2e/mod-${r%%:*}"
			if why=$(DRIVER=${r#*:} stage_driver "$rel" "$img" \
				"$tree/e2e/mod-${r%%:*}" "$out"); then
				staged="$staged $r"
			else
				record_run "$r" "$rel" "$krel" FAIL "driver ${r#*:}: $why"
			fi
		done
		[ -n "$staged" ] || return
	fi
	e2e_stage_tools "$HVN_ROOTS/$rel" "$tree" "iproute2 ethtool iperf3 bpftool" \
		"ip ethtool iperf3 bpftool" >&2 ||
		{ record_all "$rel" "$krel" FAIL "guest tools could not be staged"; return; }
	# xdp-tools (libxdp) where the release has them (bookworm and later),
	# with the BPF objects libxdp and xdp-filter load at run time
	if ( e2e_stage_tools "$HVN_ROOTS/$rel" "$tree" xdp-tools \
		"xdp-loader xdp-filter xdp-bench" ) >&2 2>/dev/null; then
		for d in "$HVN_ROOTS/$rel"/usr/lib/*/bpf; do
			[ -d "$d" ] || continue
			mkdir -p "$tree${d#"$HVN_ROOTS/$rel"}"
			cp "$d"/*.o "$tree${d#"$HVN_ROOTS/$rel"}/"
		done
	else
		hvn_log "$rel: no xdp-tools in this release (the xdptools scenario will say so)"
	fi
	# kernel modules the scenarios use besides the driver (VLAN devices,
	# netconsole)
	mkdir -p "$tree/e2e/extra"
	( e2e_stage_mod "$img" 8021q "$tree/e2e/extra" ) >&2 ||
		{ record_all "$rel" "$krel" FAIL "module 8021q could not be staged"; return; }
	# a second XDP device for the xdp scenario's redirects
	( e2e_stage_mod "$img" veth "$tree/e2e/extra" ) >&2 ||
		hvn_log "$rel: no veth module (the xdp scenario will say so)"
	# loaded by the netcons scenario only, when it runs
	mkdir -p "$tree/e2e/opt"
	( e2e_stage_mod "$img" netconsole "$tree/e2e/opt" ) >&2 ||
		hvn_log "$rel: no netconsole module (the netcons scenario will say so)"
	# the VF scenarios: QEMU plumbing (e2e_boot) and the drivers of the VF
	# port and of the VF models, loaded by those scenarios only
	E2E_VF=0
	for s in $SCENARIOS; do
		case " $VF_SCENARIOS " in *" $s "*) E2E_VF=1 ;; esac
	done
	export E2E_VF
	if [ "$E2E_VF" = 1 ]; then
		mkdir -p "$tree/e2e/vf/e1000e" "$tree/e2e/vf/virtio"
		( e2e_stage_mod "$img" e1000e "$tree/e2e/vf/e1000e" ) >&2 ||
			hvn_log "$rel: no e1000e module (the vf scenarios will say so)"
		( e2e_stage_mod "$img" virtio_net "$tree/e2e/vf/virtio" ) >&2 ||
			hvn_log "$rel: no virtio_net module"
		# built in on some kernels
		if [ -n "$(e2e_find_mod "$img" virtio_pci)" ]; then
			( e2e_stage_mod "$img" virtio_pci "$tree/e2e/vf/virtio" ) >&2 ||
				hvn_log "$rel: virtio_pci could not be staged"
		fi
	fi
	# the xdp scenario's C programs, compiled on the host (one build fits
	# every kernel); a failed build is reported by that scenario
	mkdir -p "$tree/e2e/bpf"
	e2e_build_bpf "$tree/e2e/bpf" ||
		hvn_log "$rel: BPF programs did not build: $(head -n 3 "$tree/e2e/bpf/BUILD-FAILED" | tr '\n' ' ')"
	# static helpers built with the release's own compiler
	for h in rawsend udprecv xdpload udpgap; do
		HVN_BIND="$E2E_DIR/guest:/hvn-guest $tree/usr/local/sbin:/hvn-out" \
			hvn_chroot "$HVN_ROOTS/$rel" gcc -O2 -static -o /hvn-out/$h \
			/hvn-guest/$h.c >&2 ||
			{ record_all "$rel" "$krel" FAIL "guest helper $h did not build"; return; }
	done
	cp "$E2E_DIR/guest/scenarios.sh" "$tree/e2e/guest.sh"
	chmod +x "$tree/e2e/guest.sh"
	mkdir -p "$tree/e2e/sc"
	cp "$E2E_DIR"/guest/sc-*.sh "$tree/e2e/sc/" 2>/dev/null || true
	printf 'PROFILES="%s"\nDRIVERS="%s"\n' "$PROFILES" "${staged# }" >"$tree/e2e/config"
	for p in $PROFILES; do
		printf 'SCENARIOS_%s="%s"\n' "$p" "$(profile_scenarios "$p")"
	done >>"$tree/e2e/config"
	[ "$BENCH" = 1 ] && printf 'MODE=bench\nBENCH_ROUNDS=%s\n' "${BENCH_ROUNDS:-3}" >>"$tree/e2e/config"
	[ -n "${VF_CYCLES:-}" ] && printf 'VF_CYCLES=%s\n' "$VF_CYCLES" >>"$tree/e2e/config"
	[ -n "${VF_MODEL:-}" ] && printf 'VF_MODEL=%s\n' "$VF_MODEL" >>"$tree/e2e/config"
	e2e_mkinitramfs "$tree" "$out/initrd.gz"
	if [ "$BENCH" = 1 ]; then
		bench_release "$rel" "$img" "$krel" "$out"
		return
	fi
	nprof=$(( $(echo $PROFILES | wc -w) * $(echo $staged | wc -w) ))
	nsc=$(echo $SCENARIOS | wc -w)
	tmo=${TIMEOUT:-$((90 + nprof * nsc * 40))}
	# each extra unplug/plug cycle of vfcycle takes up to ~15 s
	case " $SCENARIOS " in
	*" vfcycle "*) [ -n "${TIMEOUT:-}" ] || tmo=$((tmo + nprof * ${VF_CYCLES:-0} * 15)) ;;
	esac
	log=$out/console.log
	hvn_log "$rel: booting (timeout ${tmo}s, console in $log)"
	tb=$(date +%s)
	again=""
	e2e_boot "$img/vmlinuz" "$out/initrd.gz" "$log" "$tmo" "$E2E_APPEND" ||
	if grep -aq 'Oops: int3' "$log"; then
		# TCG can run a vCPU through kernel text another vCPU is
		# patching (static keys); that boot says nothing of the driver
		mv "$log" "$out/console.int3.log"
		hvn_log "$rel: the guest died of an int3 trap (TCG text patching), booting again"
		again=", booted twice (int3, see console.int3.log)"
		e2e_boot "$img/vmlinuz" "$out/initrd.gz" "$log" "$tmo" "$E2E_APPEND"
	fi
	t1=$(date +%s)
	times+=("$(printf '%-9s %4d s: build and staging %3d s, boot to end %4d s%s' "$rel" \
		$((t1 - t0)) $((tb - t0)) $((t1 - tb)) "$again")")
	for r in $staged; do
		for p in $PROFILES; do
			for s in $(profile_scenarios "$p"); do
				line=$(grep -a "^E2E-RESULT ${r%%:*} $p $s " "$log" | head -n1)
				if [ -z "$line" ]; then
					why="no result: guest crashed or timed out"
					grep -aq '^E2E-END' "$log" || why="$why (no clean end; see $log)"
					record "$r" "$rel" "$krel" "$p" "$s" FAIL 0 0 "$why"
					continue
				fi
				set -- $line
				record "$r" "$rel" "$krel" "$p" "$s" "$5" "$6" "$7" \
					"$(echo "$line" | cut -d' ' -f8-)"
			done
		done
	done
}

e2e_host_tools
[ "$BENCH" = 1 ] && : >"$E2E_OUT/bench.txt"
times=()
for rel in $RELEASES; do
	run_release "$rel"
done
for t in "${times[@]}"; do echo "e2e time $t"; done
# keep the results of other releases and other drivers
if [ -f "$RESULTS" ]; then
	labels=""
	for r in $RUNS; do labels="$labels ${r%%:*}"; done
	awk -v rels=" $RELEASES " -v labels="$labels " '
		{
			rel = $0; sub(/.*"release":"/, "", rel); sub(/".*/, "", rel)
			drv = $0; sub(/.*"driver":"/, "", drv); sub(/".*/, "", drv)
			if (index(rels, " " rel " ") && index(labels, " " drv " ")) next
			print
		}' "$RESULTS" >>"$RESULTS.new"
fi
if [ "$BENCH" = 1 ]; then
	rm -f "$RESULTS.new"
	exit 0
fi
mv "$RESULTS.new" "$RESULTS"
for r in $RUNS; do
	l=${r%%:*}
	echo "e2e $l: ${dpass[$l]} passed, ${dfail[$l]} failed, ${dnotrun[$l]} not run"
done
why=""
[ "$nnotrun" -gt 0 ] && why="$nnotrun not run: the in-tree driver lacks the feature"
[ "$nnokernel" -gt 0 ] && why="${why:+$why; }$nnokernel not run: the kernel or release lacks it"
echo "e2e: $npass passed, $nfail failed${why:+ ($why)}"
[ "$nfail" = 0 ]
