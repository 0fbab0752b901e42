#!/usr/bin/env node
/**
 * Part of `npm run lint`: package-lock.json holds one copy of each Alibaba Cloud SDK package.
 * A second copy means a workspace asks for a version the SDK does not pin (as `server` once did
 * for @alicloud/tea-util), which also pulls in that version's own dependencies.
 */
import { readFileSync } from "node:fs";

const SDK = /^(@alicloud|@darabonba)\//;
const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
const versions = new Map();
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  if (!path.includes("node_modules/") || !SDK.test(name)) continue;
  versions.set(name, new Set([...(versions.get(name) ?? []), entry.version]));
}
const doubled = [...versions].filter(([, v]) => v.size > 1);
for (const [name, v] of doubled)
  console.error(
    `package-lock.json: ${name} is installed in ${v.size} versions (${[...v].join(", ")}): declare the version the SDK pins`,
  );
process.exitCode = doubled.length > 0 ? 1 : 0;
