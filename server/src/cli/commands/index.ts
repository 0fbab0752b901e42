/**
 * The registry of `pfd` commands: to add one, write commands/<name>.ts and list it here. A
 * command's module is loaded only when it runs (or shows its help), so `pfd validate` never
 * loads the local engine, DuckDB or the PAIFlow client.
 */
import type { CommandEntry } from "../command";

export const commands: CommandEntry[] = [
  {
    name: "validate",
    summary: "check manifests and print every problem as FILE:LINE:COL: severity CODE: message",
    load: async () => (await import("./validate")).validate,
  },
  {
    name: "normalize",
    summary: "print a manifest as the designer writes it (same content, Designer's YAML style)",
    load: async () => (await import("./normalize")).normalize,
  },
  {
    name: "components",
    summary: "list the component catalog (--json for every port and parameter)",
    load: async () => (await import("./components")).components,
  },
  {
    name: "run",
    summary: "validate a manifest and run it on PAIFlow (cloud, or the local engine without credentials)",
    load: async () => (await import("./run")).run,
  },
  {
    name: "paiflow-local",
    summary: "run the local PAIFlow-compatible service (pipelines run on DuckDB)",
    load: async () => (await import("./paiflow-local")).paiflowLocal,
  },
  {
    name: "tables",
    summary: "list the local table catalog or import a CSV/Parquet file into it",
    load: async () => (await import("./tables")).tables,
  },
];
