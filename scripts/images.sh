#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch and unpack the Debian kernel image of a release for QEMU guests.
#
#   scripts/images.sh <release> [flavour]     (flavour: amd64 | cloud-amd64)
#
# Prints the image directory on stdout:
#   $HVN_CACHE/images/<release>/<kernel-release>/
#     vmlinuz                    the kernel to boot
#     lib/modules/<krel>/...     its modules (as shipped: .ko, .ko.xz, .ko.zst)
#     .hvn-image-ok              marker: unpacked completely
#
# The kernel is the one whose headers the release root has installed, so a
# module built in that root matches it.  roots.sh refreshes those headers, so
# the newest kernel of the release is resolved at run time.  Downloads happen
# inside the release root (its own apt sources); the packages are cached.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

HVN_IMAGES=${HVN_IMAGES:-$HVN_CACHE/images}

usage() { echo "usage: $0 <release> [amd64|cloud-amd64]" >&2; exit 2; }
[ $# -ge 1 ] || usage
rel=$1
flavour=${2:-amd64}
root=$HVN_ROOTS/$rel

[ "$(id -u)" = 0 ] || hvn_die "images need root (chroot into $root)"
if [ ! -e "$root/.hvn-root-ok" ]; then
	hvn_log "$rel: no build root yet, creating it"
	command -v debootstrap >/dev/null ||
		{ apt-get -q update >/dev/null && apt-get -q -y install debootstrap >/dev/null; } ||
		hvn_die "cannot install debootstrap"
	"$(dirname "$0")/roots.sh" "$rel" >&2
fi

# The kernel release of the flavour's installed headers (newest if several).
krel=$(ls "$root/usr/src" | sed -n 's/^linux-headers-//p' | case $flavour in
	amd64) grep -- '-amd64$' | grep -v -- '-cloud-amd64$' ;;
	*) grep -- "-$flavour\$" ;;
	esac | sort -V | tail -n1 || true)
[ -n "$krel" ] || hvn_die "$rel: no linux-headers-*-$flavour in $root"

dest=$HVN_IMAGES/$rel/$krel
if [ -e "$dest/.hvn-image-ok" ]; then
	printf '%s\n' "$dest"
	exit 0
fi

dl=$HVN_IMAGES/$rel/debs
mkdir -p "$dl"
# Kernel 7.x splits the image: linux-image-<krel> is a small package that
# depends on linux-binary-<krel> (vmlinuz) and linux-modules-<krel>.
hvn_log "$rel: downloading the kernel packages of $krel"
HVN_BIND="$dl:/hvn-dl" hvn_chroot "$root" sh -ec '
	krel=$1
	cd /hvn-dl
	pkgs="linux-image-$krel"
	for p in linux-binary-$krel linux-modules-$krel; do
		if apt-cache show "$p" >/dev/null 2>&1; then
			pkgs="$pkgs $p"
		fi
	done
	if ! apt-cache show "linux-image-$krel" >/dev/null 2>&1; then
		apt-get -q update >/dev/null
	fi
	for p in $pkgs; do
		ls ${p}_*.deb >/dev/null 2>&1 || apt-get -q -o APT::Sandbox::User=root download "$p" >/dev/null
	done
' sh "$krel" >&2 || hvn_die "$rel: apt-get download failed"

tmp=$dest.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
for deb in "$dl"/linux-image-"${krel}"_*.deb "$dl"/linux-binary-"${krel}"_*.deb \
	"$dl"/linux-modules-"${krel}"_*.deb; do
	[ -e "$deb" ] || continue
	dpkg-deb -x "$deb" "$tmp"
done
# Layouts: /boot/vmlinuz-<krel> (<= 6.x) or /usr/lib/modules/<krel>/vmlinuz.
vmlinuz=""
for c in "$tmp/boot/vmlinuz-$krel" "$tmp/usr/lib/modules/$krel/vmlinuz" \
	"$tmp/lib/modules/$krel/vmlinuz"; do
	[ -e "$c" ] && { vmlinuz=$c; break; }
done
[ -n "$vmlinuz" ] || hvn_die "$rel: no vmlinuz for $krel in the packages"
cp "$vmlinuz" "$tmp/vmlinuz"
# Normalise the module tree to lib/modules/<krel> (usrmerge moved it).
if [ -d "$tmp/usr/lib/modules/$krel" ] && [ ! -d "$tmp/lib/modules/$krel" ]; then
	mkdir -p "$tmp/lib/modules"
	mv "$tmp/usr/lib/modules/$krel" "$tmp/lib/modules/$krel"
fi
[ -d "$tmp/lib/modules/$krel/kernel" ] || hvn_die "$rel: no modules for $krel"
echo "$krel" >"$tmp/kernel-release"
touch "$tmp/.hvn-image-ok"
rm -rf "$dest"
mv "$tmp" "$dest"
hvn_log "$rel: image $krel ready in $dest"
printf '%s\n' "$dest"
