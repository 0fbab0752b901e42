/**
 * The graph written back as a draft's canvas, on top of the canvas as read: every field the
 * designer does not model (unknown node, edge and top-level fields, unknown property keys,
 * `globalSettings`) is kept, an unchanged node or edge is the very object read, and a draft
 * opened and saved without a change gives back the exact text read.
 *
 * A pipeline can say more than a canvas: what a draft cannot hold (bindings to pipeline inputs
 * or outputs, ordering-only dependencies, loops and conditions, inline components) is reported
 * as `lost`, so the user decides before anything is dropped.
 */

import { catalog, findComponent } from "../catalog/index";
import type { ComponentSpec } from "../catalog/types";
import { EXECUTION_MAXCOMPUTE } from "../catalog/types";
import { componentRefOf } from "../graph/from-manifest";
import { samePosition } from "../graph/position";
import { deepEqual } from "../graph/to-manifest";
import type { ComponentRef, GraphStep, PipelineGraph } from "../graph/types";
import { POSITION_ANNOTATION } from "../graph/types";
import { type Problem, warning } from "../validation/problem";
import type { Canvas, CanvasBase, CanvasEdge, CanvasNode } from "./canvas";
import { edgeArgumentNames, edgesByTarget } from "./canvas-to-graph";
import { EXECUTION_PARAMETER, globalParamItem, globalParamOf } from "./guesses";

interface WrittenCanvas {
  /** The `Content` to save: the text read when nothing changed. */
  content: string;
  canvas: Canvas;
  /** What the pipeline says that a draft cannot hold (warnings naming the step and field). */
  lost: Problem[];
}

interface GraphToCanvasOptions {
  /** For the label of a new node: the component's Chinese name, as PAI's console shows it (built-in catalog by default). */
  components?: readonly ComponentSpec[];
}

const REF_KEYS = ["identifier", "version", "provider", "guid"] as const;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isExecution = (p: GraphStep["parameters"][number]) =>
  p.name === EXECUTION_PARAMETER && p.binding.kind === "input" && p.binding.input === EXECUTION_MAXCOMPUTE;
const sameRef = (a: ComponentRef, b: ComponentRef) => REF_KEYS.every((k) => a[k] === b[k]);

/** The node each step was read from: by the name its raw metadata remembers, each node claimed once. */
function matchNodes(steps: readonly GraphStep[], base: Canvas | undefined): (CanvasNode | undefined)[] {
  const nodes = new Map((base?.nodes ?? []).map((n) => [n.id, n]));
  const origin = (s: GraphStep) => {
    const name = isObject(s.raw.metadata) ? s.raw.metadata.name : undefined;
    return typeof name === "string" ? name : undefined;
  };
  const claimed = new Set<string>();
  const out: (CanvasNode | undefined)[] = steps.map(() => undefined);
  // A step still named as its node has it first; a renamed step (or a copy) gets it if free.
  for (const pass of [true, false]) {
    steps.forEach((s, i) => {
      const id = origin(s);
      if (out[i] || id === undefined || claimed.has(id) || (id === s.name) !== pass) return;
      const node = nodes.get(id);
      if (node) {
        out[i] = node;
        claimed.add(id);
      }
    });
  }
  return out;
}

function writeMetadata(step: GraphStep, node: CanvasNode | undefined): CanvasNode["metadata"] {
  if (node && sameRef(componentRefOf(node.metadata), step.component)) return node.metadata;
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node?.metadata ?? {})) if (!REF_KEYS.includes(k as never)) meta[k] = v;
  for (const k of REF_KEYS) if (step.component[k] !== undefined) meta[k] = step.component[k];
  return meta;
}

function writeProperties(
  step: GraphStep,
  node: CanvasNode | undefined,
  lost: Problem[],
): CanvasNode["properties"] {
  const before = [...(node?.properties ?? [])];
  const out: NonNullable<CanvasNode["properties"]> = [];
  for (const p of step.parameters) {
    if (isExecution(p)) continue;
    const field = `arguments.parameters.${p.name}`;
    if (p.binding.kind !== "value") {
      const what = p.binding.kind === "input" ? `pipeline input "${p.binding.input}"` : p.binding.from;
      lost.push(
        warning(
          "not-in-draft",
          `${p.name} is bound to ${what}; a draft holds values only`,
          { step: step.name, field },
          {
            issue: "bound",
            param: p.name,
            to: p.binding.kind === "input" ? p.binding.input : p.binding.from,
          },
        ),
      );
      continue;
    }
    if (p.extra)
      lost.push(
        warning(
          "not-in-draft",
          `${p.name}: ${Object.keys(p.extra).join(", ")} not kept`,
          { step: step.name, field },
          { issue: "paramExtra", param: p.name, keys: Object.keys(p.extra).join(", ") },
        ),
      );
    const value = p.binding.value;
    const i = before.findIndex((e) => e.name === p.name);
    const read = i >= 0 ? before.splice(i, 1)[0] : undefined;
    if (read && ("value" in read ? deepEqual(read.value, value) : value === undefined)) out.push(read);
    else {
      const entry: NonNullable<CanvasNode["properties"]>[number] = { ...read, name: p.name };
      if (value === undefined) delete entry.value;
      else entry.value = value;
      out.push(entry);
    }
  }
  if (out.length === 0 && node?.properties === undefined) return undefined;
  // Every entry as read, in order: the list read itself (so an unchanged node is the node read).
  const read = node?.properties;
  return read && read.length === out.length && out.every((e, i) => e === read[i]) ? read : out;
}

