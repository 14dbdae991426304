#!/usr/bin/env python3
"""Prints the closing line of a test run, "N passed, N failed", counting
every TAP test case of every suite (a program that is not TAP counts as one),
from meson's testlog.json. Exits 1 when anything failed or nothing ran."""
import json
import re
import sys

log = sys.argv[1] if len(sys.argv) > 1 else "build/meson-logs/testlog.json"
passed = failed = skipped = 0
tap_line = re.compile(r"^(not ok|ok)\b(.*)$")

try:
    entries = [json.loads(line) for line in open(log, encoding="utf-8") if line.strip()]
except OSError as error:
    print(f"no test log: {error}")
    print("0 passed, 1 failed")
    sys.exit(1)

for entry in entries:
    cases = [tap_line.match(l) for l in (entry.get("stdout") or "").splitlines()]
    cases = [c for c in cases if c]
    if not cases:
        if entry["result"] == "SKIP":
            skipped += 1
        elif entry["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
        continue
    for c in cases:
        if "# SKIP" in c.group(2).upper():
            skipped += 1
        elif c.group(1) == "ok":
            passed += 1
        else:
            failed += 1
    # A program that crashed after some "ok" lines still failed.
    if entry["result"] not in ("OK", "EXPECTEDFAIL", "SKIP") and all(c.group(1) == "ok" for c in cases):
        failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
