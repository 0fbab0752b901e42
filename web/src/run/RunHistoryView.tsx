/**
 * A past run, read-only: the graph that ran with each step's status (statuses polled while it
 * still runs), the manifest text, and the same step details as the live view.
 */
import type { RunDetail } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { Background, Handle, type NodeProps, Position, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { memo, useEffect, useMemo, useState } from "react";
import { useFormats, useT } from "../i18n";
import { problemText } from "../problems/format";
import { ErrorNotice } from "./ErrorNotice";
import { asRunApiError } from "./errors";
import { type HistoryNodeData, historyGraph } from "./historyGraph";
import { useNodeStatusAttribute } from "./nodeStatus";
import { runManifestQuery, runQuery } from "./queries";
import { RunActions } from "./RunActions";
import { RunDetails } from "./RunDetails";
import { useRunContext } from "./RunProvider";
import { StepRunBadge } from "./StepRunBadge";
import { elapsedMs, statusKind } from "./status";
import { applyRun, createStepStatusStore, StepStatusContext, useStepRunStatus } from "./stepStatus";
import { statusText } from "./text";

const HistoryNode = memo(function HistoryNode({ data }: NodeProps) {
  const d = data as HistoryNodeData;
  const step = useStepRunStatus(d.stepName);
  const root = useNodeStatusAttribute<HTMLElement>(step?.status);
  return (
    <article
      ref={root}
      className={`pfd-run-history-node pfd-run-${statusKind(step?.status)}`}
      data-status={step?.status}
      aria-label={d.label}
    >
      <div className="pfd-run-history-title">{d.label}</div>
      <div className="pfd-run-hint">{d.component}</div>
      <StepRunBadge step={step} />
      {/* Edges attach to handles; these only anchor them (nothing connects in a read-only view). */}
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="pfd-run-history-handle"
      />
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pfd-run-history-handle"
      />
    </article>
  );
});

const nodeTypes = { history: HistoryNode };

export function RunHistoryView({ runId }: { runId: string }) {
  const { api, followedRunId, follow } = useRunContext();
  // The followed run is already polled by the canvas; poll here only for another one.
  const run = useQuery(runQuery(api, runId, { poll: runId !== followedRunId }));
  const manifest = useQuery(runManifestQuery(api, runId));
  const [tab, setTab] = useState<"graph" | "manifest">("graph");
  const [step, setStep] = useState<string | null>(null);
  const t = useT();
  // Its own projection: the history view must not paint the canvas with another run's statuses.
  const [store] = useState(createStepStatusStore);
  useEffect(() => {
    if (run.data) applyRun(store, run.data);
  }, [run.data, store]);
  const graph = useMemo(
    () => (manifest.data ? historyGraph(manifest.data.manifest) : undefined),
    [manifest.data],
  );

  return (
    <section className="pfd-run-history" aria-label={t("history.label", { id: runId })}>
      {run.error ? <ErrorNotice error={asRunApiError(run.error)} title={t("history.unavailable")} /> : null}
      {run.data && <RunSummaryLine run={run.data} />}
      <div className="pfd-run-history-actions">
        {run.data && <RunActions run={run.data} />}
        {followedRunId !== runId && (
          <button type="button" className="btn" onClick={() => follow(runId)}>
            {t("history.showOnCanvas")}
          </button>
        )}
      </div>
      <div role="tablist" aria-label={t("history.tabs")} className="pfd-run-tabs">
        <button type="button" role="tab" aria-selected={tab === "graph"} onClick={() => setTab("graph")}>
          {t("history.graph")}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === "manifest"}
          onClick={() => setTab("manifest")}
        >
          {t("history.manifest")}
        </button>
      </div>
      {manifest.error && (
        <ErrorNotice error={asRunApiError(manifest.error)} title={t("history.manifestUnavailable")} />
      )}
      {tab === "graph" && graph && !graph.ok && (
        <div role="alert">{graph.problem ? problemText(t, graph.problem) : t("history.unreadable")}</div>
      )}
      {tab === "graph" && graph?.ok && (
        <StepStatusContext.Provider value={store}>
          <div className="pfd-run-history-graph">
            <ReactFlowProvider>
              <ReactFlow
                nodes={graph.nodes}
                edges={graph.edges}
                nodeTypes={nodeTypes}
                nodesDraggable={false}
                nodesConnectable={false}
                edgesFocusable={false}
                deleteKeyCode={null}
                onNodeClick={(_e, node) => setStep(node.id)}
                fitView
                fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
                proOptions={{ hideAttribution: true }}
              >
                <Background />
              </ReactFlow>
            </ReactFlowProvider>
          </div>
        </StepStatusContext.Provider>
      )}
      {tab === "manifest" && manifest.data && (
        <section aria-label={t("history.manifestThatRan")}>
          <pre className="pfd-run-manifest">{manifest.data.manifest}</pre>
        </section>
      )}
      {run.data && step && (
        <RunDetails
          api={api}
          runId={runId}
          steps={run.data.steps}
          stepName={step}
          onPickStep={setStep}
          onClose={() => setStep(null)}
        />
      )}
    </section>
  );
}

function RunSummaryLine({ run }: { run: RunDetail }) {
  const ms = elapsedMs(run.startedAt, run.finishedAt, Date.now());
  const t = useT();
  const { duration } = useFormats();
  return (
    <p className="pfd-run-history-summary">
      <span className={`pfd-run-word pfd-run-${statusKind(run.status)}`} data-status={run.status}>
        {statusText(t, run.status)}
      </span>{" "}
      {run.name} {ms !== undefined && `· ${duration(ms)}`}
      {run.message && <span className="pfd-run-message"> · {run.message}</span>}
      {run.consoleUrl && (
        <>
          {" · "}
          <a href={run.consoleUrl} target="_blank" rel="noreferrer">
            {t("runBar.console")}
          </a>
        </>
      )}
    </p>
  );
}
