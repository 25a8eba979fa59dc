#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the distribution packages from this tree.
#   scripts/build-packages.sh deb|rpm [version]
# Output: build/packages/.  A version other than dkms.conf's is stamped into
# a staged copy (used by the upgrade test); the tree itself is not touched.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
kind=$1
base=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
ver=${2:-$base}
out=${HVN_PKG_OUT:-$top/build/packages}
stage=$top/build/pkg-stage/hv-netvsc-dkms-$ver

rm -rf "$stage"
mkdir -p "$stage" "$out"
(cd "$top" && cp -r Makefile Kbuild dkms.conf COPYING README.md src compat include \
	packaging "$stage"/ && mkdir -p "$stage/scripts" &&
	cp scripts/hv-netvsc-status "$stage/scripts/")
find "$stage" -name '*.o' -o -name '*.cmd' | xargs -r rm -f
sed -i "s/^PACKAGE_VERSION=.*/PACKAGE_VERSION=\"$ver\"/" "$stage/dkms.conf"

case $kind in
deb)
	cp -r "$stage/packaging/debian" "$stage/debian"
	if [ "$ver" != "$base" ]; then
		{
			echo "hv-netvsc-dkms ($ver) unstable; urgency=medium"
			echo
			echo "  * Version $ver, built from the same tree."
			echo
			echo " -- hv-netvsc-dkms maintainers <maintainers@hv-netvsc-dkms.org>  $(date -R)"
			echo
			cat "$stage/debian/changelog"
		} >"$stage/debian/changelog.new"
		mv "$stage/debian/changelog.new" "$stage/debian/changelog"
	fi
	(cd "$stage" && dpkg-buildpackage -b -us -uc >"$out/build-deb-$ver.log" 2>&1) ||
		{ tail -n 30 "$out/build-deb-$ver.log"; hvn_die "dpkg-buildpackage failed"; }
	mv "$stage"/../hv-netvsc-dkms_"${ver}"_all.deb "$out/"
	rm -f "$stage"/../hv-netvsc-dkms_"${ver}"_*.{buildinfo,changes}
	echo "$out/hv-netvsc-dkms_${ver}_all.deb"
	;;
rpm)
	rpmtop=$top/build/rpmbuild
	rm -rf "$rpmtop"
	mkdir -p "$rpmtop"/{SOURCES,SPECS,BUILD,RPMS,SRPMS}
	tar -C "$(dirname "$stage")" -czf "$rpmtop/SOURCES/hv-netvsc-dkms-$ver.tar.gz" \
		"hv-netvsc-dkms-$ver"
	sed "s/^Version:.*/Version:        $ver/" "$stage/packaging/rpm/hv-netvsc-dkms.spec" \
		>"$rpmtop/SPECS/hv-netvsc-dkms.spec"
	rpmbuild --define "_topdir $rpmtop" -ba "$rpmtop/SPECS/hv-netvsc-dkms.spec" \
		>"$out/build-rpm-$ver.log" 2>&1 ||
		{ tail -n 30 "$out/build-rpm-$ver.log"; hvn_die "rpmbuild failed"; }
	cp "$rpmtop"/RPMS/noarch/hv-netvsc-dkms-"$ver"-1.noarch.rpm "$out/"
	cp "$rpmtop"/SRPMS/hv-netvsc-dkms-"$ver"-1.src.rpm "$out/"
	echo "$out/hv-netvsc-dkms-$ver-1.noarch.rpm"
	;;
*)
	hvn_die "usage: $0 deb|rpm [version]"
	;;
esac
