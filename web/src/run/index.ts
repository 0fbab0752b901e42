/**
 * The run module: one-click run and the live run view.
 *
 *   <RunProvider pipelineKey={id} getRunSource={() => ({ manifest, problems })}>  around the editor
 *   <RunButton /> <RunSettingsButton />   in the toolbar (Ctrl/Cmd+Enter runs too)
 *   <RunBar />                            the "Run status" bar
 *   <RunDock />                           the chosen step's Logs and Outputs (lazy)
 *   useStepRunStatus(stepName)            in a canvas node: `data-status={status?.status}`, <StepRunBadge step={status} />
 *   useNodeStatusAttribute(status)        ref for a canvas node's element: the status on React Flow's wrapper too
 *   edgeTypes={{ default: RunEdge }}      edges into a running step animate
 *   useOptionalRunContext()?.showStepDetails(step)   open a step's details (e.g. on node selection)
 */
import { lazy } from "react";

export { useNodeStatusAttribute } from "./nodeStatus";
export { RunButton, RunSettingsButton } from "./RunButton";
export { StepRunBadge } from "./StepRunBadge";
export { useStepRunStatus } from "./stepStatus";

export const RunDock = lazy(() => import("./RunDock"));
