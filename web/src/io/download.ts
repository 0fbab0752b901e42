/** Saving text and images as files the browser downloads. */
import type { PipelineGraph } from "@pfd/shared";

/** A file name (without extension) safe on every file system, `fallback` when nothing is left. */
export function safeFileName(base: string, fallback: string): string {
  const safe = base
    .trim()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names.
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, "_")
    .replace(/^\.+/, "_")
    .slice(0, 120);
  return safe || fallback;
}

/** `<pipeline name>.yaml`, from the name, else the identifier; safe on every file system. */
export function yamlFileName(graph: PipelineGraph): string {
  const meta = graph.metadata;
  const base = [meta.name, meta.identifier, meta.displayName].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  return `${safeFileName(base ?? "pipeline", "pipeline")}.yaml`;
}

export function downloadText(fileName: string, text: string, type = "application/yaml"): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Saves a blob (a chart's PNG, a YAML text) as a file the browser downloads. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
