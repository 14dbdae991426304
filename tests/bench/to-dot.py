#!/usr/bin/env python3
"""An Entente story as an undirected Graphviz graph, for sfdp."""
import json
import sys

story = json.load(open(sys.argv[1], encoding="utf-8"))
print("graph G {")
for entity in story["entities"]:
    print('  "%s";' % entity["id"])
for relation in story["relations"]:
    print('  "%s" -- "%s";' % (relation["from"], relation["to"]))
print("}")
