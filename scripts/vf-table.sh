#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The README's VF tables from a results file of the VF scenarios
# (tests/e2e/run.sh --scenarios "vf ... vfcycle ..."):
#   scripts/vf-table.sh [build/e2e/results.jsonl]
# 1. per kernel, host profile and driver: the VF scenarios passed, not run
#    and failed (named);
# 2. per kernel and profile, ours beside the in-tree driver of the same
#    boot: vfcycle's failover gaps, median/worst ms (lost echo requests
#    median/worst), steady-state gap, and vf's 10 ms ping losses over its
#    unplug.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
f=${1:-$top/build/e2e/results.jsonl}
[ -f "$f" ] || { echo "no results file $f" >&2; exit 1; }

# release kernel driver profile scenario result <detail>
fields() {
	sed -E 's/.*"release":"([^"]*)","kernel":"([^"]*)","driver":"([^"]*)","profile":"([^"]*)","scenario":"(vf[a-z]*)","result":"([^"]*)".*"detail":"(.*)"\}$/\1 \2 \3 \4 \5 \6 \7/;t;d' "$f"
}

# Shared by both tables: rows in release order, one per profile seen;
# each program defines row(key, kernel, profile).
common='
	BEGIN { split("bullseye bookworm trixie sid", order, " ") }
	{
		key = $1 SUBSEP $4
		if (!(key in seen)) { seen[key] = 1; keys[$1] = keys[$1] " " $4 }
		k[$1] = $2
	}
	END {
		for (i = 1; i <= 4; i++) {
			r = order[i]
			if (!(r in keys)) continue
			n = split(keys[r], pr, " ")
			kv = k[r]; sub(/\+.*/, "", kv); sub(/-amd64$/, "", kv)
			for (j = 1; j <= n; j++)
				row(r SUBSEP pr[j], kv, pr[j])
		}
	}'

echo "| kernel | profile | ours | in-tree |"
echo "|---|---|---|---|"
fields | awk "$common"'
	$6 == "pass" { p[key, $3]++ }
	$6 == "fail" { fl[key, $3] = fl[key, $3] " " $5 }
	$6 != "pass" && $6 != "fail" { nr[key, $3] = nr[key, $3] " " $5 }
	function cell(key, d,   c) {
		c = p[key, d] + 0 " pass"
		if (nr[key, d] != "") c = c ", not run:" nr[key, d]
		if (fl[key, d] != "") c = c ", **failed:" fl[key, d] "**"
		return c
	}
	function row(key, kv, prof) {
		print "| " kv " | " prof " | " cell(key, "ours") " | " cell(key, "intree") " |"
	}'

echo
echo "| kernel, profile (cycles) | ours: unplug | ours: plug | in-tree: unplug | in-tree: plug | steady (ours, in-tree) | 10 ms pings lost at the vf unplug (ours, in-tree) |"
echo "|---|---|---|---|---|---|---|"
fields | awk "$common"'
	$5 == "vfcycle" && $6 == "pass" {
		line = $0
		cyc[key] = $7
		if (match(line, /unplug [0-9.]+\/[0-9.]+ ms \([0-9.]+\/[0-9.]+ lost\)/))
			un[key, $3] = substr(line, RSTART + 7, RLENGTH - 7)
		if (match(line, /plug [0-9.]+\/[0-9.]+ ms \([0-9.]+\/[0-9.]+ lost\), steady/))
			pl[key, $3] = substr(line, RSTART + 5, RLENGTH - 13)
		if (match(line, /steady [0-9.]+ ms/))
			st[key, $3] = substr(line, RSTART + 7, RLENGTH - 10)
	}
	$5 == "vf" && $6 == "pass" && match($0, /[0-9]+ of [0-9]+ lost/) {
		pg[key, $3] = substr($0, RSTART, RLENGTH - 5)
	}
	function v(x) { return x == "" ? "-" : x }
	function row(key, kv, prof) {
		if (!(key in cyc)) return
		print "| " kv ", " prof " (" cyc[key] ") | " v(un[key, "ours"]) " | " v(pl[key, "ours"]) \
			" | " v(un[key, "intree"]) " | " v(pl[key, "intree"]) " | " \
			v(st[key, "ours"]) ", " v(st[key, "intree"]) " | " \
			v(pg[key, "ours"]) ", " v(pg[key, "intree"]) " |"
	}'
