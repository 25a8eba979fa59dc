#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run the unit test programs, report cmocka results and the line coverage
# of src/proto, and end with "unit: N passed, N failed".
# usage: run.sh BUILD_DIR COV_MIN TEST_PROGRAM...

build=$1
cov_min=$2
shift 2

passed=0
failed=0
status=0

# Fresh coverage counters for this run
find "$build/proto" -name '*.gcda' -delete 2>/dev/null

for t in "$@"; do
	name=$(basename "$t")
	out="$build/$name.log"
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		"$t" >"$out" 2>&1
	rc=$?
	cat "$out"
	# Count from "Running N test(s)" and the "[       OK ]" lines, so a
	# program killed by a sanitizer counts its unfinished tests as failed.
	run=$(sed -n 's/^\[=*\] Running \([0-9][0-9]*\) test(s)\..*/\1/p' "$out" |
	      awk '{ n += $1 } END { print n + 0 }')
	ok=$(grep -c '^\[       OK \]' "$out")
	if [ "$run" -eq 0 ]; then
		echo "unit: $name did not run (exit status $rc)"
		failed=$((failed + 1))
		status=1
		continue
	fi
	passed=$((passed + ok))
	failed=$((failed + run - ok))
	if [ "$rc" -ne 0 ] || [ "$ok" -ne "$run" ]; then
		status=1
	fi
done

echo
echo "Line coverage of src/proto/*.c:"
if ! command -v lcov >/dev/null 2>&1; then
	echo "unit: lcov not found, no coverage report (fix: apt-get install lcov)"
	status=1
else
	lcov --quiet --rc lcov_branch_coverage=1 --capture \
		--directory "$build/proto" \
		--output-file "$build/coverage.all.info" >/dev/null 2>&1 &&
	lcov --quiet --rc lcov_branch_coverage=1 \
		--extract "$build/coverage.all.info" '*/src/proto/*' \
		--output-file "$build/coverage.info" >/dev/null 2>&1
	if [ $? -ne 0 ] || [ ! -s "$build/coverage.info" ]; then
		echo "unit: lcov could not capture coverage data"
		status=1
	else
		lcov --rc lcov_branch_coverage=1 --list "$build/coverage.info" \
			2>/dev/null |
			sed -n '/^\[/d;/|/p'
		pct=$(lcov --summary "$build/coverage.info" 2>&1 |
		      sed -n 's/^ *lines\.*: *\([0-9.]*\)%.*/\1/p')
		lines=$(lcov --summary "$build/coverage.info" 2>&1 |
			sed -n 's/^ *lines\.*: *[0-9.]*% (\(.*\))/\1/p')
		branches=$(lcov --rc lcov_branch_coverage=1 \
			   --summary "$build/coverage.info" 2>&1 |
			   sed -n 's/^ *branches\.*: *\(.*\)/\1/p')
		echo "unit coverage: ${pct}% of lines ($lines), minimum ${cov_min}%; branches: $branches"
		if [ -z "$pct" ] ||
		   ! awk -v p="$pct" -v m="$cov_min" 'BEGIN { exit !(p >= m) }'; then
			echo "unit: coverage below ${cov_min}%"
			status=1
		fi
	fi
fi

echo "unit: $passed passed, $failed failed"
exit $status
