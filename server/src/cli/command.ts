/** What a `pfd` command is: the dispatcher finds it in the registry (commands/index.ts) by name. */

export interface CliIo {
  /** Writes to standard output (text as is; add your own newlines). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /**
   * Resolves when the user asks a command that runs until stopped (`paiflow-local`) to stop: SIGINT
   * or SIGTERM for the program, which listens only once this is called (other commands keep Node's
   * default: Ctrl-C ends them at once).
   */
  untilStopped(): Promise<void>;
}

/** A command as the registry lists it: enough for `pfd --help`; the command itself loads on use. */
export interface CommandEntry {
  name: string;
  /** One line for `pfd --help`. */
  summary: string;
  load(): Promise<Command>;
}

export interface Command {
  /** The whole `pfd <name> --help` text, starting with the usage line. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown by a command for bad arguments: the dispatcher prints it with the command's help and exits 2. */
export class UsageError extends Error {}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Splits arguments into flags (`--json`, `--name value`) and positionals; unknown flags are usage errors. */
export function parseArgs(
  args: string[],
  spec: { flags?: string[]; options?: string[] },
): { flags: Set<string>; options: Map<string, string>; positionals: string[] } {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.split("=", 2) as [string, string | undefined];
      if (spec.flags?.includes(name) && inline === undefined) flags.add(name);
      else if (spec.options?.includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`${name} needs a value`);
        options.set(name, value);
      } else throw new UsageError(`unknown option ${arg}`);
    } else positionals.push(arg);
  }
  return { flags, options, positionals };
}
