/** `pfd normalize FILE`: the manifest after parse -> graph -> manifest, as Designer-style YAML. */
import { graphToManifest, manifestToGraph, parseManifest, serializeManifest } from "@pfd/shared";
import { type Command, EXIT, parseArgs, UsageError } from "../command";
import { formatProblem } from "../format";
import { readManifestFile } from "../read";

export const normalize: Command = {
  help: `Usage: pfd normalize FILE

Reads a core/v1 manifest (YAML or JSON) and prints it on stdout as the designer writes it:
parse -> graph -> manifest -> YAML. The content is unchanged (every field kept, no positions
added); only the style is Designer's (double-quoted strings, apiVersion on every step).

Exit status: 0 printed, 1 the file cannot be read or parsed (problems on stderr), 2 usage error.`,
  async run(args, io) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE");
    const file = positionals[0] as string;
    const read = await readManifestFile(io.cwd, file);
    if (!("text" in read)) {
      io.err(`${formatProblem(file, read.problem)}\n`);
      return EXIT.failed;
    }
    const parsed = parseManifest(read.text);
    const errors = parsed.problems.filter((p) => p.severity === "error");
    if (!parsed.stream || errors.length > 0) {
      for (const p of parsed.problems) io.err(`${formatProblem(file, p)}\n`);
      return EXIT.failed;
    }
    io.out(serializeManifest(graphToManifest(manifestToGraph(parsed.stream))));
    return EXIT.ok;
  },
};
