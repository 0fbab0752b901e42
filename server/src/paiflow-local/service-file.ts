/**
 * `service.json` in the data directory: where a running local service listens and the key it
 * accepts. DuckDB lets one process hold the data directory, so a second process (`pfd run` while
 * the designer's server runs) reads this file and talks to the running service instead.
 * Written with mode 0600: the data directory is the user's own, and so is the key.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const SERVICE_FILE = "service.json";

export interface ServiceFile {
  url: string;
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  pid: number;
}

/** Another process holds the data directory's database. */
export class DataDirInUseError extends Error {
  override readonly name = "DataDirInUseError";
}

export async function writeServiceFile(dataDir: string, info: ServiceFile): Promise<void> {
  await writeFile(path.join(dataDir, SERVICE_FILE), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the file if it still describes this process's service. */
export async function removeServiceFile(dataDir: string, pid = process.pid): Promise<void> {
  const current = await readServiceFile(dataDir);
  if (current?.pid === pid) await rm(path.join(dataDir, SERVICE_FILE), { force: true });
}

/** The running service of a data directory, if its file is there and names a live process. */
export async function readServiceFile(dataDir: string): Promise<ServiceFile | undefined> {
  let info: Partial<ServiceFile>;
  try {
    info = JSON.parse(await readFile(path.join(dataDir, SERVICE_FILE), "utf8")) as Partial<ServiceFile>;
  } catch {
    return undefined;
  }
  const { url, endpoint, accessKeyId, accessKeySecret, pid } = info;
  if (
    typeof url !== "string" ||
    typeof endpoint !== "string" ||
    typeof accessKeyId !== "string" ||
    typeof accessKeySecret !== "string" ||
    typeof pid !== "number" ||
    !isAlive(pid)
  ) {
    return undefined;
  }
  return { url, endpoint, accessKeyId, accessKeySecret, pid };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
