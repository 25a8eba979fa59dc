#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packaging tests: build the .deb (two versions) and the .rpm, then for each
# release install, add a kernel, upgrade, break a kernel and purge, for real,
# in a disposable overlay on that release's root with its own dkms; and boot
# the module DKMS installed in QEMU with the e2e harness.
#   tests/packaging/run.sh [release ...]
# Last line: "packaging: N passed, N failed".
# HVN_PKG_JOBS: releases at a time (2); HVN_PKG_BOOT_LOCK=0 lets their QEMU
# boots overlap (by default one at a time).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
rels=${*:-$HVN_RELEASES}
out=$HVN_CACHE/packaging
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "PASS $*"; }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

bash "$top/scripts/setup-host.sh" || exit 1
for p in debhelper dh-dkms rpm rpmlint lintian; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		apt-get -q -y install --no-install-recommends "$p" >/dev/null
done
bash "$top/scripts/roots.sh" $rels >/dev/null || hvn_die "roots"

rm -rf "$out"
mkdir -p "$out/pk"
v1=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
v2=$v1.1
t0=$(date +%s)
HVN_PKG_OUT=$out/pk bash "$top/scripts/build-packages.sh" deb "$v1" >/dev/null &&
	HVN_PKG_OUT=$out/pk bash "$top/scripts/build-packages.sh" deb "$v2" >/dev/null &&
	HVN_PKG_OUT=$out/pk bash "$top/scripts/build-packages.sh" rpm "$v1" >/dev/null ||
	hvn_die "package build failed"
echo "packages built in $(( $(date +%s) - t0 )) s: $(cd "$out/pk" && ls *.deb *.rpm | tr '\n' ' ')"

# lintian: no errors or warnings.  Tags kept on purpose are listed in
# packaging/lintian-accepted with the reason.
deb=$out/pk/hv-netvsc-dkms_${v1}_all.deb
accepted=$(awk '$1 == "lintian" { print $2 }' "$top/packaging/lintian-accepted" | tr '\n' ' ')
tags=$(lintian --no-tag-display-limit "$deb" 2>/dev/null | grep -E '^[EW]:' |
	awk '{ print $3 }' | sort -u)
bad=""
for t in $tags; do
	case " $accepted " in *" $t "*) ;; *) bad="$bad $t" ;; esac
done
if [ -z "$bad" ]; then ok "lintian: no errors or warnings (accepted: ${accepted:-none})"
else ko "lintian:$bad"; lintian "$deb"; fi

# RPM: contents, scriptlets, rpmlint, and an install into a scratch root.
rpmf=$out/pk/hv-netvsc-dkms-$v1-1.noarch.rpm
files=$(rpm -qlp "$rpmf" 2>/dev/null)
if echo "$files" | grep -qx "/usr/src/hv-netvsc-$v1/dkms.conf" &&
	echo "$files" | grep -qx "/usr/src/hv-netvsc-$v1/hv-netvsc-precheck" &&
	echo "$files" | grep -qx "/etc/kernel/postinst.d/00-hv-netvsc-dkms" &&
	echo "$files" | grep -qx "/usr/sbin/hv-netvsc-status" &&
	! echo "$files" | grep -q '\.ko$'; then
	ok "rpm -qlp: DKMS source tree, kernel hooks and status tool, no binaries"
else
	ko "rpm -qlp:"; echo "$files"
fi
scripts=$(rpm -qp --scripts "$rpmf" 2>/dev/null)
if echo "$scripts" | grep -q "dkms add -m hv-netvsc" &&
	echo "$scripts" | grep -q "dkms install -m hv-netvsc" &&
	echo "$scripts" | grep -q "hv-netvsc-precheck\|00-hv-netvsc-dkms" &&
	echo "$scripts" | grep -q "dkms remove -m hv-netvsc"; then
	ok "rpm scriptlets: precheck, dkms add/install for every kernel, dkms remove"
else
	ko "rpm scriptlets"; echo "$scripts"
fi
rpmlint_out=$(rpmlint "$rpmf" 2>&1)
rbad=$(echo "$rpmlint_out" | grep -E ': [EW]: ' | awk '{ print $3 }' | sort -u)
rbad_left=""
for t in $rbad; do
	grep -q "^rpmlint $t " "$top/packaging/lintian-accepted" || rbad_left="$rbad_left $t"
done
if [ -z "$rbad_left" ]; then ok "rpmlint: no errors or warnings beyond the accepted list"
else ko "rpmlint:$rbad_left"; echo "$rpmlint_out"; fi
scratch=$out/rpmroot
mkdir -p "$scratch"
if rpm --root "$scratch" --dbpath /var/lib/rpm --initdb 2>/dev/null; rpm --root "$scratch" -i --nodeps --noscripts "$rpmf" >/dev/null 2>&1 &&
	[ -f "$scratch/usr/src/hv-netvsc-$v1/dkms.conf" ] &&
	rpm --root "$scratch" -q hv-netvsc-dkms >/dev/null 2>&1; then
	ok "rpm -i into a scratch root: $(rpm --root "$scratch" -q hv-netvsc-dkms)"
else
	ko "rpm -i into a scratch root"
fi

# The e2e boot of step "boot": the basic scenarios, one host profile.
boot_profiles="azure"
boot_scenarios="probe versions ping iperf reload"

