#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Show the driver: build it for the oldest and newest kernels of the matrix
# and show what a user sees (modinfo: version, the compat fallbacks in use).
# Once the host emulator exists (tests/hostsim), this boots a guest and runs
# traffic through the driver instead.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/.." && pwd)

bash "$top/scripts/setup-host.sh"
bash "$top/scripts/roots.sh" bullseye sid
for rel in bullseye sid; do
	root=$HVN_ROOTS/$rel
	hdr=$(ls -d "$root"/usr/src/linux-headers-*-amd64 | grep -v cloud | sort -V | tail -n1)
	out=$HVN_CACHE/demo/$rel
	mkdir -p "$out"
	echo
	echo "== $rel: make KDIR=/usr/src/$(basename "$hdr")"
	HVN_BIND="$top:/hvn/src $out:/hvn/out" hvn_chroot "$root" \
		make -s -C /hvn/src KDIR="/usr/src/$(basename "$hdr")" BUILD_DIR=/hvn/out
	echo "== $rel: modinfo hv_netvsc.ko"
	modinfo "$out/hv_netvsc.ko" | grep -E '^(version|description|vermagic|compat_kernel|compat_fallbacks|parm):'
done