/** Manifest fields of a step that a canvas node cannot hold. */
function lostStepFields(step: GraphStep, lost: Problem[]): void {
  const spec = step.raw.spec;
  if (isObject(spec)) {
    for (const key in spec) {
      if (key === "arguments" || key === "dependencies") continue;
      const value = spec[key];
      const empty =
        value == null ||
        (Array.isArray(value) && value.length === 0) ||
        (isObject(value) && Object.keys(value).length === 0);
      if (!empty)
        lost.push(
          warning(
            "not-in-draft",
            `${key} cannot be kept in a draft`,
            { step: step.name, field: key },
            { issue: "field", key },
          ),
        );
    }
  }
  const annotations = isObject(step.raw.metadata) ? step.raw.metadata.annotations : undefined;
  if (isObject(annotations)) {
    for (const key in annotations)
      if (key !== POSITION_ANNOTATION)
        lost.push(
          warning(
            "not-in-draft",
            `annotation ${key} is not kept`,
            { step: step.name, field: `metadata.annotations.${key}` },
            {
              issue: "annotation",
              key,
            },
          ),
        );
  }
  for (const dep of step.dependencies) {
    if (!step.artifacts.some((a) => a.binding.kind === "step" && a.binding.step === dep))
      lost.push(
        warning(
          "not-in-draft",
          `the dependency on ${dep} without a connection is not kept`,
          { step: step.name, field: "dependencies" },
          { issue: "dependency", target: dep },
        ),
      );
  }
  for (const a of step.artifacts)
    if (a.binding.kind !== "step")
      lost.push(
        warning(
          "not-in-draft",
          `input ${a.name} is not connected to a step; a draft holds connections only`,
          { step: step.name, field: `arguments.artifacts.${a.name}` },
          { issue: "unconnected", input: a.name },
        ),
      );
}

function writeNode(
  step: GraphStep,
  node: CanvasNode | undefined,
  opts: GraphToCanvasOptions,
  lost: Problem[],
): CanvasNode {
  lostStepFields(step, lost);
  const metadata = writeMetadata(step, node);
  const properties = writeProperties(step, node, lost);
  // The node read, untouched (most nodes of a save): no copy to make and compare.
  if (node && node.id === step.name && metadata === node.metadata && properties === node.properties) {
    const label = typeof node.name === "string" ? node.name : undefined;
    const read = node.position;
    if (
      step.displayName === label &&
      samePosition(read ? { x: read.x, y: read.y } : undefined, step.position)
    )
      return node;
  }
  const out: CanvasNode = { ...node, id: step.name };
  if (!node) {
    const label =
      step.displayName ?? findComponent(opts.components ?? catalog, step.component)?.displayName.zh;
    out.name = label ?? step.name;
  } else if (step.displayName !== (typeof node.name === "string" ? node.name : undefined)) {
    if (step.displayName === undefined) delete out.name;
    else out.name = step.displayName;
  }
  if (metadata !== undefined && (node?.metadata !== undefined || Object.keys(metadata).length > 0))
    out.metadata = metadata;
  if (properties === undefined) delete out.properties;
  else out.properties = properties;
  const read = node?.position;
  if (!samePosition(read ? { x: read.x, y: read.y } : undefined, step.position)) {
    if (step.position) out.position = { ...read, x: step.position.x, y: step.position.y };
    else delete out.position;
  }
  return node && sameFields(out, node) ? node : out;
}

/** True when both hold the very same values under the same keys (identity, not depth). */
function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The connections the graph wants, by target step, then by argument name. */
type WantedEdges = Map<string, Map<string, CanvasEdge>>;

