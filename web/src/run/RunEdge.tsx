/**
 * The canvas's default edge, aware of the run: while its target step runs, the dash flows
 * toward it. It subscribes to its target's status alone, so a poll re-renders only the edges
 * into steps whose "running" flag flipped.
 */
import { BaseEdge, type EdgeProps, getBezierPath, Position } from "@xyflow/react";
import { memo } from "react";
import { useStepRunning } from "./stepStatus";

/** Class for the path of an edge whose target step is running. */
const RUNNING_EDGE_CLASS = "pfd-run-edge-running";

export const RunEdge = memo(function RunEdge({
  id,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition = Position.Right,
  targetPosition = Position.Left,
  style,
  markerEnd,
  markerStart,
  interactionWidth,
  label,
}: EdgeProps) {
  const running = useStepRunning(target);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  return (
    <BaseEdge
      id={id}
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={label}
      style={style}
      markerEnd={markerEnd}
      markerStart={markerStart}
      interactionWidth={interactionWidth}
      className={running ? RUNNING_EDGE_CLASS : undefined}
      data-running={running ? "true" : undefined}
    />
  );
});
