#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what the tests need on the host itself (a Debian 12 machine).
# Kernels, headers and their compilers live in debootstrap roots instead
# (scripts/roots.sh): never add other releases to this machine's apt sources.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKGS="debootstrap make gcc libc6-dev kmod perl ca-certificates xz-utils
      libcmocka-dev lcov clang libclang-rt-14-dev libbpf-dev
      qemu-system-x86 busybox-static cpio"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
[ "$(id -u)" = 0 ] || hvn_die "missing packages:$missing (run as root, or apt-get install them)"
hvn_log "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get -q update >/dev/null
# shellcheck disable=SC2086
apt-get -q -y install --no-install-recommends $missing >/dev/null
