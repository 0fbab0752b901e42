/**
 * A step on the canvas: category icon, display name, component name, one handle per input
 * (left) and output (right) artifact, and a badge with its validation problems.
 */
import { componentName, NODE_SIZE } from "@pfd/shared";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { catalogLanguage, useT } from "../i18n";
import { problemLabel, problemText } from "../problems/format";
import { StepRunBadge, useStepRunStatus } from "../run"; // run view (issue 5)
import { schemaNote } from "../schemas/note";
import { useEditor } from "../store";
import { categoryKind } from "../theme/icons";
import type { StepNode as StepNodeType } from "./view";

const PORT_GAP = 20;
const PORT_TOP = 22;

/** The node's height for its port count: ports never crowd each other. */
function nodeHeight(ports: number): number {
  return Math.max(NODE_SIZE.minHeight, PORT_TOP * 2 + (ports - 1) * PORT_GAP);
}

function StepNodeView({ data, selected }: NodeProps<StepNodeType>) {
  const { step, component, inputs, outputs, problems } = data;
  const category = component?.category ?? "Unknown";
  const kind = categoryKind(category);
  const height = nodeHeight(Math.max(inputs.length, outputs.length, 1));
  const errors = problems?.filter((p) => p.severity === "error").length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  const t = useT();
  const shownComponent = component
    ? componentName(component, catalogLanguage(t.locale))
    : (step.component.identifier ?? step.component.guid ?? "");
  // run view (issue 5): this step's status in the shown run; re-renders only when it changes.
  const run = useStepRunStatus(step.name);
  // Why this step's columns are unknown, where that starts (not on every step downstream of it).
  const note = useEditor((s) => schemaNote(s.schemas, step.name));

  return (
    <div
      className={`step-node cat-${kind}${selected ? " selected" : ""}${component ? "" : " unknown"}`}
      style={{ width: NODE_SIZE.width, minHeight: height }}
      data-status={run?.status /* run view (issue 5) */}
    >
      <div className="step-icon" aria-hidden="true" />
      <div className="step-text">
        <div className="step-title" title={step.displayName ?? step.name}>
          {step.displayName ?? step.name}
        </div>
        <div className="step-sub" title={`${step.name} · ${shownComponent}`}>
          {shownComponent}
        </div>
        {/* run view (issue 5): status and duration */}
        <StepRunBadge step={run} />
        {problems ? (
          <ul className="step-codes" aria-label={t("node.problemCodes")}>
            {problems.map((p, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a step's problems have no identity beyond their order.
                key={i}
                className={`step-code ${p.severity}`}
                data-code={p.code}
                title={problemText(t, p)}
              >
                {p.code}
              </li>
            ))}
          </ul>
        ) : null}
        {note ? (
          <div className="step-schema-note" data-reason={note} title={note}>
            {t("node.columnsUnknown", { reason: note })}
          </div>
        ) : null}
      </div>
      {problems ? (
        <div
          className={`step-badge ${errors > 0 ? "error" : "warning"}`}
          role="img"
          aria-label={t("node.problems", { count: problems.length })}
          title={problems.map((p) => problemLabel(t, { ...p, location: {} })).join("\n")}
        >
          {errors > 0 ? errors : warnings}
        </div>
      ) : null}
      {inputs.map((p, i) => (
        <Handle
          key={`in-${p.name}`}
          id={p.name}
          type="target"
          position={Position.Left}
          className="port port-in"
          style={{ top: portTop(i, inputs.length, height) }}
          data-tip={`${p.name}: ${p.type}`}
          // A labelled picture of the port until ports take the keyboard (a div may not carry a label alone).
          role="img"
          aria-label={t("node.input", { name: p.name, type: p.type })}
        />
      ))}
      {outputs.map((p, i) => (
        <Handle
          key={`out-${p.name}`}
          id={p.name}
          type="source"
          position={Position.Right}
          className="port port-out"
          style={{ top: portTop(i, outputs.length, height) }}
          data-tip={`${p.name}: ${p.type}`}
          role="img"
          aria-label={t("node.output", { name: p.name, type: p.type })}
        />
      ))}
    </div>
  );
}

function portTop(i: number, count: number, height: number): number {
  if (count === 1) return height / 2;
  const span = (count - 1) * PORT_GAP;
  return height / 2 - span / 2 + i * PORT_GAP;
}

/** Re-render only when this step's own view data or selection changes. */
export const StepNode = memo(
  StepNodeView,
  (a, b) => a.data === b.data && a.selected === b.selected && a.dragging === b.dragging,
);
