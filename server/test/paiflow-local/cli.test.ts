/** `pfd tables` and `pfd paiflow-local`. */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main";
import { Warehouse } from "../../src/paiflow-local/warehouse";
import { paiflowClient } from "./client";

const TWO_STEPS = readFileSync(path.resolve(__dirname, "../fixtures/two-steps.yaml"), "utf8");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pfl-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pfd(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

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
  it("prints where it listens and the key id it accepts, serves signed calls and another process's pfd run, stops on SIGTERM", async () => {
    const env = {
      ...process.env,
      LOCAL_PAIFLOW_ACCESS_KEY_ID: "LOCALCLITEST",
      LOCAL_PAIFLOW_ACCESS_KEY_SECRET: "cli-secret",
    };
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/src/cli/main.ts",
        "paiflow-local",
        "--port",
        "0",
        "--data",
        path.join(dir, "svc"),
      ],
      {
        cwd: path.resolve(__dirname, "../../.."),
        env,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const printed: string[] = [];
      await new Promise<void>((resolve, reject) => {
        lines.on("line", (l) => {
          printed.push(l);
          if (printed.length === 3) resolve();
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      const url = /^PAIFlow local service listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(printed[0] ?? "");
      expect(url).not.toBeNull();
      expect(printed[1]).toBe("Access key id: LOCALCLITEST");
      const call = paiflowClient({
        endpoint: `127.0.0.1:${url?.[2]}`,
        accessKeyId: "LOCALCLITEST",
        accessKeySecret: "cli-secret",
      });
      expect(await call("ListPipelineRuns", "GET", "/api/v1/pipelineruns")).toMatchObject({ TotalCount: 0 });

      // `pfd run` in another process on the same data directory (DuckDB lets one process hold
      // it) runs the pipeline on this service instead of failing on the lock.
      await writeFile(path.join(dir, "two-steps.yaml"), TWO_STEPS);
      vi.stubEnv("PAIFLOW_MODE", "local");
      vi.stubEnv("PAIFLOW_LOCAL_DATA", path.join(dir, "svc"));
      try {
        const run = await pfd("run", "two-steps.yaml", "--wait");
        expect(run.err).toBe("");
        expect(run.out.trim().split("\n").at(-1)).toMatch(/^flow-\S+ Succeeded/);
        expect(run.code).toBe(0);
      } finally {
        vi.unstubAllEnvs();
      }
      expect(await call("ListPipelineRuns", "GET", "/api/v1/pipelineruns")).toMatchObject({ TotalCount: 1 });

      const exited = new Promise<number | null>((r) => child.once("exit", r));
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      expect(await exited).toBe(0);
      // A stopped service leaves no address behind for others to find.
      expect(existsSync(path.join(dir, "svc", "service.json"))).toBe(false);
    } finally {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already stopped.
      }
    }
  });
});
