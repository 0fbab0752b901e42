/** Reading a manifest file for a command, with the failure turned into a problem. */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { error, MAX_MANIFEST_BYTES, type Problem, tooLarge } from "@pfd/shared";

/** The file's text, or the problem that kept it from being read (missing, a folder, too large). */
export async function readManifestFile(
  cwd: string,
  file: string,
): Promise<{ text: string } | { problem: Problem }> {
  const path = resolve(cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return { problem: readError(`${file} is a folder, not a manifest file`, { file }) };
    // Refuse before reading: the parser would refuse it anyway, without the memory spent.
    if (info.size > MAX_MANIFEST_BYTES) return { problem: tooLarge("file", info.size) };
    return { text: await readFile(path, "utf8") };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT" ? "no such file" : err.code === "EACCES" ? "permission denied" : err.message;
    return { problem: readError(`cannot read ${file}: ${why}`, { file, reason: why }) };
  }
}

function readError(message: string, params: { file: string; reason?: string }): Problem {
  return error("read-error", message, {}, params);
}
