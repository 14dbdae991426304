#!/bin/bash
# Every file of tests/bad and tests/odd through the command line as a user
# (or an attacker) would run it, and the special files and paths that once
# got past the loader: exit codes, no file left half-written, outputs that
# parse as their format, nothing on the terminal but text.
# usage: test-hostile.sh ENTENTE_BINARY TESTS_DIR BUNDLED_STORY
set -u
entente=$(realpath "$1")
tests_dir=$2
story=$(realpath "$3")
unset DISPLAY WAYLAND_DISPLAY
source "$(dirname "$0")/tap.sh"
python=/usr/bin/python3

# No control character but the line break reaches the terminal.
plain_text () {
  ! printf '%s' "$1" | LC_ALL=C grep -q '[[:cntrl:]]' <<< "$(printf '%s' "$1" | tr -d '\n')"
}

# An export directory holds exactly the wanted file, or nothing at all.
only_file () {
  local dir=$1 want=$2
  [ "$(ls -A "$dir")" = "$want" ]
}

for bad in "$tests_dir"/bad/*.entente.json; do
  name=$(basename "$bad" .entente.json)
  out=$(timeout 60 "$entente" --validate "$bad" 2>&1); rc=$?
  check "bad/$name: --validate exits 1 and says where" \
    '[ $rc -eq 1 ] && [[ "$out" == "$bad"* ]] && plain_text "$out"'
  mkdir -p "$tmp/x-$name"
  out=$(timeout 60 "$entente" --export "$tmp/x-$name/out.svg" "$bad" 2>&1); rc=$?
  check "bad/$name: --export exits 1 and writes nothing" '[ $rc -eq 1 ] && only_file "$tmp/x-$name" ""'
done

for odd in "$tests_dir"/odd/*.entente.json; do
  name=$(basename "$odd" .entente.json)
  out=$(timeout 60 "$entente" --validate "$odd" 2>&1); rc=$?
  check "odd/$name: loads" '[ $rc -eq 0 ] && [[ "$out" == *": ok ("* ]]'
  for format in svg json pdf png; do
    dir="$tmp/o-$name-$format"
    mkdir -p "$dir"
    timeout 60 "$entente" --export "$dir/out.$format" "$odd" >/dev/null 2>&1; rc=$?
    case $format in
      svg) valid='xmllint --noout "$dir/out.svg"' ;;
      json) valid='$python -c "import json,sys; json.load(open(sys.argv[1], encoding=\"utf-8\"))" "$dir/out.json"' ;;
      pdf) valid='[ "$(head -c 5 "$dir/out.pdf")" = "%PDF-" ] && tail -c 7 "$dir/out.pdf" | grep -q "%%EOF"' ;;
      png) valid='[ "$(head -c 4 "$dir/out.png" | od -An -c | tr -d " ")" = "211PNG" ]' ;;
    esac
    check "odd/$name: --export .$format is valid and alone" '[ $rc -eq 0 ] && only_file "$dir" "out.$format" && eval "$valid"'
  done
done

out=$("$entente" --validate "$tests_dir/odd/markup-and-scripts.entente.json" 2>&1)
check "one quote and one event are counted in the singular" '[[ "$out" == *"1 quote, 1 event)" ]]'

# Special files: refused at once, never read until memory runs out.
mkfifo "$tmp/fifo.entente.json"
for special in "$tmp/fifo.entente.json" /dev/zero /dev/urandom; do
  out=$(timeout 20 "$entente" --validate "$special" 2>&1); rc=$?
  check "$special: refused as not a regular file" '[ $rc -eq 1 ] && [[ "$out" == *"not a regular file"* ]]'
done
out=$(timeout 20 "$entente" --validate "$tmp" 2>&1); rc=$?
check "a folder: refused as a folder" '[ $rc -eq 1 ] && [[ "$out" == *"is a folder"* ]]'

# An export over its own input, by any spelling of its path.
cp "$story" "$tmp/s.json"
ln -s "$tmp/s.json" "$tmp/link.json"
for spelling in "$tmp/s.json" "$tmp/./s.json" "$tmp/../$(basename "$tmp")/s.json" "$tmp/link.json"; do
  out=$(cd "$tmp" && timeout 60 "$entente" --export "$spelling" s.json 2>&1); rc=$?
  check "--export over its input ($spelling) refused, story intact" \
    '[ $rc -eq 2 ] && [[ "$out" == *"overwrite the story"* ]] && cmp -s "$story" "$tmp/s.json"'
done

# Terminal escapes in a story's values and in a file's name.
esc=$(printf '\033')
sed 's/"to": "openai", "kind": "investment"/"to": "\\u001b]0;pwned\\u0007\\u001b[2K\\rok", "kind": "investment"/' "$story" > "$tmp/escape.entente.json"
out=$("$entente" --validate "$tmp/escape.entente.json" 2>&1); rc=$?
check "escape sequences in an id are spelled out" \
  '[ $rc -eq 1 ] && plain_text "$out" && [[ "$out" == *"\\u001B]0;pwned\\u0007"* ]]'
cp "$tmp/escape.entente.json" "$tmp/name${esc}]0;title.entente.json"
out=$("$entente" --validate "$tmp/name${esc}]0;title.entente.json" 2>&1); rc=$?
check "escape sequences in a file name are spelled out" '[ $rc -eq 1 ] && plain_text "$out"'

out=$("$entente" --export "$tmp/huge.png" --size 16384x16384 2>&1); rc=$?
check "--size past 8192 refused before anything is drawn" '[ $rc -eq 2 ] && [ ! -e "$tmp/huge.png" ]'

tap_done
