// Lays out an Entente story with d3-force as people use it (default forces:
// link, many-body with theta 0.9, centre; 300 ticks to alpha_min) and
// prints the milliseconds spent, then writes positions for the quality check.
// usage: node d3-layout.mjs STORY.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { forceSimulation, forceLink, forceManyBody, forceCenter } from 'd3-force';

const [story, out] = process.argv.slice(2);
const data = JSON.parse(readFileSync(story, 'utf8'));
const nodes = data.entities.map((e) => ({ id: e.id }));
const links = data.relations.map((r) => ({ source: r.from, target: r.to }));

const start = performance.now();
const simulation = forceSimulation(nodes)
  .force('link', forceLink(links).id((d) => d.id))
  .force('charge', forceManyBody())
  .force('center', forceCenter(0, 0))
  .stop();
const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
for (let i = 0; i < ticks; i++) simulation.tick();
const elapsed = performance.now() - start;

writeFileSync(out, JSON.stringify({ nodes: nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })) }));
console.log(`${elapsed.toFixed(0)} ${ticks}`);
