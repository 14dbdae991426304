#!/bin/bash
# Lays out the same Barabási–Albert graphs with Entente, d3-force (npm) and
# Graphviz sfdp (Debian) in one run, and prints times, quality and ratios.
# usage: tests/bench/compare.sh [BUILD_DIR]      (SIZES="1000 10000" by default)
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node_dir=$root/$build/bench-node

if [ ! -d "$node_dir/node_modules/d3-force" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --silent --no-audit --no-fund d3-force@3 >/dev/null)
fi
cp "$root/tests/bench/d3-layout.mjs" "$node_dir/"

for n in ${SIZES:-1000 10000}; do
  story=$tmp/ba$n.entente.json
  "$root/$build/tests/bench/entente-bench" --dump "$story" --dump-size "$n"

  ours=$("$root/$build/tests/bench/entente-bench" --sizes "$n" --frames 1 | awk '/layout_settle_ms/ {print $3}')
  "$root/$build/app/entente" --export "$tmp/ours.json" "$story"

  read -r d3_ms d3_ticks < <(node "$node_dir/d3-layout.mjs" "$story" "$tmp/d3.json")

  /usr/bin/python3 "$root/tests/bench/to-dot.py" "$story" > "$tmp/g.dot"
  start=$(date +%s%N)
  sfdp -Tplain "$tmp/g.dot" > "$tmp/sfdp.txt"
  sfdp_ms=$(( ($(date +%s%N) - start) / 1000000 ))

  read -r ours_stress ours_cross < <(/usr/bin/python3 "$root/tests/bench/quality.py" "$story" "$tmp/ours.json")
  read -r d3_stress d3_cross < <(/usr/bin/python3 "$root/tests/bench/quality.py" "$story" "$tmp/d3.json")
  read -r sfdp_stress sfdp_cross < <(/usr/bin/python3 "$root/tests/bench/quality.py" "$story" "$tmp/sfdp.txt" --plain)

  echo "N=$n layout_ms entente $ours d3-force $d3_ms sfdp $sfdp_ms"
  echo "N=$n speedup vs_d3 $(awk "BEGIN {printf \"%.1f\", $d3_ms / $ours}")x vs_sfdp $(awk "BEGIN {printf \"%.1f\", $sfdp_ms / $ours}")x"
  echo "N=$n stress entente $ours_stress d3-force $d3_stress sfdp $sfdp_stress"
  echo "N=$n crossing_share entente $ours_cross d3-force $d3_cross sfdp $sfdp_cross"
done
