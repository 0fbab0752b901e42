/**
 * The run module wired to this editor: the pipeline's local id (from persistence) keys the
 * remembered settings and followed run; Run sends the editor's graph as YAML, validated at the
 * moment of the click with the same components the canvas checks against.
 */
import { draftRunSourceId, validateGraph } from "@pfd/shared";
import { type ReactNode, Suspense, useCallback, useEffect } from "react";
import { graphToYaml } from "../io/codec";
import { usePersistence, usePersistenceSession } from "../persistence/usePersistence";
import { type EditorState, useEditor, useEditorApi } from "../store";
import { RunDock } from "./index";
import { RunBar } from "./RunBar";
import { RunProvider, type RunSource, useRunContext } from "./RunProvider";

const selectSingleStep = (s: EditorState) =>
  s.selection.steps.length === 1 ? (s.selection.steps[0] ?? null) : null;

export function EditorRunProvider({ children }: { children: ReactNode }) {
  const editor = useEditorApi();
  const pipelineKey = usePersistence((s) => s.currentId);
  const session = usePersistenceSession();
  const getRunSource = useCallback((): RunSource => {
    const { graph, components, schemas } = editor.getState();
    const source: RunSource = {
      manifest: graphToYaml(graph),
      problems: validateGraph(graph, components, { schemas: schemas ?? undefined }),
    };
    // A run of the draft as saved carries its id, as PAI Designer's own runs do; edits not yet
    // saved make it a run of something the draft does not hold.
    const draft = session.state.getState().draft;
    if (draft && !draft.unsaved) source.sourceId = draftRunSourceId(draft);
    else if (draft) source.unsavedDraftId = draftRunSourceId(draft);
    return source;
  }, [editor, session]);
  return (
    <RunProvider pipelineKey={pipelineKey} getRunSource={getRunSource}>
      <SelectionToDetails />
      {children}
    </RunProvider>
  );
}

/** Selecting one node while a run is shown opens that step's logs and outputs. */
function SelectionToDetails() {
  const step = useEditor(selectSingleStep);
  const { followedRunId, showStepDetails } = useRunContext();
  useEffect(() => {
    if (step && followedRunId) showStepDetails(step);
  }, [step, followedRunId, showStepDetails]);
  return null;
}

/** The run bar over the top of the canvas and the step details drawer at its bottom. */
export function RunOverlay() {
  return (
    <>
      <div className="pfd-run-overlay-top">
        <RunBar />
      </div>
      <div className="pfd-run-overlay-bottom">
        <Suspense fallback={null}>
          <RunDock />
        </Suspense>
      </div>
    </>
  );
}
