#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Create or refresh one debootstrap build root per Debian release, with that
# release's own compiler and the newest linux-headers of each flavour.
#
#   scripts/roots.sh [release ...]     (default: all of HVN_RELEASES)
#
# Roots live in $HVN_ROOTS (default /var/cache/hv-netvsc-dkms/roots).  A root
# is created once; later runs only refresh its package lists and headers, so
# the newest kernel of each release is picked up at run time.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || hvn_die "roots need root (debootstrap, chroot)"
command -v debootstrap >/dev/null || hvn_die "debootstrap missing: apt-get install debootstrap"

# A root's package lists and headers are refreshed at most this often
# (HVN_REFRESH=1 forces it), so one test run resolves the newest kernels once.
HVN_REFRESH_MINUTES=${HVN_REFRESH_MINUTES:-120}

# Packages every root needs to build modules; packaging tests add dkms later.
BASE_PKGS="build-essential bc kmod libelf-dev"

sources_for() {
	local rel=$1 mirror sec
	mirror=$(hvn_mirror)
	sec=$(hvn_security_mirror)
	echo "deb $mirror $rel main"
	case $rel in
	sid|unstable) ;;
	*)
		echo "deb $mirror $rel-updates main"
		echo "deb $sec $rel-security main"
		;;
	esac
}

install_pkgs() {
	hvn_chroot "$1" sh -ec "apt-get -q update
		apt-get -q -y install $2
		apt-get -q clean"
}

make_root() {
	local rel=$1 root=$HVN_ROOTS/$1 pkgs f
	mkdir -p "$HVN_ROOTS"
	# One writer per root at a time (several scripts may call us at once).
	exec {lock}>"$HVN_ROOTS/$rel.lock"
	flock "$lock"
	# Refreshed recently (by this or another script): nothing to do.
	if [ -e "$root/.hvn-root-ok" ] && [ -z "${HVN_REFRESH:-}" ] &&
		[ -n "$(find "$root/.hvn-root-ok" -mmin -"$HVN_REFRESH_MINUTES" 2>/dev/null)" ]; then
		return 0
	fi
	if [ ! -e "$root/.hvn-debootstrap-ok" ]; then
		hvn_log "$rel: debootstrap into $root"
		rm -rf "$root"
		mkdir -p "$HVN_ROOTS"
		debootstrap --variant=buildd --include=ca-certificates \
			"$rel" "$root" "$(hvn_mirror)" >"$HVN_ROOTS/$rel.debootstrap.log" 2>&1 ||
			{ tail -n 20 "$HVN_ROOTS/$rel.debootstrap.log"; hvn_die "$rel: debootstrap failed"; }
		touch "$root/.hvn-debootstrap-ok"
	fi
	sources_for "$rel" >"$root/etc/apt/sources.list"
	# Keep roots small and quiet; the mirror may be a snapshot whose
	# Release files are past their Valid-Until date.
	printf '%s\n' 'APT::Install-Recommends "false";' \
		'APT::Install-Suggests "false";' \
		'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/90hvn"
	pkgs=$BASE_PKGS
	for f in $HVN_FLAVOURS; do pkgs="$pkgs linux-headers-$f"; done
	hvn_log "$rel: refreshing headers ($pkgs)"
	if ! install_pkgs "$root" "$pkgs" >"$HVN_ROOTS/$rel.apt.log" 2>&1; then
		# The mirror can list a security update it does not carry (seen:
		# a bullseye-security kernel that answers 404).  Fall back to
		# the release's main suite rather than fail.
		hvn_log "$rel: install failed with -updates/-security; retrying with the main suite only"
		sources_for "$rel" | head -n1 >"$root/etc/apt/sources.list"
		install_pkgs "$root" "$pkgs" >>"$HVN_ROOTS/$rel.apt.log" 2>&1 ||
			{ tail -n 20 "$HVN_ROOTS/$rel.apt.log"; hvn_die "$rel: apt-get in root failed"; }
	fi
	touch "$root/.hvn-root-ok"
	hvn_log "$rel: ready: $(ls "$root/usr/src" | grep '^linux-headers' | tr '\n' ' ')"
}

rels=${*:-$HVN_RELEASES}
pids=""
for rel in $rels; do
	( make_root "$rel" ) &
	pids="$pids $!"
done
rc=0
for p in $pids; do wait "$p" || rc=1; done
exit $rc
