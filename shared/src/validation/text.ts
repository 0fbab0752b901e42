/** Validation of manifest text: parse, build the graph, check it, and point every problem at a line. */
import type { ComponentSpec } from "../catalog/types";
import { manifestToGraph } from "../graph/from-manifest";
import { type ParseOptions, parseManifest, withPositions } from "../manifest/parse";
import { validateGraph } from "./graph";
import { error, type Problem } from "./problem";

export interface ValidateTextOptions extends ParseOptions {
  /** Components to check steps against; the official catalog by default. */
  components?: readonly ComponentSpec[];
}

/** Validates manifest text (YAML or JSON); never throws. */
export function validateManifestText(text: string, opts: ValidateTextOptions = {}): Problem[] {
  try {
    const parsed = parseManifest(text, opts);
    if (!parsed.stream) return parsed.problems;
    const graph = manifestToGraph(parsed.stream);
    return withPositions(parsed, [...parsed.problems, ...validateGraph(graph, opts.components)]);
  } catch (e) {
    // A bug of ours must still come back as a problem, never as an exception in the caller.
    return [error("internal-error", `validation failed unexpectedly: ${(e as Error).message}`)];
  }
}
