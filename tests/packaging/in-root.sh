#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Packaging test steps, run as root inside a disposable release root (see
# run.sh).  Each step prints "PKG <step> PASS|FAIL <detail>".
#   in-root.sh <step> <deb-dir> <old-version> <new-version> [boot-kernel]
# Step boot copies the module DKMS installed for boot-kernel (the kernel the
# e2e harness boots) to /hvn-out, which run.sh binds to a host directory.
step=$1
pk=$2
v1=$3
v2=$4
kboot=${5:-}
export DEBIAN_FRONTEND=noninteractive

res() { echo "PKG $step $1 $2"; }

# Newest kernel version behind a flavour's meta package.
kver_of() {
	apt-cache depends "linux-headers-$1" 2>/dev/null |
		sed -n "s/.*Depends: linux-headers-\(.*-$1\)\$/\1/p" | head -n1
}

K1=$(kver_of amd64)
K2=$(kver_of cloud-amd64)
K3=$(kver_of rt-amd64)

ours() {	# <kver> <version>: hv_netvsc of that kernel is ours, that version
	p=$(modinfo -k "$1" -n hv_netvsc 2>/dev/null)
	v=$(modinfo -k "$1" -F version hv_netvsc 2>/dev/null)
	case $p in */updates/*) ;; *) return 1 ;; esac
	[ "$v" = "$2" ] && [ -n "$(modinfo -k "$1" -F compat_kernel hv_netvsc)" ]
}

# <kver> <pattern>: the initramfs of that kernel (if it has one and carries
# hv_netvsc at all) holds the module at a path matching pattern.
initrd_has() {
	img=/boot/initrd.img-$1
	[ -e "$img" ] || return 0
	lsinitramfs "$img" | grep -q '/hv_netvsc\.ko' || return 0
	lsinitramfs "$img" | grep -q "$2"
}

# <kver> <dkms-state> <loads>: hv-netvsc-status agrees.
status_says() {
	hv-netvsc-status "$1" | awk -v k="$1" -v d="$2" -v l="$3" \
		'$1 == k && $2 == d && $3 == l { ok = 1 } END { exit !ok }'
}

intree() {	# <kver>: hv_netvsc of that kernel is the kernel's own
	case $(modinfo -k "$1" -n hv_netvsc 2>/dev/null) in
	*/kernel/drivers/net/hyperv/hv_netvsc.ko*) return 0 ;;
	esac
	return 1
}

case $step in
prepare)
	# Start from one kernel with headers and image (the in-tree driver on
	# disk), no cloud-amd64 headers (step headers adds them), no dkms.
	apt-get -q -y purge 'linux-headers-*cloud-amd64' dkms >/dev/null 2>&1
	apt-get -q -y autoremove >/dev/null 2>&1
	if apt-get -q -y install "linux-image-$K1" "linux-headers-$K1" >/tmp/prep.log 2>&1 &&
		intree "$K1"; then
		res PASS "kernel $K1 with its in-tree hv_netvsc; cloud=$K2 rt=$K3"
	else
		tail -n 15 /tmp/prep.log
		res FAIL "could not install linux-image-$K1"
	fi
	;;
install)
	t0=$(date +%s)
	apt-get -q -y install "$pk/hv-netvsc-dkms_${v1}_all.deb" >/tmp/install.log 2>&1
	rc=$?
	t1=$(date +%s)
	if [ $rc = 0 ] && ours "$K1" "$v1" && initrd_has "$K1" 'updates/.*hv_netvsc\.ko' &&
		status_says "$K1" installed ours; then
		res PASS "apt-get install ./deb: $K1 -> $(modinfo -k "$K1" -n hv_netvsc), initramfs refreshed ($((t1 - t0)) s)"
	else
		tail -n 25 /tmp/install.log
		res FAIL "apt rc=$rc, $K1 loads $(modinfo -k "$K1" -n hv_netvsc 2>&1)"
	fi
	;;
headers)
	t0=$(date +%s)
	apt-get -q -y install "linux-headers-$K2" >/tmp/headers.log 2>&1
	rc=$?
	t1=$(date +%s)
	if [ $rc = 0 ] && ours "$K2" "$v1" && ours "$K1" "$v1"; then
		res PASS "new headers $K2: built by DKMS on its own ($((t1 - t0)) s)"
	else
		tail -n 25 /tmp/headers.log
		res FAIL "apt rc=$rc, $K2 loads $(modinfo -k "$K2" -n hv_netvsc 2>&1)"
	fi
	;;
upgrade)
	t0=$(date +%s)
	apt-get -q -y install "$pk/hv-netvsc-dkms_${v2}_all.deb" >/tmp/upgrade.log 2>&1
	rc=$?
	t1=$(date +%s)
	old=$(find /lib/modules -path '*/updates/*' -name 'hv_netvsc.ko*' \
		-exec modinfo -F version {} \; 2>/dev/null | grep -cx "$v1")
	if [ $rc = 0 ] && [ "$old" = 0 ] && [ ! -e "/var/lib/dkms/hv-netvsc/$v1" ] &&
		ours "$K1" "$v2" && ours "$K2" "$v2"; then
		res PASS "$v1 -> $v2: old builds gone, $K1 and $K2 rebuilt ($((t1 - t0)) s)"
	else
		tail -n 25 /tmp/upgrade.log
		dkms status
		res FAIL "apt rc=$rc, $old $v1 builds left"
	fi
	;;
