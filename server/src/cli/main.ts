/** The `pfd` command line: `npm run --silent pfd -- <command> [args]`. */
import { pathToFileURL } from "node:url";
import { type CliIo, type Command, EXIT, UsageError } from "./command";
import { commands } from "./commands/index";

function overview(list: readonly Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: pfd <command> [args]    (from the repo root: npm run --silent pfd -- <command>)

PAIFlow Designer's command line.

Commands:
${lines.join("\n")}

Run \`pfd <command> --help\` for a command's options.
`;
}

/** Runs the CLI with `argv` (the arguments after `pfd`); resolves to the exit code. */
export async function main(argv: string[], io: CliIo, list: readonly Command[] = commands): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(overview(list));
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? list.find((c) => c.name === args[0]) : undefined;
    io.out(topic ? `${topic.help}\n` : overview(list));
    return EXIT.ok;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.err(`pfd: unknown command ${JSON.stringify(name)}\n\n${overview(list)}`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pfd ${command.name}: ${e.message}\n\n${command.help}\n`);
      return EXIT.usage;
    }
    // A message, not a stack trace; PFD_DEBUG=1 shows where it came from.
    const detail =
      e instanceof Error ? (process.env.PFD_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
    io.err(`pfd ${command.name}: ${detail}\n`);
    return EXIT.failed;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    // `npm run pfd` runs in the repo root; INIT_CWD is where the user typed it.
    cwd: (process.env.npm_lifecycle_event === "pfd" && process.env.INIT_CWD) || process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`pfd: ${(e as Error).stack ?? e}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
