/// <reference lib="webworker" />
/**
 * Reads large YAML edits off the main thread: parsing and validating a pipeline of hundreds of
 * steps takes long enough to freeze typing. See `readInWorker.ts`.
 */
import { readManifestText } from "../io/codec";
import type { ReadRequest, ReadResponse } from "./readInWorker";

self.onmessage = (e: MessageEvent<ReadRequest>) => {
  const { id, text, previous, components } = e.data;
  const result = readManifestText(text, { previous, components });
  (self as unknown as Worker).postMessage({ id, result } satisfies ReadResponse);
};
