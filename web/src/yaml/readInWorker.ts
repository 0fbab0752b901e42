/**
 * `readManifestText` in a Web Worker, for YAML edits large enough to freeze the page while they
 * are checked. Falls back to reading on the main thread where workers are missing or fail.
 */
import type { ComponentSpec, PipelineGraph } from "@pfd/shared";
import { type ReadResult, readManifestText } from "../io/codec";

/** Smaller texts read in a few milliseconds: not worth a round trip to the worker. */
export const WORKER_TEXT_THRESHOLD = 60_000;

export interface ReadRequest {
  id: number;
  text: string;
  previous?: PipelineGraph;
  components?: readonly ComponentSpec[];
}

export interface ReadResponse {
  id: number;
  result: ReadResult;
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (result: ReadResult) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === "undefined") {
    worker = null;
    return worker;
  }
  try {
    worker = new Worker(new URL("./read.worker.ts", import.meta.url), { type: "module", name: "yaml-read" });
    worker.onmessage = (e: MessageEvent<ReadResponse>) => {
      waiting.get(e.data.id)?.(e.data.result);
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      // A broken worker: answer what is waiting on the main thread, and stop using it.
      worker?.terminate();
      worker = null;
      for (const resolve of waiting.values()) resolve({ ok: false, problems: [] });
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Reads `text` as `readManifestText` does, in the worker when the text is large. */
export function readManifestTextAsync(
  text: string,
  previous: PipelineGraph,
  components: readonly ComponentSpec[] | undefined,
): Promise<ReadResult> {
  const local = () => readManifestText(text, { previous, components });
  const w = text.length >= WORKER_TEXT_THRESHOLD ? getWorker() : null;
  if (!w) return Promise.resolve(local());
  return new Promise<ReadResult>((resolve) => {
    const id = ++nextId;
    waiting.set(id, (result) =>
      // An empty failure is the worker giving up, not a verdict on the text.
      resolve(!result.ok && result.problems.length === 0 ? local() : result),
    );
    try {
      w.postMessage({ id, text, previous, components } satisfies ReadRequest);
    } catch {
      // Not cloneable (should not happen: graphs are plain data): read here.
      waiting.delete(id);
      resolve(local());
    }
  });
}
