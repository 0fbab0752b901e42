/** Import: manifest text from a file, a drop or a paste, checked before it replaces anything. */
import type { ComponentSpec, PipelineGraph, Problem } from "@pfd/shared";
import { readManifestText } from "./codec";

export type ImportResult =
  | { ok: true; graph: PipelineGraph; warnings: Problem[] }
  | {
      ok: false;
      source: string;
      problems: Problem[];
      /**
       * The text reads as a manifest and only fails validation (a half-built pipeline exported
       * earlier, say): the graph the user may still choose to open, problems and all.
       */
      anyway?: PipelineGraph;
    };

/**
 * Reads `text` (named `source`, a file name or "pasted text") into a new pipeline graph, laid out
 * where it has no positions. Any error refuses the whole import, so a broken file never replaces
 * the pipeline that is open.
 */
export function importManifest(
  text: string,
  source: string,
  components?: readonly ComponentSpec[],
): ImportResult {
  const result = readManifestText(text, { components });
  if (!result.ok) {
    const lenient = readManifestText(text, { components, acceptErrors: true });
    return { ok: false, source, problems: result.problems, anyway: lenient.ok ? lenient.graph : undefined };
  }
  return { ok: true, graph: result.graph, warnings: result.problems.filter((p) => p.severity === "warning") };
}
