/**
 * A run's actions, in the run bar and the run history: Start, Terminate or Rerun as its status
 * allows, each disabled with its reason when the user's role does not allow it.
 */
import type { RunDetail, RunVerb } from "@pfd/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { denialText } from "../auth/denial";
import { actionRefusal } from "../auth/me";
import { type MessageId, useT } from "../i18n";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { runKeys } from "./queries";
import { useRunContext } from "./RunProvider";
import { isTerminal } from "./status";

/** Terminate while it runs, Start when created without starting, Rerun once it ended. */
export function RunActions({ run }: { run: RunDetail }) {
  const { api, me } = useRunContext();
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
  const t = useT();
  const button = (verb: RunVerb, label: MessageId) => {
    const forbidden = actionRefusal(me, verb, run);
    return (
      <button
        type="button"
        className="btn"
        disabled={action.isPending || forbidden !== null}
        title={forbidden ? denialText(t, forbidden) : undefined}
        onClick={() => action.mutate(verb)}
      >
        {t(label)}
      </button>
    );
  };
  return (
    <>
      {run.status === "Initialized" && button("start", "runBar.start")}
      {!terminal && run.status !== "Terminating" && button("terminate", "runBar.terminate")}
      {terminal && button("rerun", "runBar.rerun")}
      {action.error && <ErrorNotice error={asRunApiError(action.error)} title={t("runBar.actionFailed")} />}
    </>
  );
}
