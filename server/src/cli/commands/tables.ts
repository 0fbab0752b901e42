/** `pfd tables list|import`: the local table catalog Read Table reads from. */
import { stat } from "node:fs/promises";
import path from "node:path";
import { importTable, listTables } from "../../paiflow-local/catalog";
import { DEFAULT_DATA_DIR } from "../../paiflow-local/index";
import { prepareCatalog } from "../../paiflow-local/sample-data";
import { Warehouse } from "../../paiflow-local/warehouse";
import { type CliIo, type Command, EXIT, parseArgs, UsageError } from "../command";

const HELP = `Usage: pfd tables list [--json] [--data DIR]
       pfd tables import FILE --name project.table [--replace] [--data DIR]

The local table catalog: Read Table's inputTableName \`project.table\` is a table here. The sample
tables (pai_online_project.wumai_data, pai_inner_project.wumai_data, pai_online_project.user_info)
are installed on first use.

  list      every table that exists, with its row count, origin (sample, import, pipeline:
            written by Write Table, external) and columns
  import    load a CSV (header row; types detected) or Parquet file as project.table

Options:
  --name project.table   the catalog name to import as
  --replace              overwrite an existing table
  --json                 print the list as JSON
  --data DIR             data directory (default ${DEFAULT_DATA_DIR}); stop a running
                         \`pfd paiflow-local\` on it first (DuckDB allows one process per file)`;

async function open(dataDir: string, io: CliIo): Promise<Warehouse | undefined> {
  try {
    return await Warehouse.open(dataDir);
  } catch (error) {
    io.err(`pfd tables: ${(error as Error).message}\n`);
    return undefined;
  }
}

export const tables: Command = {
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    const { flags, options, positionals } = parseArgs(rest, {
      flags: ["--json", "--replace"],
      options: ["--name", "--data"],
    });
    const dataDir = path.resolve(io.cwd, options.get("--data") ?? DEFAULT_DATA_DIR);
    if (sub === "list") {
      if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
      const warehouse = await open(dataDir, io);
      if (!warehouse) return EXIT.failed;
      try {
        const list = await warehouse.with(async (conn) => {
          await prepareCatalog(conn);
          return listTables(conn);
        });
        if (flags.has("--json")) {
          io.out(`${JSON.stringify(list, null, 2)}\n`);
        } else {
          const width = Math.max(5, ...list.map((t) => t.name.length));
          io.out(`${"TABLE".padEnd(width)}  ${"ROWS".padStart(9)}  ${"ORIGIN".padEnd(8)}  COLUMNS\n`);
          for (const t of list) {
            const cols = t.columns.map((c) => `${c.name}:${c.type}`).join(", ");
            const notes = [
              t.kind === "view" ? "view" : "",
              t.partitionColumns.length ? `partitioned by ${t.partitionColumns.join(", ")}` : "",
            ]
              .filter(Boolean)
              .join("; ");
            io.out(
              `${t.name.padEnd(width)}  ${String(t.rows).padStart(9)}  ${t.origin.padEnd(8)}  ${cols}${notes ? `  (${notes})` : ""}\n`,
            );
          }
        }
      } finally {
        warehouse.close();
      }
      return EXIT.ok;
    }
    if (sub === "import") {
      const [file, extra] = positionals;
      if (!file) throw new UsageError("import needs a FILE");
      if (extra) throw new UsageError(`unexpected argument ${extra}`);
      const name = options.get("--name");
      if (!name) throw new UsageError("import needs --name project.table");
      const source = path.resolve(io.cwd, file);
      try {
        await stat(source);
      } catch {
        io.err(`pfd tables: ${source}: no such file\n`);
        return EXIT.failed;
      }
      const warehouse = await open(dataDir, io);
      if (!warehouse) return EXIT.failed;
      try {
        const rows = await warehouse.with(async (conn) => {
          await prepareCatalog(conn);
          return importTable(conn, source, name, { replace: flags.has("--replace") });
        });
        io.out(`imported ${rows} rows from ${file} as ${name}\n`);
        return EXIT.ok;
      } catch (error) {
        io.err(`pfd tables: ${(error as Error).message}\n`);
        return EXIT.failed;
      } finally {
        warehouse.close();
      }
    }
    throw new UsageError(sub === undefined ? "say list or import" : `unknown subcommand ${sub}`);
  },
};
