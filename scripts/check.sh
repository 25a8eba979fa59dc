#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The test entry points.
#   scripts/check.sh full    everything CI runs: unit, fuzz, lint, the
#                            8-kernel matrix, packaging and e2e on every
#                            release
#   scripts/check.sh quick   the same on one kernel (bookworm, amd64)
# Each stage prints "<stage>: N passed, N failed"; the last line is the sum.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-full}
logs=$HVN_CACHE/check
mkdir -p "$logs"

bash "$top/scripts/setup-host.sh" || exit 1

total_pass=0
total_fail=0
summary=()
failed_stages=()

# run_stage <name> <command...>: run, echo its output, take its count line.
run_stage() {
	local name=$1 t0 t1 rc line p f
	shift
	hvn_log "stage $name: $*"
	t0=$(date +%s)
	"$@" 2>&1 | tee "$logs/$name.log"
	rc=${PIPESTATUS[0]}
	t1=$(date +%s)
	line=$(grep -E '^([A-Za-z0-9_-]+: )?[0-9]+ passed, [0-9]+ failed' "$logs/$name.log" | tail -n1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
		f=$(echo "$line" | sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
	else
		p=0
		f=0
	fi
	# A stage that failed without saying what failed still counts as one.
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	if [ "$f" != 0 ]; then
		failed_stages+=("$name")
	fi
	summary+=("$(printf '%-10s %4d passed %4d failed %5ss' "$name" "$p" "$f" $((t1 - t0)))")
}

absent() {
	summary+=("$(printf '%-10s not run: %s' "$1" "$2")")
}

if [ -f "$top/tests/unit/Makefile" ]; then
	run_stage unit make --no-print-directory -C "$top/tests/unit"
else
	absent unit "tests/unit does not exist yet"
fi

if [ -f "$top/tests/fuzz/Makefile" ]; then
	run_stage fuzz make --no-print-directory -C "$top/tests/fuzz" FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
else
	absent fuzz "tests/fuzz does not exist yet"
fi

run_stage lint bash "$top/scripts/lint.sh"

if [ "$mode" = quick ]; then
	HVN_FLAVOURS=amd64 run_stage matrix bash "$top/scripts/matrix.sh" bookworm
else
	run_stage matrix bash "$top/scripts/matrix.sh"
fi

if [ "$mode" = quick ]; then
	run_stage packaging bash "$top/tests/packaging/run.sh" bookworm
else
	run_stage packaging bash "$top/tests/packaging/run.sh"
fi

# e2e: one boot per release; in it the distro's own driver first (it proves
# the emulator), then ours.
if [ "$mode" = quick ]; then
	e2e_rel="--release bookworm"
else
	e2e_rel=""
fi
# shellcheck disable=SC2086
run_stage e2e "$top/tests/e2e/run.sh" $e2e_rel --driver intree --driver ours

# What failed, again, next to the tally: a CI log is often read from its end.
if [ ${#failed_stages[@]} -gt 0 ]; then
	echo
	echo "== failures"
	for name in "${failed_stages[@]}"; do
		echo "-- $name ($logs/$name.log)"
		if ! grep -E '(^|[[:space:]])FAIL([[:space:]:(]|$)|^checkpatch: |^sparse: |ERROR: |not ok ' \
			"$logs/$name.log" | head -n 25; then
			tail -n 15 "$logs/$name.log"
		fi
	done
fi

echo
echo "== summary ($mode)"
for s in "${summary[@]}"; do echo "$s"; done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
