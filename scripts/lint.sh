#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Static checks of src/ and compat/: the kernel's checkpatch.pl --strict
# (taken from Debian's newest linux-source package) on every file, and sparse
# on full module builds for 5.10 and 6.12.
# Ends with "lint: N passed, N failed" (one test per file and per kernel).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
sid=$HVN_ROOTS/sid
tools=$HVN_CACHE/checkpatch

bash "$top/scripts/roots.sh" sid bullseye trixie >/dev/null || hvn_die "roots"

# checkpatch.pl and its data files, from the newest linux-source tarball.
want=$(hvn_chroot "$sid" apt-cache policy linux-source | awk '/Candidate:/ { print $2 }')
if [ "$(cat "$tools/version" 2>/dev/null)" != "$want" ]; then
	hvn_log "lint: fetching checkpatch from linux-source $want"
	hvn_chroot "$sid" sh -ec 'apt-get -q -y install linux-source sparse >/dev/null
		apt-get -q clean' || hvn_die "cannot install linux-source in the sid root"
	tarball=$(ls "$sid"/usr/src/linux-source-*.tar.* | sort -V | tail -n1)
	rm -rf "$tools"
	mkdir -p "$tools"
	tar -xf "$tarball" -C "$tools" --strip-components=1 --wildcards \
		'*/scripts/checkpatch.pl' '*/scripts/spelling.txt' \
		'*/scripts/const_structs.checkpatch' || hvn_die "tar"
	echo "$want" >"$tools/version"
fi
for rel in bullseye trixie; do
	hvn_chroot "$HVN_ROOTS/$rel" sh -c 'command -v sparse >/dev/null ||
		{ apt-get -q -y install sparse >/dev/null && apt-get -q clean; }'
done

pass=0
fail=0
cd "$top"
for f in $(find src compat -name '*.[ch]' | sort); do
	# Probes are compiler input, not driver code; they still must be tidy.
	if perl "$tools/scripts/checkpatch.pl" --strict --no-tree --terse \
		--show-types -f "$f" >"$HVN_CACHE/checkpatch.out" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "checkpatch: $f"
		sed 's/^/    /' "$HVN_CACHE/checkpatch.out" | grep -v "^    total:" | head -n 20
	fi
done

# sparse: a clean build (C=2 checks every file) for the oldest and newest
# kernels; any sparse warning in our files fails.
for rel in bullseye trixie; do
	root=$HVN_ROOTS/$rel
	hdr=$(ls -d "$root"/usr/src/linux-headers-*-amd64 | grep -v cloud | sort -V | tail -n1)
	out=$HVN_CACHE/sparse-$rel
	rm -rf "$out"
	mkdir -p "$out"
	HVN_BIND="$top:/hvn/src $out:/hvn/out" hvn_chroot "$root" \
		make -C /hvn/src KDIR="/usr/src/$(basename "$hdr")" BUILD_DIR=/hvn/out \
		COMPAT_SELFTEST=1 KBUILD_EXTRA="C=2" >"$out.log" 2>&1
	rc=$?
	warn=$(grep -E '^/hvn/out/(src|compat)/.*: (warning|error):' "$out.log")
	if [ $rc = 0 ] && [ -z "$warn" ] && grep -q ' CHECK ' "$out.log"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "sparse ($rel): exit $rc"
		echo "${warn:-$(tail -n 5 "$out.log")}" | head -n 20 | sed 's/^/    /'
	fi
done
echo "lint: $pass passed, $fail failed"
[ $fail = 0 ]
