# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the scripts in this directory.  Source it, do not run it.

# Caches live outside the repository so they survive between runs.
HVN_CACHE=${HVN_CACHE:-/var/cache/hv-netvsc-dkms}
HVN_ROOTS=${HVN_ROOTS:-$HVN_CACHE/roots}

# The releases of the kernel matrix, oldest first.
HVN_RELEASES=${HVN_RELEASES:-"bullseye bookworm trixie sid"}
HVN_FLAVOURS=${HVN_FLAVOURS:-"amd64 cloud-amd64"}

hvn_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
hvn_die() { hvn_log "error: $*"; exit 1; }

# The Debian mirror the machine already uses (never hard-code another).
hvn_mirror() {
	local uri
	uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' \
		/etc/apt/sources.list 2>/dev/null)
	[ -n "$uri" ] || hvn_die "cannot find a Debian mirror in the apt sources"
	printf '%s\n' "$uri"
}

hvn_security_mirror() {
	local uri
	uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /security/) { print $i; exit } }' \
		/etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
	[ -n "$uri" ] || uri="$(hvn_mirror | sed 's,/debian/*$,/debian-security,')"
	printf '%s\n' "$uri"
}

# Run a command inside a release root, with /proc, /sys and /dev bound in a
# private mount namespace: the mounts vanish with the command, even on error.
# Extra bind mounts: HVN_BIND="src:dst src:dst" (dst inside the root).
hvn_chroot() {
	local root=$1
	shift
	hvn_enter "$root" "" "$@"
}

# Like hvn_chroot, but on a disposable copy of the root: an overlay whose
# writable layer is <state>/upper, kept between calls (so one test can run
# several commands) and thrown away by deleting <state>.
hvn_chroot_overlay() {
	mkdir -p "$2/upper" "$2/work" "$2/merged"
	hvn_enter "$@"
}

# hvn_enter <root> <overlay-state or ""> <command...>
hvn_enter() {
	unshare --mount --propagation private -- /bin/sh -ec '
		root=$1; state=$2; shift 2
		m=$root
		if [ -n "$state" ]; then
			m=$state/merged
			mount -t overlay overlay \
				-o "lowerdir=$root,upperdir=$state/upper,workdir=$state/work" "$m"
		fi
		mount --bind /proc "$m/proc"
		mount --bind /sys "$m/sys"
		mount --bind /dev "$m/dev"
		for b in $HVN_BIND; do
			s=${b%%:*}; d=$m${b#*:}
			mkdir -p "$d"
			mount --bind "$s" "$d"
		done
		exec chroot "$m" /usr/bin/env -i HOME=/root \
			PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
			DEBIAN_FRONTEND=noninteractive "$@"
	' hvn-chroot "$@"
}
