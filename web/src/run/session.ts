/**
 * The run a pipeline's canvas follows, remembered per pipeline in localStorage so a reload
 * during a run picks it up again (and a finished run's statuses are still there after one).
 */

const PREFIX = "pfd.run-followed.";
const RUN_ID = /^[\w.-]{1,128}$/;

export function loadFollowedRun(storage: Storage, pipelineKey: string): string | null {
  const id = storage.getItem(PREFIX + pipelineKey);
  return id && RUN_ID.test(id) ? id : null;
}

export function saveFollowedRun(storage: Storage, pipelineKey: string, runId: string | null): void {
  if (runId === null) storage.removeItem(PREFIX + pipelineKey);
  else storage.setItem(PREFIX + pipelineKey, runId);
}
