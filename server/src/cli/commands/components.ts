/** `pfd components [--json]`: the component catalog. */
import { type ComponentSpec, catalog, componentKey } from "@pfd/shared";
import { loadComponents } from "../../config/components";
import { type Command, EXIT, parseArgs, UsageError } from "../command";

function ports(list: ComponentSpec["inputs"], optionalMark: boolean): string {
  return list.map((p) => `${p.name}${optionalMark && !p.required ? "?" : ""}:${p.type}`).join(", ") || "-";
}

/** Terminal columns of a text: CJK characters take two. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return n;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}

function table(components: readonly ComponentSpec[]): string {
  const rows = components.map((c) => [
    componentKey(c),
    `${c.displayName.en} / ${c.displayName.zh}`,
    c.category,
    `${ports(c.inputs, true)} -> ${ports(c.outputs, false)}`,
  ]);
  const head = ["COMPONENT", "NAME", "CATEGORY", "INPUTS -> OUTPUTS"];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] as string))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] as number)))
      .join("  ")
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join("\n")}\n`;
}

export const components: Command = {
  help: `Usage: pfd components [--json] [--components PATH]

Lists the components the designer knows: provider/identifier/version, English and Chinese names,
category, and input -> output artifacts (\`?\` marks an optional input).

Options:
  --json              print the whole catalog as JSON (ports, parameters, defaults, ranges)
  --components PATH   add the components of these core/v1 component manifests (a file or folder)`,
  async run(args, io) {
    const { flags, options, positionals } = parseArgs(args, { flags: ["--json"], options: ["--components"] });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    let list: ComponentSpec[] = catalog;
    const dir = options.get("--components");
    if (dir !== undefined) {
      const loaded = await loadComponents(dir);
      for (const p of loaded.problems) io.err(`${p.file}: warning component-file: ${p.message}\n`);
      list = loaded.components as ComponentSpec[];
    }
    io.out(flags.has("--json") ? `${JSON.stringify(list, null, 2)}\n` : table(list));
    return EXIT.ok;
  },
};
