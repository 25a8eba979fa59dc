# SPDX-License-Identifier: GPL-2.0
# Helpers of the end-to-end harness: host tools, module staging, initramfs,
# QEMU boot.  Source it after scripts/lib.sh; do not run it.

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HVN_REPO=$(cd "$E2E_DIR/../.." && pwd)
E2E_OUT=${E2E_OUT:-$HVN_REPO/build/e2e}

# Host packages the harness runs (a fresh Debian 12 has none of them).
e2e_host_tools() {
	local need="" cmd pkg
	for cmd in qemu-system-x86_64:qemu-system-x86 cpio:cpio objcopy:binutils \
		xz:xz-utils zstd:zstd debootstrap:debootstrap; do
		pkg=${cmd#*:}
		command -v "${cmd%%:*}" >/dev/null || need="$need $pkg"
	done
	[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx unshare ||
		need="$need busybox-static"
	[ -z "$need" ] && return 0
	hvn_log "installing host tools:$need"
	apt-get -q update >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get -q -y install $need >/dev/null
}

# The kernel release of an image directory.
e2e_krel() { cat "$1/kernel-release"; }

# Find a module of an image by name ("hv_netvsc"), any compression.
e2e_find_mod() {
	local img=$1 name=$2 krel
	krel=$(e2e_krel "$img")
	find "$img/lib/modules/$krel/kernel" \( -name "$name.ko" -o -name "$name.ko.xz" \
		-o -name "$name.ko.zst" -o -name "$name.ko.gz" \) | head -n1
}

# Copy a module uncompressed (busybox insmod reads plain ELF).
e2e_unpack_mod() {
	local src=$1 dst=$2
	case $src in
	*.xz) xz -dc "$src" >"$dst" ;;
	*.zst) zstd -qdc "$src" >"$dst" ;;
	*.gz) gzip -dc "$src" >"$dst" ;;
	*) cp "$src" "$dst" ;;
	esac
}

# A module's "depends=" field.
e2e_mod_depends() {
	objcopy -O binary --only-section=.modinfo "$1" /dev/stdout 2>/dev/null |
		tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' ' '
}

# Stage module $name of image $img and its dependencies (except the VMBus
# module the emulator replaces) into $dir, writing the load order to
# $dir/order.  The in-tree module is stripped of __versions: it was linked
# against Debian's symbol CRCs, which the emulator cannot have.
e2e_stage_mod() {
	local img=$1 name=$2 dir=$3 src dep
	[ -e "$dir/$name.ko" ] && return 0
	src=$(e2e_find_mod "$img" "$name")
	[ -n "$src" ] || hvn_die "module $name not in $img"
	e2e_unpack_mod "$src" "$dir/$name.ko.tmp"
	for dep in $(e2e_mod_depends "$dir/$name.ko.tmp"); do
		case $dep in hv_vmbus) continue ;; esac
		e2e_stage_mod "$img" "$dep" "$dir"
	done
	objcopy --strip-debug --remove-section __versions "$dir/$name.ko.tmp" \
		"$dir/$name.ko" || hvn_die "objcopy failed on $name"
	rm -f "$dir/$name.ko.tmp"
	echo "$name" >>"$dir/order"
}

