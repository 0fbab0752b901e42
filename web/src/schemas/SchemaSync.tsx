/**
 * Keeps the editor store's design-time schemas current: the graph, once it has rested for a
 * moment, is sent to `POST /api/schemas` and the answer put in the store, where the column
 * pickers and validation read it. Answers are cached per pipeline version (the manifest text),
 * so undo or going back to an earlier version answers at once; each version is its own query,
 * so a slow answer for an older version can never replace the newer one's. Nothing here blocks
 * editing: while a version is asked for, the previous answer stays; a failed request leaves
 * every field free text, with the reason. A saved PAI Designer draft with no unsaved edits is
 * named in the request (cloud mode then asks PAI for its nodes' input columns).
 */
import {
  draftRunSourceId,
  MAX_MANIFEST_BYTES,
  type PipelineGraph,
  type SchemasRequest,
  type SchemasResponse,
} from "@pfd/shared";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { usePersistence } from "../persistence/usePersistence";
import { type RunApi, RunApiError } from "../run/api";
import { selectGraph, selectSchemas, useEditor, useEditorApi } from "../store";
import { graphToYamlAsync } from "../yaml/readInWorker";
import { useRested } from "./useRested";
import { useServerApi } from "./useServerApi";

/** How long the graph must rest before its schemas are asked for. */
const SCHEMA_DEBOUNCE_MS = 300;

const schemaKeys = {
  all: ["schemas"] as const,
  version: (hash: string, draftId: string | undefined) => ["schemas", hash, draftId ?? ""] as const,
};

/** A short, stable key for a manifest text (53-bit FNV-style hash): query keys stay small for large pipelines. */
function versionHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/** What the store holds when the server could not be asked: nothing known, and why. */
function failed(reason: string): SchemasResponse {
  return { version: "", source: "none", steps: {}, reason };
}

/**
 * The manifest text of `graph`, or null while it is being written or when there is none to send.
 * A large pipeline's YAML is written in the worker (one request shared with the YAML panel and
 * autosave), never here during a render: a 1,000-step import would otherwise hold the page for
 * the time it takes to serialize it, right while its nodes are first drawn.
 */
function useManifest(graph: PipelineGraph): string | null {
  const [written, setWritten] = useState<{ graph: PipelineGraph; text: string } | null>(null);
  useEffect(() => {
    if (graph.steps.length === 0) return;
    let current = true;
    void graphToYamlAsync(graph).then((text) => {
      if (current) setWritten({ graph, text });
    });
    return () => {
      current = false;
    };
  }, [graph]);
  if (written?.graph !== graph || graph.steps.length === 0) return null;
  // The server refuses larger manifests; the pickers stay free text for them.
  return written.text.length > MAX_MANIFEST_BYTES ? null : written.text;
}

export function SchemaSync({
  debounceMs = SCHEMA_DEBOUNCE_MS,
  api: givenApi,
}: {
  debounceMs?: number;
  api?: Pick<RunApi, "schemas">;
}) {
  const editor = useEditorApi();
  const pageApi = useServerApi();
  const api = givenApi ?? pageApi;
  const held = useEditor(selectSchemas);
  const graph = useRested(useEditor(selectGraph), debounceMs);
  const manifest = useManifest(graph);
  const hash = useMemo(() => (manifest === null ? "" : versionHash(manifest)), [manifest]);
  const draftId = usePersistence((s) =>
    s.draft && !s.draft.unsaved ? draftRunSourceId(s.draft) : undefined,
  );
  const query = useQuery({
    queryKey: schemaKeys.version(hash, draftId),
    queryFn: ({ signal }) => {
      const request: SchemasRequest = { manifest: manifest as string };
      if (draftId) request.draftId = draftId;
      return api.schemas(request, signal);
    },
    enabled: manifest !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: false,
  });
  const answer = query.isPlaceholderData ? undefined : query.data;
  const error = query.error;
  useEffect(() => {
    // `held` differs after another pipeline was opened (the store let go of the old answer).
    if (answer && held !== answer) editor.getState().setSchemas(answer);
  }, [answer, held, editor]);
  useEffect(() => {
    if (error)
      editor.getState().setSchemas(failed(error instanceof RunApiError ? error.message : String(error)));
  }, [error, editor]);
  return null;
}
