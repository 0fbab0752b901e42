/** The followed run's step details, docked under the canvas while a step is chosen. */
import { useQuery } from "@tanstack/react-query";
import { runQuery } from "./queries";
import { RunDetails } from "./RunDetails";
import { useRunContext } from "./RunProvider";

export default function RunDock() {
  const { api, followedRunId, detailStep, showStepDetails } = useRunContext();
  const run = useQuery({ ...runQuery(api, followedRunId ?? ""), enabled: followedRunId !== null });
  if (!followedRunId || detailStep === null || !run.data) return null;
  return (
    <RunDetails
      api={api}
      runId={followedRunId}
      steps={run.data.steps}
      stepName={detailStep}
      onPickStep={showStepDetails}
      onClose={() => showStepDetails(null)}
    />
  );
}
