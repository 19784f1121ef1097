#!/usr/bin/env bash
# The main job on the bundled examples: load the demo watchlist, screen names, read the demo
# articles, corroborate them into stories and write a report a person can read.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=build/demo
M=".venv/bin/mistrust --db $OUT/mistrust.db"
mkdir -p "$OUT"
rm -rf "$OUT"/mistrust.db*

echo "== 1. lists: load the demo watchlist"
$M lists load examples/watchlist.ftm.json
$M lists show

echo "== 2. screening: one name, then a CSV batch"
$M screen "Shahid Haj Ali Movahed Research Center"
$M screen --input examples/names.csv --output "$OUT/hits.jsonl"

echo "== 3. reading: ingest and analyze the demo articles"
$M ingest examples/articles.jsonl examples/articles --analyze
$M documents
$M claims

echo "== 4. corroboration: stories, claim groups, independent origins"
$M corroborate
$M stories

echo "== 5. workbench: the review queue (screens, the batch, article links) and the alerts the articles raised"
$M review --limit 8
$M alerts --limit 8

echo "== 6. report"
$M report --out "$OUT/report.html" --png "$OUT/network.png"
$M report --format md --out "$OUT/report.md"
echo
echo "Report written to $OUT/report.html (also $OUT/report.md and $OUT/network.png)"
