/** `pfd validate FILE...`: one line per problem; exit 1 when any file has an error. */
import { validateManifestText } from "@pfd/shared";
import { loadComponents } from "../../config/components";
import { type Command, EXIT, parseArgs, UsageError } from "../command";
import { formatProblem, plural } from "../format";
import { readManifestFile } from "../read";

export const validate: Command = {
  help: `Usage: pfd validate [--components PATH] FILE...

Checks PAIFlow core/v1 manifests (YAML or JSON, one or more documents) and prints one line per
problem:  FILE:LINE:COL: error|warning CODE: message  (LINE:COL left out when unknown).

Options:
  --components PATH   also know the components of these core/v1 component manifests (a file or folder)

Exit status: 0 no file has an error (warnings allowed), 1 some file has an error or cannot be
read, 2 usage error.`,
  async run(args, io) {
    const { options, positionals } = parseArgs(args, { options: ["--components"] });
    if (positionals.length === 0) throw new UsageError("no FILE given");
    let components: Parameters<typeof validateManifestText>[1] = {};
    const dir = options.get("--components");
    if (dir !== undefined) {
      const loaded = await loadComponents(dir);
      for (const p of loaded.problems) io.err(`${p.file}: warning component-file: ${p.message}\n`);
      components = { components: loaded.components as never };
    }
    let errors = 0;
    let warnings = 0;
    let failedFiles = 0;
    for (const file of positionals) {
      const read = await readManifestFile(io.cwd, file);
      const problems = "text" in read ? validateManifestText(read.text, components) : [read.problem];
      let fileFailed = false;
      for (const p of problems) {
        io.out(`${formatProblem(file, p)}\n`);
        if (p.severity === "error") {
          errors++;
          fileFailed = true;
        } else warnings++;
      }
      if (fileFailed) failedFiles++;
    }
    const files = plural(positionals.length, "file");
    io.err(`${files} checked: ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
    return failedFiles > 0 ? EXIT.failed : EXIT.ok;
  },
};
