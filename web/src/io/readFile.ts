/** Reading a user's file as manifest text, refusing what no manifest can be. */
import { MAX_MANIFEST_BYTES, type Problem } from "@pfd/shared";

const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export function looksLikeManifestFile(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export type FileText = { ok: true; text: string } | { ok: false; problems: Problem[] };

export async function readManifestFile(file: Blob & { name: string }): Promise<FileText> {
  if (file.size > MAX_MANIFEST_BYTES) {
    const mb = (MAX_MANIFEST_BYTES / 1024 / 1024).toFixed(0);
    return {
      ok: false,
      problems: [
        {
          severity: "error",
          code: "too-large",
          message: `file is ${file.size} bytes; the limit is ${mb} MB`,
          location: {},
        },
      ],
    };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    const message = `cannot read the file: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, problems: [{ severity: "error", code: "unreadable", message, location: {} }] };
  }
}
