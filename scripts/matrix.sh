#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the module with -Werror for every (release, flavour) of the kernel
# matrix, each inside the debootstrap root of its release with that release's
# own compiler and newest headers.  Prints a table and, as its last line,
# "matrix: N passed, N failed".
#
#   scripts/matrix.sh [release ...]    (default: all of HVN_RELEASES)
#
# Every build starts from an empty build directory, so the probe time in the
# table is a real probe pass.  The table is also written, as Markdown, to
# $HVN_CACHE/matrix/last.md.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
rels=${*:-$HVN_RELEASES}
out=$HVN_CACHE/matrix
jobs=$(nproc 2>/dev/null || echo 2)

bash "$top/scripts/roots.sh" $rels || hvn_die "could not prepare the build roots"
mkdir -p "$out"

# Newest headers directory of one flavour inside a root (amd64 must not
# match cloud-amd64).
newest_headers() {
	local root=$1 flavour=$2
	if [ "$flavour" = cloud-amd64 ]; then
		ls -d "$root"/usr/src/linux-headers-*-cloud-amd64 2>/dev/null
	else
		ls -d "$root"/usr/src/linux-headers-*-"$flavour" 2>/dev/null |
			grep -v -- "-cloud-amd64\$"
	fi | sort -V | tail -n1
}

pass=0
fail=0
rows=()
for rel in $rels; do
	root=$HVN_ROOTS/$rel
	gccv=$(hvn_chroot "$root" gcc -dumpversion 2>/dev/null)
	for flavour in $HVN_FLAVOURS; do
		hdr=$(newest_headers "$root" "$flavour")
		name=$rel-$flavour
		log=$out/$name.log
		if [ -z "$hdr" ]; then
			rows+=("$rel|-|$flavour|gcc-$gccv|-|-|FAIL (no headers)")
			fail=$((fail + 1))
			continue
		fi
		kdir=/usr/src/$(basename "$hdr")
		kver=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$hdr/include/generated/utsrelease.h")
		upstream=$(cat "$hdr/include/config/kernel.release")
		rm -rf "${out:?}/$name"
		mkdir -p "$out/$name"
		t0=$(date +%s.%N)
		HVN_BIND="$top:/hvn/src $out/$name:/hvn/out" \
			hvn_chroot "$root" make -C /hvn/src KDIR="$kdir" \
			BUILD_DIR=/hvn/out WERROR=1 COMPAT_SELFTEST=1 JOBS="$jobs" \
			>"$log" 2>&1
		rc=$?
		t1=$(date +%s.%N)
		read -r nprobes nhave ptime <"$out/$name/probes/summary" 2>/dev/null ||
			{ nprobes=0; nhave=0; ptime=0; }
		btime=$(echo "$t0 $t1 $ptime" | awk '{ printf "%.1f", $2 - $1 - $3 }')
		if [ $rc = 0 ] && [ -s "$out/$name/hv_netvsc.ko" ]; then
			res=PASS
			pass=$((pass + 1))
		else
			res="FAIL (see $log)"
			fail=$((fail + 1))
			grep -E "error|ERROR" "$log" | head -n 5 >&2
		fi
		ver="$kver"
		[ "$upstream" != "$kver" ] && ver="$kver ($upstream)"
		rows+=("$rel|$ver|$flavour|gcc-$gccv|${ptime}s ($nhave/$nprobes present)|${btime}s|$res")
	done
done

{
	echo "| release | kernel | flavour | compiler | probe pass | build | result |"
	echo "|---|---|---|---|---|---|---|"
	for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
} >"$out/last.md"
echo
printf '%-9s %-36s %-12s %-8s %-26s %-7s %s\n' release kernel flavour compiler "probe pass" build result
for r in "${rows[@]}"; do
	IFS='|' read -r a b c d e f g <<<"$r"
	printf '%-9s %-36s %-12s %-8s %-26s %-7s %s\n' "$a" "$b" "$c" "$d" "$e" "$f" "$g"
done
echo "matrix: $pass passed, $fail failed"
[ $fail = 0 ]
