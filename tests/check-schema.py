#!/usr/bin/env python3
"""The bundled story against data/story.schema.json, with an independent
validator (python3-jsonschema), and proof that the schema rejects bad stories."""
import copy
import json
import sys

import jsonschema

schema_path, story_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(story_path, encoding="utf-8") as f:
    story = json.load(f)

jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    print(("ok" if ok else "not ok"), passed + failed + 1, "-", name, detail)
    if ok:
        passed += 1
    else:
        failed += 1


errors = sorted(validator.iter_errors(story), key=lambda e: list(e.path))
check("bundled story matches the schema", not errors,
      "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]))

mutations = {
    "unknown entity kind": lambda s: s["entities"][0].update(kind="planet"),
    "month 13": lambda s: s["events"][0].update(date="2023-13"),
    "missing relation status": lambda s: s["relations"][0].pop("status"),
    "negative amount": lambda s: s["relations"][11].update(amount={"value": -1, "currency": "USD"}),
    "wrong version": lambda s: s.update(entente=2),
    "non-web link": lambda s: s["sources"][0].update(url="file:///etc/passwd"),
}
for name, mutate in mutations.items():
    bad = copy.deepcopy(story)
    mutate(bad)
    check(f"schema rejects: {name}", not validator.is_valid(bad))

print(f"1..{passed + failed}")
sys.exit(1 if failed else 0)