# Boot the module the in-root step "boot" copied to <dir> (the one DKMS
# installed for the image's kernel, byte for byte) with tests/e2e, and turn
# each scenario into a result line.  QEMU (TCG) takes both cores: boots of
# parallel releases queue on a lock.
boot_e2e() {
	local rel=$1 dir=$2 kver file sha256 signed f t0 t1 log sc line res t secs wait detail
	[ -f "$dir/info" ] || return 0	# the in-root step said why
	. "$dir/info"
	f=$dir/$file
	if [ "$(sha256sum <"$f" | cut -d' ' -f1)" != "$sha256" ]; then
		echo "FAIL $rel boot: copy of $file differs from the installed module"
		return
	fi
	log=$out/$rel-boot-e2e.log
	t0=$(date +%s)
	(
		[ "${HVN_PKG_BOOT_LOCK:-1}" = 0 ] || flock 9
		echo "BOOT-WAIT $(( $(date +%s) - t0 ))"
		t1=$(date +%s)
		E2E_OUT=$dir/e2e bash "$top/tests/e2e/run.sh" --release "$rel" \
			--driver file --module "$f" --label dkms \
			--profiles "$boot_profiles" --scenarios "$boot_scenarios"
		echo "BOOT-SECONDS $(( $(date +%s) - t1 ))"
	) 9>"$out/boot.lock" >"$log" 2>&1
	secs=$(sed -n 's/^BOOT-SECONDS //p' "$log")
	wait=$(sed -n 's/^BOOT-WAIT //p' "$log")
	for sc in $boot_scenarios; do
		line=$(awk -v r="$rel" -v p="$boot_profiles" -v s="$sc" \
			'$1 == r && $3 == "dkms" && $4 == p && $5 == s' "$log" | head -n1)
		if [ -z "$line" ]; then
			echo "FAIL $rel boot $sc: no result from tests/e2e/run.sh"
			tail -n 20 "$log" | sed 's/^/    /'
			continue
		fi
		read -r _ _ _ _ _ res t detail <<<"$line"
		case $res in
		PASS) echo "PASS $rel boot $sc: $detail ($t)" ;;
		*)
			echo "FAIL $rel boot $sc: $res $detail ($t)"
			sed 's/^/    /' "$dir/e2e/$rel/console.log" 2>/dev/null | tail -n 20
			;;
		esac
	done
	# the guest's kernel log names the driver version that ran
	line="kernel $kver, $file as DKMS installed it (signed: ${signed:-no}); e2e ${secs:-?} s after ${wait:-?} s waiting for another boot"
	if grep -aqF -e "hv_netvsc $v2 " -e "hv_netvsc $v2:" "$dir/e2e/$rel/console.log" 2>/dev/null; then
		echo "PASS $rel boot module: the guest ran hv_netvsc $v2; $line"
	else
		echo "FAIL $rel boot module: no 'hv_netvsc $v2' in the guest's kernel log; $line"
	fi
}

# One release per background job (HVN_PKG_JOBS at a time): most of the time
# goes to apt, dpkg and initramfs work that is serial within a release.  The
# QEMU boot comes last, once the overlay is gone (the harness may install
# guest tools into the release root itself).
run_release() {
	local rel=$1 state=$out/$1 boot=$out/$1-boot step line img kboot
	rm -rf "$state" "$boot"
	mkdir -p "$boot"
	# the kernel tests/e2e boots for this release
	img=$(bash "$top/scripts/images.sh" "$rel" 2>"$out/$rel-images.log") &&
		kboot=$(cat "$img/kernel-release") ||
		{ echo "FAIL $rel boot: no e2e kernel image (see $out/$rel-images.log)"; kboot=""; }
	for step in prepare install headers upgrade boot failure purge; do
		[ "$step" = boot ] && [ -z "$kboot" ] && continue
		line=$(HVN_BIND="$out/pk:/pk $top/tests/packaging:/hvn-test $boot:/hvn-out" \
			hvn_chroot_overlay "$HVN_ROOTS/$rel" "$state" \
			sh /hvn-test/in-root.sh "$step" /pk "$v1" "$v2" "$kboot" 2>&1 |
			tee "$out/$rel-$step.log" | grep '^PKG ' | tail -n1)
		case $line in
		"PKG $step PASS "*) echo "PASS $rel $step: ${line#PKG $step PASS }" ;;
		*)
			echo "FAIL $rel $step: ${line#PKG $step FAIL }"
			sed 's/^/    /' "$out/$rel-$step.log" | tail -n 30
			[ "$step" = prepare ] && break
			;;
		esac
	done
	rm -rf "$state"
	boot_e2e "$rel" "$boot"
}

t0=$(date +%s)
jobs=${HVN_PKG_JOBS:-2}
running=0
for rel in $rels; do
	run_release "$rel" >"$out/$rel.result" 2>&1 &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait
for rel in $rels; do
	cat "$out/$rel.result"
	pass=$((pass + $(grep -c '^PASS ' "$out/$rel.result")))
	fail=$((fail + $(grep -c '^FAIL ' "$out/$rel.result")))
done
echo "releases took $(( $(date +%s) - t0 )) s ($jobs at a time)"
echo "packaging: $pass passed, $fail failed"
[ $fail = 0 ]
