/**
 * Manifest text <-> editor graph, for every way text enters or leaves the designer (YAML panel,
 * import, export, autosave). Text is accepted only when it reads as a manifest and validates
 * without errors; warnings (an unknown component, say) never block.
 */
import {
  autoLayout,
  type ComponentSpec,
  graphToManifest,
  hasErrors,
  type PipelineGraph,
  type Problem,
  parseManifest,
  readManifest,
  serializeManifest,
  validateGraph,
  withPositions,
} from "@pfd/shared";

// Graphs are immutable, and the YAML panel, autosave and export all serialize the same one.
const yamlOf = new WeakMap<PipelineGraph, string>();

/** The YAML of a graph serialized elsewhere (a worker: see yaml/readInWorker), for graphToYaml to give. */
export function rememberYaml(graph: PipelineGraph, text: string): void {
  yamlOf.set(graph, text);
}

/** Whether `graph`'s YAML is known already (graphToYaml costs nothing then). */
export const hasYaml = (graph: PipelineGraph) => yamlOf.has(graph);

/** The manifest of a graph as Designer-style YAML (positions in annotations); cached per graph. */
export function graphToYaml(graph: PipelineGraph): string {
  let text = yamlOf.get(graph);
  if (text === undefined) {
    text = serializeManifest(graphToManifest(graph));
    yamlOf.set(graph, text);
  }
  return text;
}

export type ReadResult =
  | { ok: true; graph: PipelineGraph; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export interface ReadOptions {
  /**
   * The graph the text replaces: steps the text gives no position keep their old one (by step
   * name), and errors this graph already has do not block (a half-built pipeline, with an input
   * not yet connected, must still follow its YAML).
   */
  previous?: PipelineGraph;
  /** Components steps are checked against (the official catalog when absent). */
  components?: readonly ComponentSpec[];
  /**
   * Accept any text that reads as a manifest, whatever its validation errors: for the user's
   * own saved work, which may be half-built.
   */
  acceptErrors?: boolean;
}

/**
 * Reads manifest text into a graph; never throws. Fails, with every problem (located by line),
 * on any new error. Parses once: the graph validated is the graph returned.
 */
export function readManifestText(text: string, opts: ReadOptions = {}): ReadResult {
  const { graph: read, problems } = readManifest(text, { validate: (g) => validate(g, opts.components) });
  if (!read) return { ok: false, problems };
  if (!opts.acceptErrors && hasErrors(problems) && newErrors(problems, opts.previous, opts.components)) {
    return { ok: false, problems };
  }
  const graph = opts.previous ? keepPositions(read, opts.previous) : read;
  return { ok: true, graph: autoLayout(graph), problems };
}

/** Problems of the text of `graph` (what `readManifestText` reports), located by line. */
export function graphTextProblems(graph: PipelineGraph, components?: readonly ComponentSpec[]): Problem[] {
  const parsed = parseManifest(graphToYaml(graph));
  return withPositions(parsed, [...parsed.problems, ...validate(graph, components)]);
}

// Keyed by graph, then by component list: while the user types, the graph being replaced stays
// the same, and so does its validation; an imported pipeline's, checked here before it opens, is
// what the editor store shows first (app-store), not worked out a second time while it is drawn.
const validated = new WeakMap<
  PipelineGraph,
  { components?: readonly ComponentSpec[]; problems: Problem[] }
>();

/** `validateGraph(graph, components)`, remembered for the last component list it was asked with. */
export function validate(graph: PipelineGraph, components: readonly ComponentSpec[] | undefined): Problem[] {
  const hit = validated.get(graph);
  if (hit && hit.components === components) return hit.problems;
  const problems = components ? validateGraph(graph, components) : validateGraph(graph);
  validated.set(graph, { components, problems });
  return problems;
}

/** A problem's identity regardless of where in the text it sits. */
function problemKey(p: Problem): string {
  return [p.severity, p.code, p.location.step ?? "", p.location.field ?? "", p.message].join("\u0000");
}

function newErrors(
  problems: readonly Problem[],
  previous: PipelineGraph | undefined,
  components: readonly ComponentSpec[] | undefined,
): boolean {
  if (!previous) return true;
  const known = new Set(validate(previous, components).map(problemKey));
  return problems.some((p) => p.severity === "error" && !known.has(problemKey(p)));
}

function keepPositions(graph: PipelineGraph, previous: PipelineGraph): PipelineGraph {
  const old = new Map(previous.steps.map((s) => [s.name, s.position]));
  if (graph.steps.every((s) => s.position || !old.get(s.name))) return graph;
  return {
    ...graph,
    steps: graph.steps.map((s) => {
      const position = s.position ?? old.get(s.name);
      return position === s.position ? s : { ...s, position };
    }),
  };
}
