/** A run's actions, in the run bar and the run history: Start, Terminate or Rerun as its status allows. */
import type { RunDetail } from "@pfd/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { runKeys } from "./queries";
import { useRunContext } from "./RunProvider";
import { isTerminal } from "./status";

/** Terminate while it runs, Start when created without starting, Rerun once it ended. */
export function RunActions({ run }: { run: RunDetail }) {
  const { api } = useRunContext();
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: (verb: "terminate" | "start" | "rerun") => api[verb](run.pipelineRunId),
    onSuccess: (_data, verb) => {
      // A rerun starts the same run over: its old logs and outputs must not be shown as new.
      if (verb === "rerun")
        queryClient.removeQueries({ queryKey: [...runKeys.run(run.pipelineRunId), "steps"] });
      void queryClient.invalidateQueries({ queryKey: runKeys.run(run.pipelineRunId) });
      void queryClient.invalidateQueries({ queryKey: [...runKeys.all, "list"] });
    },
  });
  const terminal = isTerminal(run.status);
  return (
    <>
      {run.status === "Initialized" && (
        <button
          type="button"
          className="btn"
          disabled={action.isPending}
          onClick={() => action.mutate("start")}
        >
          Start
        </button>
      )}
      {!terminal && run.status !== "Terminating" && (
        <button
          type="button"
          className="btn"
          disabled={action.isPending}
          onClick={() => action.mutate("terminate")}
        >
          Terminate
        </button>
      )}
      {terminal && (
        <button
          type="button"
          className="btn"
          disabled={action.isPending}
          onClick={() => action.mutate("rerun")}
        >
          Rerun
        </button>
      )}
      {action.error && <ErrorNotice error={asRunApiError(action.error)} title="Action failed:" />}
    </>
  );
}
