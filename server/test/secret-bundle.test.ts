/**
 * The browser bundle never carries a credential: the web app is built here with canary secrets
 * in the environment (as a developer's shell would have them) and every built file is searched.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const CANARY_ID = "LTAIcanaryKeyId7Q3x";
const CANARY_SECRET = "canarySecret-9fK2mZpQ7vX1";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe("the built web app", () => {
  it("contains no credential from the build environment", () => {
    const outDir = mkdtempSync(join(tmpdir(), "pfd-web-build-"));
    const build = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/vite/bin/vite.js"),
        "build",
        "--outDir",
        outDir,
        "--emptyOutDir",
        "--logLevel",
        "error",
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: {
          ...process.env,
          ALIBABA_CLOUD_ACCESS_KEY_ID: CANARY_ID,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: CANARY_SECRET,
          LOCAL_PAIFLOW_ACCESS_KEY_SECRET: CANARY_SECRET,
          VITE_ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined,
        },
      },
    );
    expect(build.status, build.stderr).toBe(0);
    const built = files(outDir);
    expect(built.some((f) => f.endsWith(".js"))).toBe(true);
    for (const file of built) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toContain(CANARY_SECRET);
      expect(text, file).not.toContain(CANARY_ID);
    }
  });
});
