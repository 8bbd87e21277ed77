// Reads a GraphML or GEXF file with graphology's parsers (the ones behind Gephi Lite) and
// prints what they understood as JSON: graph type, multi, nodes and edges with attributes.
// Usage: node read_graph.js graphml|gexf FILE
'use strict';
const fs = require('fs');
const Graph = require('graphology');

const [format, file] = process.argv.slice(2);
const parsers = {graphml: require('graphology-graphml'), gexf: require('graphology-gexf')};
if (!parsers[format] || !file) {
  process.stderr.write('usage: node read_graph.js graphml|gexf FILE\n');
  process.exit(2);
}
const graph = parsers[format].parse(Graph, fs.readFileSync(file, 'utf8'));
const out = {
  type: graph.type,
  multi: graph.multi,
  attributes: graph.getAttributes(),
  nodes: {},
  edges: [],
};
graph.forEachNode((node, attributes) => { out.nodes[node] = attributes; });
graph.forEachEdge((edge, attributes, source, target, sa, ta, undirected) => {
  out.edges.push({key: edge, source, target, undirected, attributes});
});
process.stdout.write(JSON.stringify(out));
