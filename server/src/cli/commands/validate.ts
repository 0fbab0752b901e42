/** `pfd validate FILE...`: one line per problem; exit 1 when any file has an error. */
import path from "node:path";
import { type SchemasResponse, validateManifestText } from "@pfd/shared";
import { loadComponents } from "../../config/components";
import { type Command, EXIT, parseArgs, UsageError } from "../command";
import { formatProblem, plural } from "../format";
import { readManifestFile } from "../read";
import { dataDirSchemas, type SchemaSource, serverSchemas } from "../schemas";

export const validate: Command = {
  help: `Usage: pfd validate [--components PATH] [--data DIR | --server URL] FILE...

Checks PAIFlow core/v1 manifests (YAML or JSON, one or more documents) and prints one line per
problem:  FILE:LINE:COL: error|warning CODE: message  (LINE:COL left out when unknown).

Options:
  --components PATH   also know the components of these core/v1 component manifests (a file or folder)
  --data DIR          also check column parameters against the columns that reach each step, as
                      the local engine's data directory DIR knows them (its table catalog):
                      unknown-column, column-type (errors: the local engine knows them exactly)
  --server URL        the same, asking a running designer server (POST /api/schemas), e.g.
                      http://127.0.0.1:8080; use it while a server holds the data directory

Exit status: 0 no file has an error (warnings allowed), 1 some file has an error or cannot be
read, 2 usage error.`,
  async run(args, io) {
    const { options, positionals } = parseArgs(args, { options: ["--components", "--data", "--server"] });
    if (positionals.length === 0) throw new UsageError("no FILE given");
    const dataDir = options.get("--data");
    const server = options.get("--server");
    if (dataDir !== undefined && server !== undefined)
      throw new UsageError("give --data or --server, not both");
    let components: Parameters<typeof validateManifestText>[1] = {};
    const dir = options.get("--components");
    if (dir !== undefined) {
      const loaded = await loadComponents(dir);
      for (const p of loaded.problems) io.err(`${p.file}: warning component-file: ${p.message}\n`);
      components = { components: loaded.components as never };
    }
    let source: SchemaSource | undefined;
    try {
      if (server !== undefined) source = serverSchemas(server);
      else if (dataDir !== undefined) source = await dataDirSchemas(path.resolve(io.cwd, dataDir));
    } catch (error) {
      io.err(`pfd validate: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    let errors = 0;
    let warnings = 0;
    let failedFiles = 0;
    try {
      for (const file of positionals) {
        const read = await readManifestFile(io.cwd, file);
        let schemas: SchemasResponse | undefined;
        if ("text" in read && source) {
          try {
            schemas = await source.schemas(read.text);
          } catch (error) {
            // Columns unknown: the file is still checked, without its column parameters.
            io.err(`${file}: warning schemas-unavailable: ${(error as Error).message}\n`);
          }
        }
        const problems =
          "text" in read ? validateManifestText(read.text, { ...components, schemas }) : [read.problem];
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
    } finally {
      source?.close();
    }
    const files = plural(positionals.length, "file");
    io.err(`${files} checked: ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
    return failedFiles > 0 ? EXIT.failed : EXIT.ok;
  },
};