boot)
	# The module as DKMS installed it for the kernel tests/e2e boots, for
	# run.sh to boot.  The upgraded one: it went through the package's
	# first build and its upgrade rebuild, the state a long-lived machine
	# is in.  A kernel with no build yet gets its headers installed, and
	# DKMS must then build for it with no command from us.
	k=${kboot:-$K1}
	mod() { ls "/lib/modules/$k/updates/dkms/"hv_netvsc.ko* 2>/dev/null | head -n1; }
	note=""
	if [ -z "$(mod)" ]; then
		apt-get -q -y install "linux-headers-$k" >/tmp/boot.log 2>&1
		note=" (headers installed for it, built by DKMS)"
	fi
	f=$(mod)
	if [ -z "$f" ]; then
		tail -n 25 /tmp/boot.log 2>/dev/null
		dkms status
		res FAIL "no module under /lib/modules/$k/updates/dkms"
		exit 0
	fi
	ver=$(modinfo -F version "$f")
	loads=$(modinfo -k "$k" -n hv_netvsc 2>/dev/null)
	signer=$(modinfo -F signer "$f")
	sigkey=$(modinfo -F sig_key "$f" | tr -d ':' | sed 's/^0*//')
	dkmsv=$(dkms --version 2>/dev/null | sed -n 's/^[^0-9]*\([0-9][0-9.]*\).*/\1/p')
	# dkms 3 signs with its MOK, made on first use; 2.8 does not sign.
	cert=/var/lib/dkms/mok.pub
	serial=""
	if [ -e "$cert" ]; then
		serial=$( (openssl x509 -inform DER -in "$cert" -noout -serial 2>/dev/null ||
			openssl x509 -in "$cert" -noout -serial) | sed 's/^serial=//; s/^0*//')
	fi
	case $dkmsv in
	[012].*) want_sig=no ;;
	*) want_sig=yes ;;
	esac
	if [ -n "$signer" ]; then
		sig="signed by '$signer', key $sigkey"
	else
		sig="unsigned (dkms $dkmsv)"
	fi
	sig_ok=yes
	if [ $want_sig = yes ]; then
		[ -n "$signer" ] && [ -n "$serial" ] && [ "$sigkey" = "$serial" ] || sig_ok=no
	fi
	rm -f /hvn-out/hv_netvsc.ko* /hvn-out/info
	cp -p "$f" /hvn-out/
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	if [ "$loads" = "$f" ] && [ "$ver" = "$v2" ] &&
		[ -n "$(modinfo -F compat_kernel "$f")" ] && [ $sig_ok = yes ] &&
		cmp -s "$f" "/hvn-out/${f##*/}"; then
		printf 'kver=%s\nfile=%s\nsha256=%s\nsigned=%s\n' "$k" "${f##*/}" \
			"$sum" "${signer:+yes}" >/hvn-out/info
		res PASS "$k: $f$note, version $ver, $sig, sha256 $(echo "$sum" | cut -c1-12)"
	else
		res FAIL "$k: $f version '$ver' (want $v2), $k loads '$loads', $sig (dkms $dkmsv, MOK serial '$serial')"
	fi
	;;
failure)
	# A new kernel whose headers lack a file the build needs.
	echo "path-exclude=/usr/src/linux-headers-$K3/include/generated/autoconf.h" \
		>/etc/dpkg/dpkg.cfg.d/hvn-broken-headers
	apt-get -q -y install "linux-image-$K3" "linux-headers-$K3" >/tmp/failure.log 2>&1
	rc=$?
	rm -f /etc/dpkg/dpkg.cfg.d/hvn-broken-headers
	state=$(dpkg-query -W -f='${db:Status-Abbrev}' "linux-image-$K3" 2>/dev/null)
	said=$(grep -c "does not build for kernel $K3" /tmp/failure.log)
	if [ $rc = 0 ] && [ "$state" = "ii " ] && [ -e "/boot/initrd.img-$K3" ] &&
		[ "$said" -gt 0 ] && intree "$K3" &&
		[ ! -e "/lib/modules/$K3/updates/dkms/hv_netvsc.ko" ] &&
		status_says "$K3" unbuildable in-tree && status_says "$K1" installed ours &&
		ours "$K1" "$v2" && ours "$K2" "$v2"; then
		res PASS "$K3 does not build: kernel configured (initramfs made), it keeps the in-tree driver, $K1/$K2 keep ours"
	else
		grep -v '^Get:\|^Unpacking\|^Selecting\|^Preparing' /tmp/failure.log | tail -n 30
		res FAIL "apt rc=$rc, image state '$state', message seen $said times, $K3 loads $(modinfo -k "$K3" -n hv_netvsc 2>&1)"
	fi
	;;
purge)
	apt-get -q -y purge hv-netvsc-dkms >/tmp/purge.log 2>&1
	rc=$?
	left=$(find /lib/modules -path '*/updates/*' -name 'hv_netvsc.ko*' 2>/dev/null
		ls -d /var/lib/dkms/hv-netvsc /var/lib/hv-netvsc-dkms /usr/src/hv-netvsc-* 2>/dev/null)
	if [ $rc = 0 ] && [ -z "$left" ] && intree "$K1" &&
		initrd_has "$K1" 'kernel/drivers/net/hyperv/hv_netvsc\.ko' &&
		! lsinitramfs "/boot/initrd.img-$K1" 2>/dev/null | grep -q 'updates/.*hv_netvsc'; then
		res PASS "purged: nothing left under /lib/modules or /var/lib/dkms; $K1 back to in-tree"
	else
		tail -n 15 /tmp/purge.log
		res FAIL "apt rc=$rc, left: $(echo $left)"
	fi
	;;
esac