# Compile the C XDP programs of tests/e2e/bpf into directory $1 with the
# host's clang against Debian 12's libbpf headers (libbpf-dev).  BPF
# objects do not depend on the guest's kernel headers.  On failure $1 holds
# no object but BUILD-FAILED, the compiler's complaint, which the guest's
# xdp scenario reports.
e2e_build_bpf() {
	local out=$1 src obj inc
	inc=/usr/include/$(gcc -dumpmachine)
	rm -f "$out"/*.o "$out/BUILD-FAILED"
	for src in "$E2E_DIR"/bpf/*.bpf.c; do
		obj=$out/$(basename "${src%.c}").o
		if ! clang -O2 -g -Wall -target bpf -I"$inc" -c "$src" -o "$obj" \
			>"$out/build.log" 2>&1; then
			{ echo "$(basename "$src"):"; head -n 20 "$out/build.log"; } >"$out/BUILD-FAILED"
			rm -f "$out"/*.o "$out/build.log"
			return 1
		fi
	done
	rm -f "$out/build.log"
}

# Copy userspace tools of a release root (binary + shared libraries at the
# same paths) into an initramfs tree.  Installs them into the root first.
e2e_stage_tools() {
	local root=$1 tree=$2 pkgs=$3 bins=$4 list
	if ! hvn_chroot "$root" sh -c "for b in $bins; do command -v \$b >/dev/null || exit 1; done"; then
		hvn_log "installing$pkgs into $(basename "$root")"
		hvn_chroot "$root" sh -ec "apt-get -q -y install $pkgs >/dev/null 2>&1 ||
			{ apt-get -q update >/dev/null; apt-get -q -y install $pkgs >/dev/null; }"
	fi
	# "path real-path" pairs, resolved inside the root (absolute symlinks)
	list=$(hvn_chroot "$root" sh -ec '
		for b in "$@"; do
			p=$(command -v "$b")
			echo "$p"
			ldd "$p" | sed -n "s,.*=> \(/[^ ]*\).*,\1,p; s,^[[:space:]]*\(/[^ ]*\) .*,\1,p"
			# dlopen()ed by glibc (pthread_cancel) and never listed by ldd
			ldconfig -p | sed -n "s/.*libgcc_s.so.1 .*=> //p" | head -n1
		done | sort -u | while read -r f; do echo "$f $(readlink -f "$f")"; done' sh $bins)
	mkdir -p "$tree/usr/local/sbin"
	echo "$list" | while read -r f real; do
		case $f in
		*.so*) mkdir -p "$tree$(dirname "$f")"; cp "$root$real" "$tree$f" ;;
		*) cp "$root$real" "$tree/usr/local/sbin/$(basename "$f")" ;;
		esac
	done
}

# Build the initramfs $out from tree $tree plus busybox and an /init that
# runs /e2e/guest.sh and powers off.
e2e_mkinitramfs() {
	local tree=$1 out=$2
	mkdir -p "$tree"/{bin,sbin,proc,sys,dev,tmp,run,etc,root,e2e}
	cp /bin/busybox "$tree/bin/busybox"
	cat >"$tree/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /run/netns /var/run
ln -sf /run/netns /var/run/netns
echo 1 >/proc/sys/kernel/panic_on_oops
ip link set lo up 2>/dev/null
echo "E2E-BOOT $(uname -r) cpus=$(nproc)"
if [ -x /e2e/guest.sh ]; then
	/e2e/guest.sh 2>&1
	echo "E2E-EXIT $?"
fi
sync
echo "E2E-END"
poweroff -f
echo o >/proc/sysrq-trigger
EOF
	chmod +x "$tree/init"
	echo 'root:x:0:0:root:/root:/bin/sh' >"$tree/etc/passwd"
	(cd "$tree" && find . | cpio -o -H newc --quiet) | gzip -1 >"$out"
}

# SR-IOV VF for the guest (E2E_VF=1), ACPI PCI hotplug of the pc machine
# (the guest names the slots by number, /sys/bus/pci/slots/N: the serial the
# emulator sends in its VF association).  QEMU gets:
#  - the VF port: an e1000e at 00:06.0 on hub 1, the link partner of any VF
#    plugged later (the emulator takes it over as the VF's port on the host
#    switch, debugfs vf_port);
#  - a second serial port (ttyS1 in the guest) on a pipe, where the guest
#    asks for VF plug and unplug: "E2E-VF plug <model> <mac> <slot>",
#    "E2E-VF unplug"; the answer is one line, "ok ..." or "err ...";
#  - a QMP monitor on a pipe; e2e_vf_helper performs the requests on it.
E2E_VF_PORT_ADDR=6
E2E_VF_PORT_MAC=52:54:00:9f:00:06

# QMP: send one command, read up to its answer (events are skipped).
e2e_qmp() {
	local line
	printf '%s\n' "$1" >&6
	while read -r -t 30 line <&5; do
		case $line in
		*'"return"'*) QMP_ANSWER=$line; return 0 ;;
		*'"error"'*) QMP_ANSWER=$line; return 1 ;;
		esac
	done
	QMP_ANSWER="no answer from QMP"
	return 1
}

# Wait for a QMP event line matching a glob pattern.
e2e_qmp_event() {
	local line
	while read -r -t "$2" line <&5; do
		case $line in $1) return 0 ;; esac
	done
	return 1
}

# The host side of the guest's VF requests (runs beside QEMU, in the
# background): e2e_vf_helper <dir with ctl.{in,out} and qmp.{in,out}>.
# One VF at a time (QEMU id vf0); each plug gets its own hub port.
e2e_vf_helper() {
	local dir=$1 line n=0 ready=0 answer model mac slot
	exec 3<>"$dir/ctl.out" 4<>"$dir/ctl.in" 5<>"$dir/qmp.out" 6<>"$dir/qmp.in"
	while read -r line <&3; do
		line=${line%$'\r'}
		set -- $line
		[ "${1:-}" = E2E-VF ] || continue
		shift
		echo "[$(date +%T.%N | cut -c1-12)] request: $*"
		if [ $ready = 0 ]; then
			e2e_qmp '{"execute":"qmp_capabilities"}' && ready=1
		fi
		case ${1:-} in
		plug)
			model=${2:-} mac=${3:-} slot=${4:-}
			case $model in
			e1000e|virtio-net-pci) ;;
			*) model="" ;;
			esac
			if [ -z "$model" ] || ! [[ $mac =~ ^([0-9a-f]{2}:){5}[0-9a-f]{2}$ ]] ||
				! [[ $slot =~ ^[0-9]+$ ]] || [ "$slot" -lt 1 ] || [ "$slot" -gt 31 ] ||
				[ "$slot" = $E2E_VF_PORT_ADDR ]; then
				answer="err bad request"
			elif n=$((n + 1)) &&
				e2e_qmp "{\"execute\":\"netdev_add\",\"arguments\":{\"type\":\"hubport\",\"id\":\"vfnet$n\",\"hubid\":1}}" &&
				e2e_qmp "{\"execute\":\"device_add\",\"arguments\":{\"driver\":\"$model\",\"id\":\"vf0\",\"netdev\":\"vfnet$n\",\"mac\":\"$mac\",\"bus\":\"pci.0\",\"addr\":\"$(printf '%#x' "$slot")\",\"romfile\":\"\"}}"; then
				answer="ok plugged $model at slot $slot"
			else
				answer="err $QMP_ANSWER"
			fi
			;;
		unplug)
			if ! e2e_qmp '{"execute":"device_del","arguments":{"id":"vf0"}}'; then
				answer="err $QMP_ANSWER"
			elif ! e2e_qmp_event '*DEVICE_DELETED*"vf0"*' 30; then
				answer="err the guest did not release the VF"
			else
				e2e_qmp "{\"execute\":\"netdev_del\",\"arguments\":{\"id\":\"vfnet$n\"}}"
				answer="ok unplugged"
			fi
			;;
		*) answer="err unknown request" ;;
		esac
		echo "[$(date +%T.%N | cut -c1-12)] $answer"
		printf '%s\n' "$answer" >&4
	done
}

# Boot: e2e_boot <vmlinuz> <initrd> <log> <timeout-seconds> [cmdline-extra]
# The serial console goes to <log> (and, if E2E_VERBOSE=1, to stderr).
# E2E_ACCEL: QEMU's -accel (default tcg: one host thread per vCPU);
# "tcg,thread=single" runs all vCPUs in one thread, without the cross-vCPU
# races of multi-threaded TCG (tests/e2e/README.md, "TCG")
e2e_boot() {
	local kernel=$1 initrd=$2 log=$3 tmo=$4 extra=${5:-} rc=0 vfdir hpid=""
	local -a cmd=(qemu-system-x86_64 -accel "${E2E_ACCEL:-tcg}" -cpu max -smp "${E2E_SMP:-2}"
		-m "${E2E_MEM:-1024}" -nographic -no-reboot -nic none
		-kernel "$kernel" -initrd "$initrd"
		-append "console=ttyS0 panic=-1 oops=panic loglevel=4 $extra")
	if [ "${E2E_VF:-0}" = 1 ]; then
		vfdir=${log%.log}.vf
		rm -rf "$vfdir"
		mkdir -p "$vfdir"
		mkfifo "$vfdir/ctl.in" "$vfdir/ctl.out" "$vfdir/qmp.in" "$vfdir/qmp.out"
		# a second -serial replaces -nographic's default one: name both
		cmd+=(-serial mon:stdio
			-chardev "pipe,id=vfctl,path=$vfdir/ctl" -serial chardev:vfctl
			-chardev "pipe,id=qmp,path=$vfdir/qmp" -mon chardev=qmp,mode=control
			-netdev hubport,id=vfport,hubid=1
			-device "e1000e,netdev=vfport,addr=$E2E_VF_PORT_ADDR,mac=$E2E_VF_PORT_MAC,romfile=")
		e2e_vf_helper "$vfdir" >"$vfdir/helper.log" 2>&1 &
		hpid=$!
	fi
	if [ "${E2E_VERBOSE:-0}" = 1 ]; then
		timeout --foreground -k 5 "$tmo" "${cmd[@]}" </dev/null 2>&1 | tr -d '\r' | tee "$log" >&2 || rc=$?
	else
		timeout -k 5 "$tmo" "${cmd[@]}" </dev/null 2>&1 | tr -d '\r' >"$log" || rc=$?
	fi
	if [ -n "$hpid" ]; then
		kill "$hpid" 2>/dev/null
		wait "$hpid" 2>/dev/null
	fi
	grep -q '^E2E-END' "$log" || return 124
	return 0
}

# Headers directory (inside the root) of an image's kernel.
e2e_kdir() { echo "/usr/src/linux-headers-$(e2e_krel "$1")"; }

# Build the emulator for release root $1 and image $2 into $3 (host path);
# prints the module path.  The sources are staged so the build never writes
# into the repository.
e2e_build_hostsim() {
	local rel=$1 img=$2 out=$3 bind=${4:-modular} log
	rm -rf "$out/src"
	mkdir -p "$out/src/tests" "$out/src/include"
	cp -r "${E2E_HOSTSIM_DIR:-$HVN_REPO/tests/hostsim}" "$out/src/tests/hostsim"
	cp -r "$HVN_REPO/include/hvn" "$out/src/include/"
	log=$out/hostsim-build.log
	if ! HVN_BIND="$out/src:/hvn-build" hvn_chroot "$HVN_ROOTS/$rel" \
		make -j"$(nproc)" -C "$(e2e_kdir "$img")" M=/hvn-build/tests/hostsim \
		HS_BINDING="$bind" modules >"$log" 2>&1; then
		grep -E 'error|warning' "$log" >&2 || tail -n 30 "$log" >&2
		return 1
	fi
	grep -E 'warning' "$log" >&2 || true
	echo "$out/src/tests/hostsim/hvn_hostsim.ko"
}
