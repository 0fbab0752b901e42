/** Manifest checks the server runs before anything reaches PAIFlow. */
import { type ApiProblem, type Manifest, parseManifest } from "@pfd/shared";

export interface CheckedManifest {
  problems: ApiProblem[];
  /** The entry pipeline (last document); undefined when the text could not be read. */
  entry: Manifest | undefined;
}

export function checkManifest(text: string): CheckedManifest {
  const parsed = parseManifest(text);
  return { problems: parsed.problems, entry: parsed.stream?.documents.at(-1) };
}
