#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run each fuzz harness for FUZZ_SECONDS seconds (or FUZZ_RUNS executions)
# on its corpus, report executions, exec/s, corpus size and coverage, and
# end with "fuzz: N passed, N failed".  A harness fails on any finding
# (libFuzzer exits non-zero and writes an artifact) or if it did not run.
# usage: run.sh OUT_DIR HARNESS...

out=$1
shift
secs=${FUZZ_SECONDS:-30}
runs=${FUZZ_RUNS:-}
passed=0
failed=0

mkdir -p "$out/artifacts" "$out/logs"
if [ -n "$runs" ]; then
	echo "fuzz: running $# harness(es), $runs executions each (at most $secs s)"
else
	echo "fuzz: running $# harness(es), $secs s each"
fi
printf '%-11s %12s %9s %10s %6s %6s  %s\n' harness executions exec/s corpus cov ft result

for h in "$@"; do
	bin=$out/bin/fuzz_$h
	corpus=$out/corpus/$h
	log=$out/logs/$h.log
	mkdir -p "$corpus"
	if [ ! -x "$bin" ]; then
		echo "fuzz: no harness named $h"
		failed=$((failed + 1))
		continue
	fi
	# rx: up to 8 KiB, enough for a transfer-page packet with more ranges
	# than the RSC fragment limit; sections: 1 KiB of operations is plenty
	case $h in
	rx) maxlen=8192 ;;
	sections) maxlen=1024 ;;
	*) maxlen=4096 ;;
	esac
	before=$(ls "$out/artifacts" | grep -c "^$h-")
	# -max_total_time bounds the run; -runs (if given) stops it earlier
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$bin" -max_total_time="$secs" ${runs:+-runs="$runs"} \
		-max_len=$maxlen -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$out/artifacts/$h-" \
		$FUZZ_FLAGS "$corpus" >"$log" 2>&1
	rc=$?
	after=$(ls "$out/artifacts" | grep -c "^$h-")

	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
	final=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n1)
	cov=$(echo "$final" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$final" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	# corpus as libFuzzer holds it: inputs/bytes
	ncorp=$(echo "$final" | sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p')

	if [ "$rc" -eq 0 ] && [ "$after" -eq "$before" ] && [ -n "$execs" ]; then
		result=ok
		passed=$((passed + 1))
	else
		result="FAILED (exit $rc)"
		failed=$((failed + 1))
	fi
	printf '%-11s %12s %9s %10s %6s %6s  %s\n' "$h" "${execs:-?}" \
		"${rate:-?}" "${ncorp:-?}" "${cov:-?}" "${ft:-?}" "$result"
	if [ "$result" != ok ]; then
		# what went wrong, and the input that shows it
		grep -E 'ERROR:|invariant broken|runtime error|SUMMARY:|Test unit written' \
			"$log" | head -n 8 | sed 's/^/    /'
		echo "    log: $log"
		ls "$out/artifacts" | grep "^$h-" | sed "s|^|    artifact: $out/artifacts/|"
	fi
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
