#!/bin/bash
# The command-line modes, as a user runs them, with no display.
# usage: test-cli.sh ENTENTE_BINARY BUNDLED_STORY
set -u
entente=$1
story=$2
unset DISPLAY WAYLAND_DISPLAY
source "$(dirname "$0")/tap.sh"

out=$("$entente" --validate "$story" 2>&1); rc=$?
check "validate the bundled story" '[ $rc -eq 0 ] && [[ "$out" == *": ok ("*" entities, "*" relations, 5 quotes, "*" events)" ]]'

printf '{"entente": 1, "id": "x",\n  "title": }' > "$tmp/syntax.entente.json"
out=$("$entente" --validate "$tmp/syntax.entente.json" 2>&1); rc=$?
check "syntax error: exit 1, file:line:column" '[ $rc -eq 1 ] && [[ "$out" == "$tmp/syntax.entente.json:2:"* ]]'

sed 's/"to": "openai", "kind": "investment"/"to": "opnai", "kind": "investment"/' "$story" > "$tmp/dangling.entente.json"
out=$("$entente" --validate "$tmp/dangling.entente.json" 2>&1); rc=$?
check "dangling reference: JSON path and suggestion" '[ $rc -eq 1 ] && [[ "$out" == *"\$.relations["*"].to: no entity has the id “opnai” (did you mean “openai”?)"* ]]'

out=$("$entente" --validate "$story" "$tmp/syntax.entente.json" 2>&1); rc=$?
check "several files: each reported, exit 1" '[ $rc -eq 1 ] && [[ "$out" == *": ok ("* ]] && [[ "$out" == *"syntax.entente.json:2:"* ]]'

out=$("$entente" --validate "$tmp/missing.entente.json" 2>&1); rc=$?
check "missing file named" '[ $rc -eq 1 ] && [[ "$out" == *"missing.entente.json"* ]]'

"$entente" --export "$tmp/graph.png" --size 800x500 >/dev/null 2>&1
check "export PNG at the given size" '[ "$(head -c 4 "$tmp/graph.png" | od -An -c | tr -d " ")" = "211PNG" ] && [ "$(od -An -tu1 -j16 -N8 "$tmp/graph.png" | tr -s " ")" = " 0 0 3 32 0 0 1 244" ]'

"$entente" --export "$tmp/graph.svg" --date 2019-07 "$story" >/dev/null 2>&1
check "export SVG" 'grep -q "<svg" "$tmp/graph.svg"'
check "SVG labels are text, not outlines" 'grep -q ">OpenAI</text>" "$tmp/graph.svg" && grep -q ">Microsoft and OpenAI</text>" "$tmp/graph.svg"'

"$entente" --export "$tmp/graph.pdf" --lang fr >/dev/null 2>&1
check "export PDF" '[ "$(head -c 5 "$tmp/graph.pdf")" = "%PDF-" ]'

"$entente" --export "$tmp/all.json" >/dev/null 2>&1
"$entente" --export "$tmp/early.json" --date 2010 >/dev/null 2>&1
"$entente" --export "$tmp/again.json" >/dev/null 2>&1
check "export JSON positions, filtered by date, deterministic" \
  '/usr/bin/python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert all(set(n)=={\"id\",\"x\",\"y\"} for n in a[\"nodes\"]); assert 0 < len(b[\"nodes\"]) < len(a[\"nodes\"])" "$tmp/all.json" "$tmp/early.json" && cmp -s "$tmp/all.json" "$tmp/again.json"'

out=$("$entente" --export "$tmp/graph.gif" 2>&1); rc=$?
check "unknown export format refused" '[ $rc -eq 2 ] && [[ "$out" == *".png, .svg, .pdf or .json"* ]] && [ ! -e "$tmp/graph.gif" ]'

out=$("$entente" --export "$tmp/x.png" --date 2023-02-30 2>&1); rc=$?
check "impossible --date refused" '[ $rc -eq 2 ] && [[ "$out" == *"day 30 does not exist"* ]]'

out=$("$entente" --export "$tmp/x.png" --size 10x99999 2>&1); rc=$?
check "absurd --size refused" '[ $rc -eq 2 ]'

out=$("$entente" --export "$tmp/fr.json" --lang fr "$tmp/dangling.entente.json" 2>&1); rc=$?
check "export of a bad story fails with its error, in French" '[ $rc -eq 1 ] && [[ "$out" == *"vouliez-vous dire « openai »"* ]] && [ ! -e "$tmp/fr.json" ]'

tap_done
