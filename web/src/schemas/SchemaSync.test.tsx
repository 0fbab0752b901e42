import { catalog, type SchemasRequest, type SchemasResponse, validateGraph } from "@pfd/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import seed from "../../../shared/fixtures/seed-sample.yaml?raw";
import { readManifestText } from "../io/codec";
import { createEditorStore, EditorProvider } from "../store";
import { SchemaSync } from "./SchemaSync";

afterEach(cleanup);

/** A server whose answers the test releases, in any order. */
function slowServer() {
  const calls: { request: SchemasRequest; answer(r: SchemasResponse): void; fail(e: Error): void }[] = [];
  const api = {
    schemas: (request: SchemasRequest) =>
      new Promise<SchemasResponse>((answer, fail) => {
        calls.push({ request, answer, fail });
      }),
  };
  return { api, calls };
}

const answer = (version: string): SchemasResponse => ({ version, source: "engine", steps: {} });

function setup() {
  const r = readManifestText(seed);
  if (!r.ok) throw new Error("seed must read");
  const store = createEditorStore({ graph: r.graph, components: catalog }, { validate: validateGraph });
  const server = slowServer();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <EditorProvider store={store}>
        <SchemaSync debounceMs={0} api={server.api as never} />
      </EditorProvider>
    </QueryClientProvider>,
  );
  return { store, ...server };
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));

describe("SchemaSync", () => {
  it("asks for the graph's schemas and keeps the answer in the store", async () => {
    const { store, calls } = setup();
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.request.manifest).toContain("type_transform");
    await act(async () => calls[0]?.answer(answer("first")));
    await settle();
    expect(store.getState().schemas?.version).toBe("first");
  });

  it("never lets an older version's late answer replace the newer one's", async () => {
    const { store, calls } = setup();
    await settle();
    act(() => {
      store.getState().setParameter("type_transform", "cols_to_double", "time");
    });
    await settle();
    expect(calls).toHaveLength(2);
    await act(async () => calls[1]?.answer(answer("newer")));
    await act(async () => calls[0]?.answer(answer("older")));
    await settle();
    expect(store.getState().schemas?.version).toBe("newer");
  });

  it("answers a version seen before from its cache (undo), without asking again", async () => {
    const { store, calls } = setup();
    await settle();
    await act(async () => calls[0]?.answer(answer("first")));
    act(() => store.getState().setParameter("type_transform", "cols_to_double", "time"));
    await settle();
    await act(async () => calls[1]?.answer(answer("second")));
    act(() => store.getState().undo());
    await settle();
    expect(calls).toHaveLength(2);
    expect(store.getState().schemas?.version).toBe("first");
  });

  it("keeps editing free when the server fails: nothing known, with the reason", async () => {
    const { store, calls } = setup();
    await settle();
    await act(async () => calls[0]?.fail(new Error("connection refused")));
    await settle();
    expect(store.getState().schemas).toMatchObject({ steps: {}, reason: "Error: connection refused" });
  });
});
