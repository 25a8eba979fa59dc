#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The README's kernel x scenario table from tests/e2e's results file.
#   scripts/e2e-table.sh [build/e2e/results.jsonl]
# Each cell: passes/runs over the host profiles per driver; "n/r" counts
# scenarios reported as not run (the in-tree driver lacks the control),
# "n/k" those the booted kernel or its release cannot run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
f=${1:-$top/build/e2e/results.jsonl}
[ -f "$f" ] || { echo "no results file $f" >&2; exit 1; }

# one line per result: release kernel driver scenario result
sed -E 's/.*"release":"([^"]*)","kernel":"([^"]*)","driver":"([^"]*)","profile":"[^"]*","scenario":"([^"]*)","result":"([^"]*)".*/\1 \2 \3 \4 \5/' "$f" |
awk '
	BEGIN { split("bullseye bookworm trixie sid", order, " ") }
	NF == 5 {
		rel = $1; k[rel] = $2; d = $3; s = $4
		if (!(s in seen)) { seen[s] = 1; sc[++ns] = s }
		runs[rel, d, s]++
		if ($5 == "pass") pass[rel, d, s]++
		if ($5 == "not-run") nr[rel, d, s]++
		if ($5 == "no-kernel") nk[rel, d, s]++
		if (!((rel, d) in has)) { has[rel, d] = 1 }
		hasrel[rel] = 1
	}
	END {
		line = "| scenario |"; sep = "|---|"
		for (i = 1; i <= 4; i++) if (order[i] in hasrel) {
			line = line " " order[i] " " k[order[i]] " |"; sep = sep "---|"
		}
		print line; print sep
		for (j = 1; j <= ns; j++) {
			s = sc[j]; line = "| " s " |"
			for (i = 1; i <= 4; i++) {
				rel = order[i]
				if (!(rel in hasrel)) continue
				cell = ""
				split("intree ours dkms", drv, " ")
				for (m = 1; m <= 3; m++) {
					d = drv[m]
					if (!((rel, d, s) in runs)) continue
					c = d " " pass[rel, d, s] + 0 "/" runs[rel, d, s]
					if (nr[rel, d, s]) c = c " (" nr[rel, d, s] " n/r)"
					if (nk[rel, d, s]) c = c " (" nk[rel, d, s] " n/k)"
					cell = cell (cell == "" ? "" : ", ") c
				}
				line = line " " (cell == "" ? "-" : cell) " |"
			}
			print line
		}
	}'
