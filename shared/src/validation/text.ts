/**
 * Reading manifest text, the one way every caller does it (the CLI, the server's checks, the
 * editor's YAML panel, import and autosave): parse, build the graph, check it, and point every
 * problem at a line.
 */
import type { SchemasResponse } from "../api/schemas";
import type { ComponentSpec } from "../catalog/types";
import { manifestToGraph } from "../graph/from-manifest";
import type { PipelineGraph } from "../graph/types";
import { type ParsedManifest, type ParseOptions, parseManifest, withPositions } from "../manifest/parse";
import type { ManifestStream } from "../manifest/types";
import { validateGraph } from "./graph";
import { error, type Problem } from "./problem";

interface ReadManifestOptions extends ParseOptions {
  /** Components to check steps against; the official catalog by default. */
  components?: readonly ComponentSpec[];
  /** Design-time schemas: column parameters are checked against them (see validation/columns.ts). */
  schemas?: SchemasResponse;
  /** Checks the graph instead of `validateGraph` with `components` (e.g. a cached validation). */
  validate?: (graph: PipelineGraph) => readonly Problem[];
}

interface ManifestRead {
  /** The documents as read; undefined when the text is not a readable manifest stream. */
  stream?: ManifestStream;
  /** The graph of the stream; undefined when the text could not be read. */
  graph?: PipelineGraph;
  /** Problems of reading, then of validation, with line and column, in reading order. */
  problems: Problem[];
}

/** Reads and validates manifest text (YAML or JSON); never throws. */
export function readManifest(text: string, opts: ReadManifestOptions = {}): ManifestRead {
  let parsed: ParsedManifest | undefined;
  try {
    parsed = parseManifest(text, opts);
    if (!parsed.stream) return { problems: parsed.problems };
    const graph = manifestToGraph(parsed.stream);
    const found = opts.validate
      ? opts.validate(graph)
      : validateGraph(graph, opts.components, { schemas: opts.schemas });
    return { stream: parsed.stream, graph, problems: withPositions(parsed, [...parsed.problems, ...found]) };
  } catch (e) {
    // A bug of ours must still come back as a problem, never as an exception in the caller.
    const message = e instanceof Error ? e.message : String(e);
    const failed = error(
      "internal-error",
      `the manifest could not be read: ${message}`,
      {},
      { detail: message },
    );
    return { stream: parsed?.stream, problems: [...(parsed?.problems ?? []), failed] };
  }
}

/** The problems of manifest text (YAML or JSON); never throws. */
export function validateManifestText(text: string, opts: ReadManifestOptions = {}): Problem[] {
  return readManifest(text, opts).problems;
}
