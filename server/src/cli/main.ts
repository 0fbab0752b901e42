/** The `pfd` dispatcher: finds the command in the registry, loads it and runs it (pfd.ts is the program). */
import { type CliIo, type CommandEntry, EXIT, UsageError } from "./command";
import { commands } from "./commands/index";

function overview(list: readonly CommandEntry[]): string {
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
export async function main(
  argv: string[],
  io: CliIo,
  list: readonly CommandEntry[] = commands,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(overview(list));
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? list.find((c) => c.name === args[0]) : undefined;
    io.out(topic ? `${(await topic.load()).help}\n` : overview(list));
    return EXIT.ok;
  }
  const entry = list.find((c) => c.name === name);
  if (!entry) {
    io.err(`pfd: unknown command ${JSON.stringify(name)}\n\n${overview(list)}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pfd ${name}: ${e.message}\n\n${command.help}\n`);
      return EXIT.usage;
    }
    // A message, not a stack trace; PFD_DEBUG=1 shows where it came from.
    const detail =
      e instanceof Error ? (process.env.PFD_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
    io.err(`pfd ${name}: ${detail}\n`);
    return EXIT.failed;
  }
}
