/**
 * The run side of one editor: which run the canvas follows, the Run command with its guards,
 * the remembered settings, and the per-step status projection the canvas nodes read.
 *
 * Server state (runs, logs, outputs) stays in TanStack Query; this provider holds only the
 * analyst's own choices and the command's transient state, none of which enters the pipeline.
 */
import type { Denial, MeResponse, Problem, RunScope } from "@pfd/shared";
import {
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { meQuery, runRefusal } from "../auth/me";
import { createRunApi, type RunApi, RunApiError } from "./api";
import { healthQuery, runKeys, runQuery } from "./queries";
import { loadFollowedRun, saveFollowedRun } from "./session";
import {
  buildCreateRunRequest,
  checkRunSettings,
  loadRunSettings,
  type RunSettings,
  saveRunSettings,
} from "./settings";
import { applyRun, createStepStatusStore, StepStatusContext, type StepStatusStore } from "./stepStatus";
import "./run.css";
import "./controls.css";

/** What Run sends: the manifest text and its validation problems, computed at the moment of the click. */
export interface RunSource {
  manifest: string;
  problems: readonly Problem[];
  /** The saved PAI Designer draft it is, so PAI's console ties the run to the draft (SourceId). */
  sourceId?: string;
  /** The PAI Designer draft it was opened from, when it has unsaved edits (see CreateRunRequest). */
  unsavedDraftId?: string;
}

/** Why the last Run did not start a run: the user's role, the pipeline's errors, bad settings, or the server's answer. */
export type RunRefusal =
  | { kind: "role"; denial: Denial }
  | { kind: "problems"; problems: readonly Problem[] }
  | { kind: "settings"; fields: readonly (keyof RunSettings)[] }
  | { kind: "error"; error: RunApiError };

export interface RunContextValue {
  api: RunApi;
  /** Who is signed in (undefined until the server answers): Run and the run actions follow their role. */
  me: MeResponse | undefined;
  pipelineKey: string;
  followedRunId: string | null;
  /** Show a run on the canvas (null: show none). */
  follow(runId: string | null): void;
  /**
   * Validate, then create the run; ignored while a previous click is still being sent. `scope`:
   * only that step, or up to or from it (PAI Designer's "Run this step / to here / from here").
   */
  run(scope?: RunScope): void;
  submitting: boolean;
  refusal: RunRefusal | null;
  dismissRefusal(): void;
  settings: RunSettings;
  saveSettings(settings: RunSettings): void;
  /** The step whose logs and outputs the details panel shows. */
  detailStep: string | null;
  showStepDetails(stepName: string | null): void;
}

const RunContext = createContext<RunContextValue | null>(null);

export function useRunContext(): RunContextValue {
  const value = useContext(RunContext);
  if (!value) throw new Error("Run views must be used inside <RunProvider>.");
  return value;
}

/** The run context when there is one: the canvas lives without it in its own tests. */
export function useOptionalRunContext(): RunContextValue | null {
  return useContext(RunContext);
}

export interface RunProviderProps {
  /** The pipeline's local id: run settings and the followed run are remembered under it. */
  pipelineKey: string;
  /** Called on Run: the manifest to send and its problems. */
  getRunSource: () => RunSource;
  api?: RunApi;
  storage?: Storage;
  /** Uses the surrounding QueryClient when there is one. */
  queryClient?: QueryClient;
  children: ReactNode;
}

export function RunProvider(props: RunProviderProps) {
  const outer = useContext(QueryClientContext) ?? null;
  const [own] = useState(() => props.queryClient ?? outer ?? new QueryClient());
  if (props.queryClient || !outer) {
    return (
      <QueryClientProvider client={own}>
        <RunState {...props} />
      </QueryClientProvider>
    );
  }
  return <RunState {...props} />;
}

function RunState({
  pipelineKey,
  getRunSource,
  api: givenApi,
  storage: givenStorage,
  children,
}: RunProviderProps) {
  const queryClient = useQueryClient();
  const api = useMemo(() => givenApi ?? createRunApi(), [givenApi]);
  const storage = givenStorage ?? window.localStorage;
  const [statusStore] = useState(createStepStatusStore);
  const me = useQuery(meQuery(api)).data;
  const [followedRunId, setFollowed] = useState(() => loadFollowedRun(storage, pipelineKey));
  const [settings, setSettings] = useState(() => loadRunSettings(storage, pipelineKey));
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<RunRefusal | null>(null);
  const [detailStep, setDetailStep] = useState<string | null>(null);
  // A ref, not state: a double click's second event arrives before React re-renders.
  const inFlight = useRef(false);
  const getSource = useRef(getRunSource);
  getSource.current = getRunSource;

  // Another pipeline opened: its own remembered run and settings.
  const [shownKey, setShownKey] = useState(pipelineKey);
  if (shownKey !== pipelineKey) {
    setShownKey(pipelineKey);
    setFollowed(loadFollowedRun(storage, pipelineKey));
    setSettings(loadRunSettings(storage, pipelineKey));
    setRefusal(null);
    setDetailStep(null);
  }

  const follow = useCallback(
    (runId: string | null) => {
      saveFollowedRun(storage, pipelineKey, runId);
      setFollowed(runId);
    },
    [storage, pipelineKey],
  );

  const saveSettings = useCallback(
    (next: RunSettings) => {
      saveRunSettings(storage, pipelineKey, next);
      setSettings(next);
    },
    [storage, pipelineKey],
  );

  const run = useCallback(
    (scope?: RunScope) => {
      if (inFlight.current) return;
      const forbidden = runRefusal(me);
      if (forbidden) {
        setRefusal({ kind: "role", denial: forbidden });
        return;
      }
      const source = getSource.current();
      const errors = source.problems.filter((p) => p.severity === "error");
      if (errors.length > 0) {
        setRefusal({ kind: "problems", problems: errors });
        return;
      }
      const bad = Object.keys(checkRunSettings(settings)) as (keyof RunSettings)[];
      if (bad.length > 0) {
        setRefusal({ kind: "settings", fields: bad });
        return;
      }
      inFlight.current = true;
      setSubmitting(true);
      setRefusal(null);
      void (async () => {
        try {
          const health = await queryClient.fetchQuery(healthQuery(api)).catch(() => undefined);
          const request = buildCreateRunRequest(source.manifest, settings, health, scope);
          if (source.sourceId) request.sourceId = source.sourceId;
          if (source.unsavedDraftId) request.unsavedDraftId = source.unsavedDraftId;
          const created = await api.createRun(request);
          follow(created.pipelineRunId);
          void queryClient.invalidateQueries({ queryKey: [...runKeys.all, "list"] });
        } catch (error) {
          const apiError =
            error instanceof RunApiError ? error : new RunApiError("ClientError", String(error), undefined);
          setRefusal({ kind: "error", error: apiError });
        } finally {
          inFlight.current = false;
          setSubmitting(false);
        }
      })();
    },
    [api, follow, me, queryClient, settings],
  );

  // Ctrl/Cmd+Enter runs from anywhere, unless a focused editor already used the keys.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.altKey || event.shiftKey || event.repeat) return;
      event.preventDefault();
      run();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  const value = useMemo<RunContextValue>(
    () => ({
      api,
      me,
      pipelineKey,
      followedRunId,
      follow,
      run,
      submitting,
      refusal,
      dismissRefusal: () => setRefusal(null),
      settings,
      saveSettings,
      detailStep,
      showStepDetails: setDetailStep,
    }),
    [
      api,
      me,
      pipelineKey,
      followedRunId,
      follow,
      run,
      submitting,
      refusal,
      settings,
      saveSettings,
      detailStep,
    ],
  );

  return (
    <RunContext.Provider value={value}>
      <StepStatusContext.Provider value={statusStore}>
        {followedRunId && (
          <Follower key={followedRunId} api={api} runId={followedRunId} store={statusStore} />
        )}
        {children}
      </StepStatusContext.Provider>
    </RunContext.Provider>
  );
}

/**
 * Polls the followed run and projects its step statuses onto the canvas; renders nothing.
 * Mounted per run (keyed by its id): when the canvas stops showing a run, or shows another
 * pipeline, the old statuses go with it.
 */
function Follower({ api, runId, store }: { api: RunApi; runId: string; store: StepStatusStore }) {
  const { data } = useQuery(runQuery(api, runId, { poll: true }));
  useEffect(() => {
    if (data) applyRun(store, data);
  }, [data, store]);
  useEffect(() => () => applyRun(store, null), [store]);
  return null;
}
