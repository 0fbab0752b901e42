// The benchmark's baseline: a bare @xyflow/react page with default nodes, no app around it.
// `window.benchImport(text)` imports a manifest the least an app could: the `yaml` package's
// parse, steps to default nodes at their saved positions, data edges from the `from` references.
import { applyEdgeChanges, applyNodeChanges, ReactFlow } from "@xyflow/react";
import { parse } from "yaml";
import "@xyflow/react/dist/style.css";
import { createElement as h, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";

function Bare() {
  const [nodes, setNodes] = useState([]);
  const [edges, setEdges] = useState([]);
  window.benchImport = (text) => {
    const steps = parse(text).spec.pipelines;
    const n = [];
    const e = [];
    for (const step of steps) {
      const id = step.metadata.name;
      const [x, y] = (step.metadata.annotations?.["designer.paiflow/position"] ?? "0,0")
        .split(",")
        .map(Number);
      n.push({ id, position: { x, y }, data: { label: step.metadata.displayName ?? id } });
      for (const a of step.spec?.arguments?.artifacts ?? []) {
        const m = /pipelines\.([^.]+)\.outputs/.exec(a.from ?? "");
        if (m) e.push({ id: `${m[1]}-${id}-${a.name}`, source: m[1], target: id });
      }
    }
    setNodes(n);
    setEdges(e);
  };
  const onNodesChange = useCallback((changes) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  const onEdgesChange = useCallback((changes) => setEdges((es) => applyEdgeChanges(changes, es)), []);
  return h(ReactFlow, {
    nodes,
    edges,
    onNodesChange,
    onEdgesChange,
    fitView: true,
    minZoom: 0.05,
    maxZoom: 2.5,
  });
}

createRoot(document.getElementById("root")).render(h(Bare));
