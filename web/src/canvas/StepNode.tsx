/**
 * A step on the canvas: category icon, display name, component name, one handle per input
 * (left) and output (right) artifact, and a badge with its validation problems.
 */
import { componentName, NODE_SIZE } from "@pfd/shared";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo, useContext } from "react";
import { catalogLanguage, useT } from "../i18n";
import { problemLabel, problemText } from "../problems/format";
import { StepRunBadge, useNodeStatusAttribute, useStepRunStatus } from "../run"; // run view (issue 5)
import { schemaNote } from "../schemas/note";
import { useEditor } from "../store";
import { categoryKind } from "../theme/icons";
import { PortKeysContext, usePortFrom } from "./keyboardConnect";
import { nodeHeight, portTop } from "./ports";
import type { StepNode as StepNodeType } from "./view";

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
  // Ports take the keyboard (see keyboardConnect): focusable, and the one a connection started from marked.
  const keys = useContext(PortKeysContext);
  const from = usePortFrom(step.name);
  const portKeys = keys
    ? { tabIndex: 0, role: "button", onKeyDown: keys.onKeyDown, onBlur: keys.onBlur }
    : {};
  const fromClass = (side: "input" | "output", name: string) =>
    from?.side === side && from.port === name ? " kb-from" : "";
  // Why this step's columns are unknown, where that starts (not on every step downstream of it).
  const note = useEditor((s) => schemaNote(s.schemas, step.name));

  // run view (issue 5): the status on React Flow's wrapper too.
  const status = run?.status;
  const root = useNodeStatusAttribute<HTMLDivElement>(status);

  // As few elements as the node can be drawn with: a 1,000-step pipeline creates, styles and lays
  // out every one of them when it opens (no wrapper around the text, no badge before a run).
  return (
    <div
      ref={root}
      className={`step-node cat-${kind}${selected ? " selected" : ""}${component ? "" : " unknown"}`}
      style={{ width: NODE_SIZE.width, minHeight: height }}
      data-status={status /* run view (issue 5) */}
    >
      <div className="step-icon" aria-hidden="true" />
      <div className="step-title" title={step.displayName ?? step.name}>
        {step.displayName ?? step.name}
      </div>
      <div className="step-sub" title={`${step.name} · ${shownComponent}`}>
        {shownComponent}
      </div>
      {/* run view (issue 5): status and duration */}
      {run ? <StepRunBadge step={run} /> : null}
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
          className={`port port-in${fromClass("input", p.name)}`}
          style={{ top: portTop(i, inputs.length, height) }}
          data-tip={`${p.name}: ${p.type}`}
          // A labelled picture of the port where ports take no keys (read-only); a button where they do.
          role="img"
          aria-label={t("node.input", { name: p.name, type: p.type })}
          {...portKeys}
        />
      ))}
      {outputs.map((p, i) => (
        <Handle
          key={`out-${p.name}`}
          id={p.name}
          type="source"
          position={Position.Right}
          className={`port port-out${fromClass("output", p.name)}`}
          style={{ top: portTop(i, outputs.length, height) }}
          data-tip={`${p.name}: ${p.type}`}
          role="img"
          aria-label={t("node.output", { name: p.name, type: p.type })}
          {...portKeys}
        />
      ))}
    </div>
  );
}

/** Re-render only when this step's own view data or selection changes. */
export const StepNode = memo(
  StepNodeView,
  (a, b) => a.data === b.data && a.selected === b.selected && a.dragging === b.dragging,
);
