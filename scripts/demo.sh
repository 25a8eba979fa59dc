#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Show the driver working: build it for Debian 12's kernel, boot that kernel
# in QEMU with the Hyper-V host emulator (Azure host profile), load our
# hv_netvsc and run the basic scenarios (probe, versions, ping, channels,
# ethtool, iperf), printing what the guest sees.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/scripts/setup-host.sh"
exec "$top/tests/e2e/run.sh" --release bookworm --driver ours --profiles azure \
	--scenarios "probe versions ping channels ethtool iperf" --verbose
