/**
 * `readManifestText` and `graphToYaml` in a Web Worker, for YAML edits large enough to freeze the
 * page while they are checked, and for pipelines large enough that writing their YAML would hold
 * up the canvas (a 1,000-step import: half a second). Falls back to the main thread where workers
 * are missing or fail.
 */
import type { ComponentSpec, PipelineGraph } from "@pfd/shared";
import { graphToYaml, hasYaml, type ReadResult, readManifestText, rememberYaml } from "../io/codec";

/** Smaller texts read in a few milliseconds: not worth a round trip to the worker. */
export const WORKER_TEXT_THRESHOLD = 60_000;

/** Pipelines from this many steps have their YAML written in the worker. */
const WORKER_STEPS_THRESHOLD = 300;

export type WorkerRequest =
  | {
      kind: "read";
      id: number;
      text: string;
      previous?: PipelineGraph;
      components?: readonly ComponentSpec[];
    }
  | { kind: "write"; id: number; graph: PipelineGraph };

export type WorkerResponse =
  | { kind: "read"; id: number; result: ReadResult }
  | { kind: "write"; id: number; text: string };

let worker: Worker | null | undefined;
let nextId = 0;
/** Answers awaited, by request id; `undefined` when the worker gave up (answer on the main thread). */
const waiting = new Map<number, (response: WorkerResponse | undefined) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === "undefined") {
    worker = null;
    return worker;
  }
  try {
    worker = new Worker(new URL("./read.worker.ts", import.meta.url), { type: "module", name: "yaml-read" });
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      // A broken worker: answer what is waiting on the main thread, and stop using it.
      worker?.terminate();
      worker = null;
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Sends `request` to the worker; resolves with its answer, or `undefined` to do the work here. */
function ask(w: Worker, request: WorkerRequest): Promise<WorkerResponse | undefined> {
  return new Promise((resolve) => {
    waiting.set(request.id, resolve);
    try {
      w.postMessage(request);
    } catch {
      // Not cloneable (should not happen: graphs are plain data): done here.
      waiting.delete(request.id);
      resolve(undefined);
    }
  });
}

/** Reads `text` as `readManifestText` does, in the worker when the text is large. */
export async function readManifestTextAsync(
  text: string,
  previous: PipelineGraph,
  components: readonly ComponentSpec[] | undefined,
): Promise<ReadResult> {
  const local = () => readManifestText(text, { previous, components });
  const w = text.length >= WORKER_TEXT_THRESHOLD ? getWorker() : null;
  if (!w) return local();
  const answer = await ask(w, { kind: "read", id: ++nextId, text, previous, components });
  return answer?.kind === "read" ? answer.result : local();
}

const inFlight = new WeakMap<PipelineGraph, Promise<string>>();

/**
 * `graphToYaml(graph)`, written in the worker when the pipeline is large; the text is remembered
 * for the graph, so graphToYaml (autosave, export) gives it at once afterwards.
 */
export function graphToYamlAsync(graph: PipelineGraph): Promise<string> {
  const w = graph.steps.length >= WORKER_STEPS_THRESHOLD && !hasYaml(graph) ? getWorker() : null;
  if (!w) return Promise.resolve(graphToYaml(graph));
  // The YAML panel and autosave ask for the same graph: one request serves both.
  let writing = inFlight.get(graph);
  if (!writing) {
    writing = ask(w, { kind: "write", id: ++nextId, graph }).then((answer) => {
      inFlight.delete(graph);
      if (answer?.kind !== "write") return graphToYaml(graph);
      rememberYaml(graph, answer.text);
      return answer.text;
    });
    inFlight.set(graph, writing);
  }
  return writing;
}
