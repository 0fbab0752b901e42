/**
 * The workspace palette against the fake cloud (every call signed and checked): the tree's
 * categories and order, the cache (one tree read per few minutes, "Refresh" throttled, a new
 * Timestamp drops cached definitions), lazy definitions, and throttling by PAI.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { staticCredential } from "../src/config/credentials";
import { PaiflowClient } from "../src/paiflow/client";
import { PaistudioClient } from "../src/paistudio/client";
import { WorkspacePalette } from "../src/paistudio/palette";
import { type FakePaiflow, startFakePaiflow } from "./fake-paiflow";
import { createFakeWorkspace, type FakeWorkspace, OWNER_UID } from "./fake-workspace";

let fake: FakePaiflow;
let ws: FakeWorkspace;
let clock: number;

beforeEach(async () => {
  ws = await createFakeWorkspace({ extra: 6 });
  fake = await startFakePaiflow({ extra: ws.route });
  clock = 1_000_000;
});
afterEach(async () => {
  await fake.close();
  await ws.close();
});

function palette(secret = fake.accessKeySecret): WorkspacePalette {
  const options = {
    endpoint: fake.endpoint,
    protocol: "http" as const,
    credential: staticCredential(fake.accessKeyId, secret),
    timeoutMs: 2000,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  };
  return new WorkspacePalette({
    studio: new PaistudioClient(options),
    paiflow: new PaiflowClient(options),
    workspaceId: "ws-test",
    maxAgeMs: 300_000,
    minRefreshMs: 30_000,
    now: () => clock,
  });
}

const calls = (action: string) => fake.calls.filter((c) => c.action === action).length;

describe("the workspace palette", () => {
  it("lists the tree's components in its order and categories, the workspace's own under Custom", async () => {
    const { components, status } = await palette().current();
    expect(status).toMatchObject({ timestamp: "20240101000000", checkedAt: expect.any(String) });
    expect(status.error).toBeUndefined();
    // Named in both languages where the workspace (its Chinese tree) and the catalog give both.
    expect(components?.slice(0, 2).map((c) => [c.identifier, c.category, c.displayName])).toEqual([
      ["data_source", "Data Source/Target", { en: "Read Table", zh: "读数据表" }],
      ["SqlWriteTable_1", "Data Source/Target", { en: "Write Table", zh: "写数据表" }],
    ]);
    const synthetic = components?.filter((c) => c.identifier.startsWith("algo_")) ?? [];
    expect(synthetic.map((c) => c.category)).toEqual(
      expect.arrayContaining(["特征工程", "统计分析", "机器学习 / 二分类"]),
    );
    // Known to the built-in catalog: defined at once. The others wait for their manifest.
    expect(components?.find((c) => c.identifier === "split")).toMatchObject({ source: "workspace" });
    expect(components?.find((c) => c.identifier === "split")?.pending).toBeUndefined();
    expect(synthetic.every((c) => c.pending && c.parameters.length === 0)).toBe(true);
    expect(components?.at(-1)).toMatchObject({
      provider: OWNER_UID,
      identifier: "my_scorer",
      category: "Custom",
      pending: true,
    });
    // Every PaiStudio and PAIFlow call was signed and accepted by the fake's verifier.
    expect(fake.calls.every((c) => String(c.headers.authorization).startsWith("ACS3-HMAC-SHA256 "))).toBe(
      true,
    );
  });

  it("reads the tree once per few minutes; Refresh is throttled; a new Timestamp drops cached definitions", async () => {
    const p = palette();
    const first = await p.current();
    expect((await p.current()).components).toBe(first.components);
    expect(calls("GetAlgorithmTree")).toBe(1);

    clock += 10_000;
    await p.current(true);
    expect(calls("GetAlgorithmTree")).toBe(1);
    clock += 25_000;
    await p.current(true);
    expect(calls("GetAlgorithmTree")).toBe(2);

    await p.definition({ provider: "pai", identifier: "algo_001", version: "v1" });
    expect(calls("GetPipelineSchema")).toBe(1);
    const defined = (await p.current()).components;
    clock += 300_000;
    // Due on its own: re-read in the background, the palette in hand answered at once.
    expect((await p.current()).components).toBe(defined);
    await p.settled();
    expect(calls("GetAlgorithmTree")).toBe(3);
    await p.definition({ provider: "pai", identifier: "algo_001", version: "v1" });
    expect(calls("GetPipelineSchema")).toBe(1);

    ws.timestamp = "20240202000000";
    clock += 300_000;
    await p.current();
    await p.settled();
    expect((await p.current()).status.timestamp).toBe("20240202000000");
    await p.definition({ provider: "pai", identifier: "algo_001", version: "v1" });
    expect(calls("GetPipelineSchema")).toBe(2);
  });

  it("defines a component lazily from its manifest, once, with usable fields for what the manifest leaves out", async () => {
    const p = palette();
    const ref = { provider: "pai", identifier: "algo_002", version: "v1" };
    const [a, b] = await Promise.all([p.definition(ref), p.definition(ref)]);
    expect(a).toBe(b);
    expect(calls("ListPipelines")).toBe(2); // the workspace's own list, then this component's
    expect(calls("GetPipelineSchema")).toBe(1);
    expect(a).toMatchObject({
      category: "机器学习 / 二分类",
      displayName: { zh: "算法2" },
      maxCompute: true,
      source: "workspace",
      docUrl: "https://help.aliyun.com/zh/pai/algo_002",
      inputs: [{ name: "inputTable", type: "DataSet" }],
      outputs: [{ name: "outputTable", type: "DataSet" }],
    });
    expect(a?.pending).toBeUndefined();
    // No default, no range, an unknown type: a text field (String); the system `execution` is hidden.
    expect(a?.parameters.map((q) => [q.name, q.type, q.default, q.range])).toEqual([
      ["selectedColNames", "String", undefined, undefined],
      ["iterations", "Int", undefined, undefined],
      ["mode", "String", undefined, undefined],
    ]);
    const listed = (await p.current()).components?.find((c) => c.identifier === "algo_002");
    expect(listed).toBe(a);

    const own = await p.definition({ provider: OWNER_UID, identifier: "my_scorer", version: "v3" });
    expect(own).toMatchObject({
      maxCompute: false,
      parameters: [{ name: "threshold", type: "Double", default: 0.5 }],
    });
    expect(await p.definition({ provider: "pai", identifier: "nope", version: "v1" })).toBeUndefined();
  });

  it("rides out throttling: retried, and when PAI keeps refusing, the last palette stays with the reason", async () => {
    const p = palette();
    fake.misbehave({
      kind: "error",
      status: 400,
      code: "Throttling.User",
      message: "Request was denied due to user flow control.",
    });
    const first = await p.current();
    expect(first.status.error).toBeUndefined();
    expect(calls("GetAlgorithmTree")).toBe(2);

    const throttled = {
      kind: "error",
      status: 429,
      code: "Throttling",
      message: "Too many requests",
    } as const;
    fake.misbehave(throttled, throttled, throttled);
    clock += 300_000;
    await p.current();
    await p.settled();
    const stale = await p.current();
    expect(stale.components).toBe(first.components);
    expect(stale.status.error).toMatchObject({ code: "Throttling", requestId: expect.any(String) });
    clock += 30_000;
    await p.current();
    await p.settled();
    const back = await p.current();
    expect(back.status.error).toBeUndefined();
  });

  it("reports a refused signature instead of a palette", async () => {
    const { components, status } = await palette("wrong-secret").current();
    expect(components).toBeUndefined();
    expect(status.error).toMatchObject({ code: "SignatureDoesNotMatch" });
  });
});
