# Sourced by the script tests: a TAP check per assertion, a scratch folder
# removed on exit, and `tap_done` to print the plan and set the exit status.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

# check DESCRIPTION SHELL_CONDITION
check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=$((failed + 1)); fi
}

tap_done () {
  echo "1..$n"
  [ $failed -eq 0 ]
}
