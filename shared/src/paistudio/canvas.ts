/**
 * PAI Designer's canvas JSON (a draft's `Content`, PAISTUDIO.md §4): its types, and reading it
 * from text with problems that say what is wrong and where. Every object keeps the fields the
 * designer does not know (index signatures), so a draft is written back as it was read.
 */
import { parseDocument } from "yaml";
import { checkTextSize, MAX_MANIFEST_BYTES } from "../manifest/size";
import { error, type Problem, warning } from "../validation/problem";

export interface CanvasNode {
  /** Canvas node id, unique in the draft: the step name (`metadata.name`) of the pipeline. */
  id: string;
  /** The label on the canvas: the step's display name. */
  name?: string;
  /** The component: identifier, version, provider. */
  metadata?: { identifier?: string; version?: string; provider?: string; [key: string]: unknown };
  /** Parameter values, in order; values keep their JSON type. */
  properties?: { name: string; value?: unknown; [key: string]: unknown }[];
  position?: { x: number; y: number; [key: string]: unknown };
  [key: string]: unknown;
}

export interface CanvasEdge {
  /** Upstream node id and its output port. */
  source: string;
  sourceAnchor: string;
  /** Downstream node id and its input port. */
  target: string;
  targetAnchor: string;
  [key: string]: unknown;
}

export interface Canvas {
  metadata?: { name?: string; id?: string; desc?: string; [key: string]: unknown };
  nodes?: CanvasNode[];
  edges?: CanvasEdge[];
  globalParams?: unknown[];
  globalSettings?: unknown[];
  [key: string]: unknown;
}

/** A draft's content as read: the text itself (written back untouched when nothing changed) and its value. */
export interface CanvasBase {
  text: string;
  canvas: Canvas;
}

interface ReadCanvas {
  /** Undefined when the content cannot be used (see problems). */
  base?: CanvasBase;
  problems: Problem[];
}

/** True when the content is larger than the manifest limit (checked before any parsing). */
export function canvasTooLarge(text: string): boolean {
  return checkTextSize(text, MAX_MANIFEST_BYTES, "draft") !== undefined;
}

/**
 * Line and column of a JSON syntax error: from the engine's "at position N" when it gives one,
 * else by reading the text as YAML (a superset of JSON) and taking its first error.
 */
function syntaxPosition(text: string, message: string): { line?: number; col?: number } {
  const at = /position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split("\n").length;
    return { line, col: before.length - before.lastIndexOf("\n") };
  }
  const pos = parseDocument(text, { prettyErrors: true }).errors[0]?.linePos?.[0];
  return pos ? { line: pos.line, col: pos.col } : {};
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkNodes(nodes: unknown, problems: Problem[]): void {
  if (nodes === undefined) return;
  if (!Array.isArray(nodes)) {
    problems.push(
      error("canvas-shape", "`nodes` must be a list", { field: "nodes" }, { issue: "notList", key: "nodes" }),
    );
    return;
  }
  const seen = new Set<string>();
  // Plain loops and locations built only for a problem: this runs on every node of every draft.
  for (let i = 0; i < nodes.length; i++) {
    const node: unknown = nodes[i];
    if (!isObject(node) || typeof node.id !== "string" || node.id === "") {
      problems.push(
        error(
          "canvas-shape",
          `node ${i + 1} has no id`,
          { field: `nodes.${i}` },
          { issue: "nodeId", index: i + 1 },
        ),
      );
      continue;
    }
    const id = node.id;
    const fail = (message: string, issue: string) =>
      problems.push(error("canvas-shape", message, { step: id, field: `nodes.${i}` }, { issue, node: id }));
    if (seen.has(id)) fail(`node id "${id}" is used twice`, "duplicateId");
    seen.add(id);
    if (node.metadata !== undefined && !isObject(node.metadata))
      fail(`node "${id}": metadata must be an object`, "nodeMetadata");
    const props = node.properties;
    if (props !== undefined && !(Array.isArray(props) && props.every(isProperty)))
      fail(`node "${id}": properties must be a list of {name, value}`, "nodeProperties");
    const p = node.position;
    if (p !== undefined && !(isObject(p) && Number.isFinite(p.x) && Number.isFinite(p.y)))
      fail(`node "${id}": position must be {x, y} numbers`, "nodePosition");
  }
}

const isProperty = (p: unknown) => isObject(p) && typeof p.name === "string";

function checkEdges(edges: unknown, nodes: unknown, problems: Problem[]): void {
  if (edges === undefined) return;
  if (!Array.isArray(edges)) {
    problems.push(
      error("canvas-shape", "`edges` must be a list", { field: "edges" }, { issue: "notList", key: "edges" }),
    );
    return;
  }
  const ids = new Set<unknown>();
  if (Array.isArray(nodes)) for (const n of nodes) if (isObject(n)) ids.add(n.id);
  for (let i = 0; i < edges.length; i++) {
    const edge: unknown = edges[i];
    if (
      !isObject(edge) ||
      typeof edge.source !== "string" ||
      typeof edge.sourceAnchor !== "string" ||
      typeof edge.target !== "string" ||
      typeof edge.targetAnchor !== "string"
    ) {
      problems.push(
        error(
          "canvas-shape",
          `edge ${i + 1} needs source, sourceAnchor, target and targetAnchor`,
          {
            field: `edges.${i}`,
          },
          { issue: "edgeEnds", index: i + 1 },
        ),
      );
      continue;
    }
    for (const end of [edge.source, edge.target]) {
      if (!ids.has(end))
        problems.push(
          warning(
            "canvas-dangling-edge",
            `edge ${i + 1}: no node "${end}" (kept as is)`,
            { field: `edges.${i}` },
            { index: i + 1, node: end },
          ),
        );
    }
  }
}

/**
 * Reads a draft's content; never throws. Errors mean it cannot be opened: too large (checked
 * first, before parsing), not JSON (with line and column), or not a canvas. Warnings are kept
 * and shown.
 */
export function readCanvas(text: string): ReadCanvas {
  const size = checkTextSize(text, MAX_MANIFEST_BYTES, "draft");
  if (size) return { problems: [size] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message;
    const where = syntaxPosition(text, reason);
    return { problems: [error("canvas-json", `the canvas is not valid JSON: ${reason}`, where, { reason })] };
  }
  if (!isObject(value))
    return {
      problems: [
        error(
          "canvas-shape",
          "the canvas must be a JSON object with nodes and edges",
          {},
          { issue: "notObject" },
        ),
      ],
    };
  const problems: Problem[] = [];
  checkNodes(value.nodes, problems);
  checkEdges(value.edges, value.nodes, problems);
  for (const key of ["globalParams", "globalSettings"]) {
    if (value[key] !== undefined && !Array.isArray(value[key]))
      problems.push(
        error("canvas-shape", `\`${key}\` must be a list`, { field: key }, { issue: "notList", key }),
      );
  }
  if (value.metadata !== undefined && !isObject(value.metadata))
    problems.push(
      error("canvas-shape", "`metadata` must be an object", { field: "metadata" }, { issue: "metadata" }),
    );
  if (problems.some((p) => p.severity === "error")) return { problems };
  return { base: { text, canvas: value as Canvas }, problems };
}
