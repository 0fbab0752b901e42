/**
 * The components the designer offers: the shared catalog plus users' own core/v1 component
 * manifests from COMPONENTS_DIR (a file or a folder, read again on each request so a new file
 * shows up without a restart). A file that cannot be read is reported, never fatal.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import {
  type ApiComponent,
  type ComponentsResponse,
  catalog,
  componentKey,
  componentsFromManifest,
  parseManifest,
} from "@pfd/shared";

const EXTENSIONS = new Set([".yaml", ".yml", ".json"]);
const MAX_FILES = 500;
const MAX_DEPTH = 4;

async function listFiles(root: string): Promise<string[]> {
  const info = await stat(root);
  if (info.isFile()) return [root];
  const files: string[] = [];
  const walk = async (dir: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (files.length >= MAX_FILES || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(path, depth + 1);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  await walk(root, 0);
  return files;
}

// Without COMPONENTS_DIR the answer never changes: one frozen object, so callers that remember
// work by component list (the manifest checker) see the same list every time.
const CATALOG_ONLY: ComponentsResponse = Object.freeze({ components: catalog, problems: [] });

export async function loadComponents(dir: string | undefined): Promise<ComponentsResponse> {
  if (!dir) return CATALOG_ONLY;
  const components: ApiComponent[] = [...catalog];
  const problems: ComponentsResponse["problems"] = [];
  const seen = new Set(catalog.map(componentKey));
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      components,
      problems: [{ file: dir, message: `COMPONENTS_DIR cannot be read (${code ?? "error"})` }],
    };
  }
  for (const file of files) {
    const name = relative(dir, file) || file;
    const parsed = parseManifest(await readFile(file, "utf8"));
    const firstError = parsed.problems.find((p) => p.severity === "error");
    if (!parsed.stream || firstError) {
      const where = firstError?.location.line
        ? `:${firstError.location.line}:${firstError.location.col ?? 1}`
        : "";
      problems.push({ file: `${name}${where}`, message: firstError?.message ?? "not a core/v1 manifest" });
      continue;
    }
    const found = componentsFromManifest(parsed.stream);
    if (found.length === 0)
      problems.push({ file: name, message: "no component (metadata.identifier) in this file" });
    for (const component of found) {
      const key = componentKey(component);
      if (seen.has(key)) {
        problems.push({ file: name, message: `component ${key} is already defined; this one is ignored` });
        continue;
      }
      seen.add(key);
      components.push(component);
    }
  }
  return { components, problems };
}