function writeEdges(
  steps: readonly GraphStep[],
  matched: readonly (CanvasNode | undefined)[],
  base: Canvas | undefined,
): CanvasEdge[] {
  const renamed = new Map<string, string>();
  steps.forEach((s, i) => {
    const node = matched[i];
    if (node) renamed.set(node.id, s.name);
  });
  const wanted: WantedEdges = new Map();
  for (const s of steps) {
    for (const a of s.artifacts) {
      if (a.binding.kind !== "step") continue;
      let byArg = wanted.get(s.name);
      if (!byArg) {
        byArg = new Map();
        wanted.set(s.name, byArg);
      }
      byArg.set(a.name, {
        source: a.binding.step,
        sourceAnchor: a.binding.output,
        target: s.name,
        targetAnchor: a.name,
      });
    }
  }
  const baseEdges = base?.edges ?? [];
  const argOf = new Map<CanvasEdge, string>();
  for (const list of edgesByTarget(baseEdges).values()) {
    const names = edgeArgumentNames(list);
    list.forEach((e, i) => {
      argOf.set(e, names[i] as string);
    });
  }
  const knownIds = new Set((base?.nodes ?? []).map((n) => n.id));
  const out: CanvasEdge[] = [];
  for (const e of baseEdges) {
    // An edge into a node the canvas never had cannot be in the graph: it stays as read.
    if (!knownIds.has(e.target)) {
      out.push(e);
      continue;
    }
    const source = renamed.get(e.source) ?? e.source;
    const target = renamed.get(e.target) ?? e.target;
    const byArg = wanted.get(target);
    const arg = argOf.get(e) as string;
    const want = byArg?.get(arg);
    if (!want || want.source !== source || want.sourceAnchor !== e.sourceAnchor) continue;
    byArg?.delete(arg);
    out.push(source === e.source && target === e.target ? e : { ...e, source, target });
  }
  for (const byArg of wanted.values()) out.push(...byArg.values());
  return out;
}

function writeGlobals(graph: PipelineGraph, base: Canvas | undefined, lost: Problem[]): unknown[] {
  const inputs = graph.inputs.parameters.filter((p) => p.name !== EXECUTION_MAXCOMPUTE);
  const remaining = new Map(inputs.map((p) => [p.name, p]));
  const out: unknown[] = [];
  for (const item of base?.globalParams ?? []) {
    const read = globalParamOf(item);
    if (!read) {
      out.push(item);
      continue;
    }
    const now = remaining.get(read.name);
    if (!now) continue;
    remaining.delete(read.name);
    out.push(deepEqual(read, now) ? item : globalParamItem(now, item));
  }
  for (const p of remaining.values()) out.push(globalParamItem(p, undefined));
  if (graph.inputs.artifacts.length > 0)
    lost.push(
      warning(
        "not-in-draft",
        "pipeline input artifacts are not kept in a draft",
        { field: "inputs.artifacts" },
        { issue: "inputArtifacts" },
      ),
    );
  if (graph.outputs.parameters.length + graph.outputs.artifacts.length > 0)
    lost.push(
      warning(
        "not-in-draft",
        "pipeline outputs are not kept in a draft",
        { field: "outputs" },
        { issue: "outputs" },
      ),
    );
  if (graph.components.length > 0)
    lost.push(
      warning(
        "not-in-draft",
        "inline component definitions are not kept in a draft",
        {},
        { issue: "inline" },
      ),
    );
  return out;
}

/** The canvas of a graph; `base` is the draft's content as read (none for a new draft). */
export function graphToCanvas(
  graph: PipelineGraph,
  base?: CanvasBase,
  opts: GraphToCanvasOptions = {},
): WrittenCanvas {
  const read = base?.canvas;
  const lost: Problem[] = [];
  const matched = matchNodes(graph.steps, read);
  const canvas: Canvas = read ? { ...read } : {};
  const nodes = graph.steps.map((s, i) => writeNode(s, matched[i], opts, lost));
  canvas.nodes = read?.nodes && deepEqual(read.nodes, nodes) ? read.nodes : nodes;
  canvas.edges = writeEdges(graph.steps, matched, read);
  canvas.globalParams = writeGlobals(graph, read, lost);
  if (!read) canvas.globalSettings = [];
  else {
    for (const key of ["edges", "globalParams"] as const) {
      const readList = read[key];
      const written = canvas[key] as unknown[];
      if (readList === undefined && written.length === 0) delete canvas[key];
      else if (readList && deepEqual(readList, written)) canvas[key] = readList as never;
    }
    if (read.nodes === undefined && nodes.length === 0) delete canvas.nodes;
  }
  const content = base && deepEqual(canvas, base.canvas) ? base.text : JSON.stringify(canvas);
  return { content, canvas, lost };
}
