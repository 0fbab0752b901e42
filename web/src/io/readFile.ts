/** Reading a user's file as manifest text, refusing what no manifest can be. */
import { error, MAX_MANIFEST_BYTES, type Problem, tooLarge } from "@pfd/shared";

const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export function looksLikeManifestFile(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export type FileText = { ok: true; text: string } | { ok: false; problems: Problem[] };

export async function readManifestFile(file: Blob & { name: string }): Promise<FileText> {
  if (file.size > MAX_MANIFEST_BYTES) return { ok: false, problems: [tooLarge("file", file.size)] };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [error("unreadable", `cannot read the file: ${reason}`, {}, { reason })] };
  }
}
