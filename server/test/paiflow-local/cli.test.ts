/** `pfd tables` and `pfd paiflow-local`. */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Warehouse } from "../../src/paiflow-local/warehouse";
import { runPfd, startPfd } from "../pfd";
import { paiflowClient } from "./client";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pfl-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const pfd = (...argv: string[]) => runPfd(dir, argv);

describe("pfd tables", () => {
  it("imports a CSV, lists it beside the samples, refuses to overwrite without --replace", async () => {
    await writeFile(path.join(dir, "sales.csv"), "region,amount\nnorth,10.5\nsouth,3\n");
    expect(
      await pfd("tables", "import", "sales.csv", "--name", "shop.sales", "--data", "store"),
    ).toMatchObject({
      code: 0,
      out: "imported 2 rows from sales.csv as shop.sales\n",
    });
    const list = await pfd("tables", "list", "--json", "--data", "store");
    const tables = JSON.parse(list.out) as {
      name: string;
      rows: number;
      columns: { name: string; type: string }[];
    }[];
    expect(tables.map((t) => t.name)).toEqual([
      "pai_inner_project.wumai_data",
      "pai_online_project.user_info",
      "pai_online_project.wumai_data",
      "shop.sales",
    ]);
    expect(tables[3]).toMatchObject({
      rows: 2,
      columns: [
        { name: "region", type: "VARCHAR" },
        { name: "amount", type: "DOUBLE" },
      ],
    });
    const again = await pfd("tables", "import", "sales.csv", "--name", "shop.sales", "--data", "store");
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists (use --replace");
    expect(
      (await pfd("tables", "import", "sales.csv", "--name", "shop.sales", "--replace", "--data", "store"))
        .code,
    ).toBe(0);
  });

  it("lists what really exists: a table dropped is gone, one made outside the catalog shows as external", async () => {
    await writeFile(path.join(dir, "gone.csv"), "a\n1\n");
    expect(
      (await pfd("tables", "import", "gone.csv", "--name", "reality.gone", "--data", "reality")).code,
    ).toBe(0);
    // What the old catalog missed: a table that went away by other means, one that appeared.
    const warehouse = await Warehouse.open(path.join(dir, "reality"));
    try {
      await warehouse.with((conn) =>
        conn.run("DROP TABLE reality.gone; CREATE SCHEMA mine; CREATE TABLE mine.hand_made AS SELECT 7 AS y"),
      );
    } finally {
      warehouse.close();
    }
    const list = await pfd("tables", "list", "--json", "--data", "reality");
    const tables = JSON.parse(list.out) as { name: string; origin: string; rows: number }[];
    expect(tables.map((t) => t.name)).not.toContain("reality.gone");
    expect(tables.find((t) => t.name === "mine.hand_made")).toMatchObject({ origin: "external", rows: 1 });
    const text = await pfd("tables", "list", "--data", "reality");
    expect(text.out).not.toContain("reality.gone");
    expect(text.out).toMatch(/^mine\.hand_made +1 +external +y:INTEGER$/m);
  });

  it("explains bad names and files", async () => {
    expect((await pfd("tables", "import", "sales.csv", "--name", "nodot", "--data", "store")).err).toContain(
      "must be project.table",
    );
    expect((await pfd("tables", "import", "missing.csv", "--name", "a.b", "--data", "store")).err).toContain(
      "no such file",
    );
    expect((await pfd("tables", "import", "--name", "a.b")).code).toBe(2);
  });
});

describe("pfd paiflow-local", () => {
  // As a process of its own, with SIGTERM and another process's `pfd run`: e2e/tests/cli.spec.ts.
  it("prints where it listens and the key id it accepts, serves signed calls, stops when asked and leaves no address", async () => {
    vi.stubEnv("LOCAL_PAIFLOW_ACCESS_KEY_ID", "LOCALCLITEST");
    vi.stubEnv("LOCAL_PAIFLOW_ACCESS_KEY_SECRET", "cli-secret");
    const service = startPfd(dir, ["paiflow-local", "--port", "0", "--data", "svc"]);
    try {
      const printed = await service.lines(3);
      const url = /^PAIFlow local service listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(printed[0] ?? "");
      expect(url).not.toBeNull();
      expect(printed[1]).toBe("Access key id: LOCALCLITEST");
      expect(printed[2]).toBe(`Data directory: ${path.join(dir, "svc")}`);
      expect(existsSync(path.join(dir, "svc", "service.json"))).toBe(true);
      const call = paiflowClient({
        endpoint: `127.0.0.1:${url?.[2]}`,
        accessKeyId: "LOCALCLITEST",
        accessKeySecret: "cli-secret",
      });
      expect(await call("ListPipelineRuns", "GET", "/api/v1/pipelineruns")).toMatchObject({ TotalCount: 0 });
      const wrongKey = paiflowClient({
        endpoint: `127.0.0.1:${url?.[2]}`,
        accessKeyId: "LOCALCLITEST",
        accessKeySecret: "not-the-secret",
      });
      await expect(wrongKey("ListPipelineRuns", "GET", "/api/v1/pipelineruns")).rejects.toThrow();
    } finally {
      const stopped = await service.stop();
      vi.unstubAllEnvs();
      expect(stopped.code).toBe(0);
      expect(stopped.err).toContain("stopping");
    }
    // A stopped service leaves no address behind for others to find.
    expect(existsSync(path.join(dir, "svc", "service.json"))).toBe(false);
  });
});
