/// <reference lib="webworker" />
/**
 * Reads large YAML edits and writes large pipelines' YAML off the main thread: parsing and
 * validating a pipeline of hundreds of steps takes long enough to freeze typing, and writing one
 * to hold up the canvas. See `readInWorker.ts`.
 */
import { graphToYaml, readManifestText } from "../io/codec";
import type { WorkerRequest, WorkerResponse } from "./readInWorker";

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  const response: WorkerResponse =
    request.kind === "read"
      ? {
          kind: "read",
          id: request.id,
          result: readManifestText(request.text, {
            previous: request.previous,
            components: request.components,
          }),
        }
      : { kind: "write", id: request.id, text: graphToYaml(request.graph) };
  (self as unknown as Worker).postMessage(response);
};
