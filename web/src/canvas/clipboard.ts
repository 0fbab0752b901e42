/**
 * Copy/paste of steps. The clipboard of this tab is kept in memory (always readable); it is also
 * written to the system clipboard as JSON so steps can be pasted into another tab or window
 * (where shared `readClipboardText` checks the text before it touches the graph).
 */
import type { StepClipboard } from "@pfd/shared";

let memory: StepClipboard | null = null;

export function writeSteps(clip: StepClipboard): void {
  memory = clip;
  navigator.clipboard?.writeText(JSON.stringify(clip)).catch(() => {
    // Permission refused or no secure context: the in-tab clipboard still works.
  });
}

export function readSteps(): StepClipboard | null {
  return memory;
}
