/** Saving text as a file the browser downloads. */
import type { PipelineGraph } from "@pfd/shared";

/** `<pipeline name>.yaml`, from the name, else the identifier; safe on every file system. */
export function yamlFileName(graph: PipelineGraph): string {
  const meta = graph.metadata;
  const base = [meta.name, meta.identifier, meta.displayName].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  const safe = (base ?? "pipeline")
    .trim()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names.
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, "_")
    .replace(/^\.+/, "_")
    .slice(0, 120);
  return `${safe || "pipeline"}.yaml`;
}

export function downloadText(fileName: string, text: string, type = "application/yaml"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
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
