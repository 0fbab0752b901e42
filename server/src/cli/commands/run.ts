/** `pfd run FILE`: validates a manifest and submits it, through the server's client and configuration. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CreateRunRequestSchema, type RunDetail } from "@pfd/shared";
import { config as loadDotenv } from "dotenv";
import { pino } from "pino";
import { loadComponents } from "../../config/components";
import { ConfigError, loadConfig } from "../../config/env";
import { ManifestChecker } from "../../paiflow/check";
import { connectPaiflow } from "../../paiflow/connect";
import { PaiflowError } from "../../paiflow/errors";
import { followRun } from "../../paiflow/follow";
import { prepareRun } from "../../paiflow/submit";
import { startLocalPaiflow } from "../../paiflow-local/index";
import { type CliIo, type Command, EXIT, parseArgs, UsageError } from "../command";
import { formatProblem } from "../format";
import { readManifestFile } from "../read";

export const run: Command = {
  help: `Usage: pfd run FILE [--workspace ID] [--name NAME] [--arguments FILE] [--only STEP | --to STEP | --from STEP]
                [--no-reuse] [--wait] [--json]

Validates the manifest, then submits it with CreatePipelineRun (SourceType DESIGNER) through the
same client and configuration as the server (environment and .env: PAIFLOW_MODE, credentials,
ALIBABA_CLOUD_REGION_ID, PAI_WORKSPACE_ID, MAXCOMPUTE_PROJECT, ...), and prints the PipelineRunId.
Without Alibaba Cloud credentials it runs on the embedded local PAIFlow (data in .paiflow-local/,
or PAIFLOW_LOCAL_DATA): on the one the designer's server (or pfd paiflow-local) runs there, or
else inside this command, which then stays until the run ends.

Options:
  --workspace ID     PAI workspace (default PAI_WORKSPACE_ID; "local" in local mode)
  --name NAME        run name (default: the pipeline's name and the time)
  --arguments FILE   run arguments, YAML or JSON (default: execution_maxcompute from MAXCOMPUTE_PROJECT)
  --only STEP        run that step alone; the steps it reads from take their outputs from earlier
                     runs (refused, naming the step to run first, when one has none)
  --to STEP          run that step and every step it depends on
  --from STEP        run that step and every step that depends on it
  --no-reuse         local mode: run every step again, even those whose component, parameters
                     and inputs are unchanged since a run that succeeded (they are reused otherwise)
  --wait             print each step's status changes until the run ends; the last line is the
                     final status (e.g. Succeeded)
  --json             print JSON: the submission, and with --wait one object per change

Exit status: 0 submitted (with --wait: the run Succeeded), 1 invalid manifest, PAIFlow error or
(with --wait) a run that did not succeed, 2 usage error.`,
  async run(args, io) {
    const { flags, options, positionals } = parseArgs(args, {
      flags: ["--wait", "--json", "--no-reuse"],
      options: ["--workspace", "--name", "--arguments", "--only", "--to", "--from"],
    });
    const scopes = (["one", "to", "from"] as const).flatMap((mode) => {
      const step = options.get(mode === "one" ? "--only" : `--${mode}`);
      return step === undefined ? [] : [{ mode, step }];
    });
    if (scopes.length > 1) throw new UsageError("give one of --only, --to and --from");
    if (positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? "no FILE given" : "give one FILE");
    const file = positionals[0] as string;
    const json = flags.has("--json");
    const wait = flags.has("--wait");

    const read = await readManifestFile(io.cwd, file);
    if ("problem" in read) {
      io.err(`${formatProblem(file, read.problem)}\n`);
      return EXIT.failed;
    }
    let argumentsText: string | undefined;
    const argumentsFile = options.get("--arguments");
    if (argumentsFile !== undefined) {
      try {
        argumentsText = await readFile(resolve(io.cwd, argumentsFile), "utf8");
      } catch (e) {
        io.err(
          `pfd run: cannot read --arguments ${argumentsFile}: ${(e as NodeJS.ErrnoException).code ?? e}\n`,
        );
        return EXIT.failed;
      }
    }
    const request = CreateRunRequestSchema.safeParse({
      manifest: read.text,
      name: options.get("--name"),
      workspaceId: options.get("--workspace"),
      arguments: argumentsText,
      scope: scopes[0],
      reuse: flags.has("--no-reuse") ? false : undefined,
    });
    if (!request.success) {
      const issue = request.error.issues[0];
      throw new UsageError(`${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}`);
    }

    loadDotenv({ quiet: true, path: resolve(io.cwd, ".env") });
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig();
    } catch (e) {
      if (e instanceof ConfigError) {
        io.err(`pfd run: ${e.message}\n`);
        return EXIT.failed;
      }
      throw e;
    }

    const { components, problems: componentProblems } = await loadComponents(config.componentsDir);
    for (const p of componentProblems) io.err(`${p.file}: warning component-file: ${p.message}\n`);
    const checked = new ManifestChecker().check(read.text, components);
    for (const p of checked.problems) io.err(`${formatProblem(file, p)}\n`);

    const logger = pino({ level: "warn" }, pino.destination(2));
    const connection = await connectPaiflow(
      { ...config, localDataDir: resolve(io.cwd, config.localDataDir) },
      { logger, startLocal: startLocalPaiflow },
    );
    try {
      const prepared = prepareRun(request.data, checked, { config, mode: connection.mode });
      if (!prepared.ok) {
        io.err(`pfd run: ${prepared.message}\n`);
        return EXIT.failed;
      }
      const created = await connection.client.createPipelineRun(prepared.input);
      const runId = created.PipelineRunId;
      if (json) {
        io.out(
          `${JSON.stringify({ pipelineRunId: runId, requestId: created.RequestId, mode: connection.mode })}\n`,
        );
      } else io.out(`${runId}\n`);
      const local = connection.mode === "local";
      if (!wait && !local) return EXIT.ok;
      if (!wait)
        io.err(
          `pfd run: local mode: ${runId} runs in this process; waiting for it to end (--wait shows progress)\n`,
        );

      const view = {
        mode: connection.mode,
        regionId: config.regionId,
        workspaceId: prepared.input.WorkspaceId,
      };
      const final = await followRun(connection.client, runId, view, {
        intervalMs: local ? 300 : 3000,
        onUpdate: (detail, changed) => {
          if (!wait) return;
          if (json) io.out(`${JSON.stringify({ status: detail.status, changed })}\n`);
          else for (const step of changed) io.out(`${clock()} ${step.stepName}: ${step.status}\n`);
        },
      });
      if (!wait) return EXIT.ok;
      printFinal(io, final, json);
      return final.status === "Succeeded" ? EXIT.ok : EXIT.failed;
    } catch (e) {
      if (e instanceof PaiflowError) {
        io.err(`pfd run: ${e.code}: ${e.message}${e.requestId ? ` (request id ${e.requestId})` : ""}\n`);
        return EXIT.failed;
      }
      throw e;
    } finally {
      await connection.close();
    }
  },
};

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}

function printFinal(io: CliIo, run: RunDetail, json: boolean): void {
  if (json) {
    io.out(`${JSON.stringify(run)}\n`);
    return;
  }
  if (run.message) io.out(`${run.message}\n`);
  if (run.consoleUrl) io.out(`${run.consoleUrl}\n`);
  const took = run.durationSec !== null ? ` in ${run.durationSec} s` : "";
  io.out(`${run.pipelineRunId} ${run.status}${took}\n`);
}
