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
  manifestToGraph,
  type PipelineGraph,
  type Problem,
  parseManifest,
  serializeManifest,
  validateManifestText,
} from "@pfd/shared";

// Graphs are immutable, and the YAML panel, autosave and export all serialize the same one.
const yamlOf = new WeakMap<PipelineGraph, string>();

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
}

/** Reads manifest text into a graph; never throws. Fails, with every problem, on any new error. */
export function readManifestText(text: string, opts: ReadOptions = {}): ReadResult {
  const parsed = parseManifest(text);
  if (!parsed.stream) return { ok: false, problems: parsed.problems };
  const validate = (t: string) =>
    validateManifestText(t, opts.components ? { components: opts.components } : {});
  const problems = validate(text);
  if (hasErrors(problems) && newErrors(problems, opts.previous, validate)) return { ok: false, problems };
  let graph = manifestToGraph(parsed.stream);
  if (opts.previous) graph = keepPositions(graph, opts.previous);
  return { ok: true, graph: autoLayout(graph), problems };
}

/** The specs of the editor's components (catalog and user's own), for validation. */
export function componentSpecs(components: readonly { spec?: ComponentSpec }[]): ComponentSpec[] | undefined {
  const specs = components.flatMap((c) => (c.spec ? [c.spec] : []));
  return specs.length > 0 ? specs : undefined;
}

/** A problem's identity regardless of where in the text it sits. */
export function problemKey(p: Problem): string {
  return [p.severity, p.code, p.location.step ?? "", p.location.field ?? "", p.message].join("\u0000");
}

function newErrors(
  problems: readonly Problem[],
  previous: PipelineGraph | undefined,
  validate: (text: string) => Problem[],
): boolean {
  if (!previous) return true;
  const known = new Set(validate(graphToYaml(previous)).map(problemKey));
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
