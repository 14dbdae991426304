#!/usr/bin/env python3
"""Layout quality, the same way for every tool: normalised stress against
graph distances (sampled sources, best uniform scale) and the share of edge
pairs that cross (sampled edges against all). Lower is better for both.
usage: quality.py STORY.json POSITIONS.json [--plain SFDP.txt]"""
import json
import random
import sys
from collections import deque

import numpy as np

story = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [e["id"] for e in story["entities"]]
index = {i: k for k, i in enumerate(ids)}
edges = [(index[r["from"]], index[r["to"]]) for r in story["relations"] if r["from"] != r["to"]]

pos = np.zeros((len(ids), 2))
if len(sys.argv) > 3 and sys.argv[3] == "--plain":
    for line in open(sys.argv[2], encoding="utf-8"):
        parts = line.split()
        if parts and parts[0] == "node":
            pos[index[parts[1].strip('"')]] = (float(parts[2]), float(parts[3]))
else:
    for node in json.load(open(sys.argv[2], encoding="utf-8"))["nodes"]:
        pos[index[node["id"]]] = (node["x"], node["y"])

neighbours = [[] for _ in ids]
for a, b in edges:
    neighbours[a].append(b)
    neighbours[b].append(a)

rng = random.Random(1)
sources = rng.sample(range(len(ids)), min(200, len(ids)))
num = den = 0.0
pairs_d, pairs_D = [], []
for s in sources:
    dist = [-1] * len(ids)
    dist[s] = 0
    queue = deque([s])
    while queue:
        u = queue.popleft()
        for v in neighbours[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                queue.append(v)
    D = np.array(dist, dtype=float)
    mask = D > 0
    d = np.linalg.norm(pos[mask] - pos[s], axis=1)
    pairs_d.append(d)
    pairs_D.append(D[mask])
d = np.concatenate(pairs_d)
D = np.concatenate(pairs_D)
scale = np.sum(d / D) / np.sum(d * d / (D * D))
stress = float(np.mean(((scale * d - D) / D) ** 2))

E = np.array(edges)
p0, p1 = pos[E[:, 0]], pos[E[:, 1]]
sample = rng.sample(range(len(edges)), min(1500, len(edges)))
crossings = 0
checked = 0
for k in sample:
    a, b = E[k]
    share = (E[:, 0] != a) & (E[:, 0] != b) & (E[:, 1] != a) & (E[:, 1] != b)
    q0, q1 = p0[share], p1[share]
    pa, pb = pos[a], pos[b]

    def orient(p, q, r):
        return (q[..., 0] - p[..., 0]) * (r[..., 1] - p[..., 1]) - (q[..., 1] - p[..., 1]) * (r[..., 0] - p[..., 0])

    o1 = orient(pa, pb, q0)
    o2 = orient(pa, pb, q1)
    o3 = orient(q0, q1, pa)
    o4 = orient(q0, q1, pb)
    crossings += int(np.sum((o1 * o2 < 0) & (o3 * o4 < 0)))
    checked += int(np.sum(share))

print(f"{stress:.4f} {crossings / max(checked, 1):.5f}")
