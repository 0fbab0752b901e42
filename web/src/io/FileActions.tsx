/**
 * The file actions of the toolbar: "Import YAML" (file picker), "Paste YAML" (a dialog),
 * "Export YAML" (a download), and importing a .yaml file dropped anywhere on the page. A refused
 * import lists its problems (file:line:col) and leaves the open pipeline as it was.
 */
import type { PipelineGraph } from "@pfd/shared";
import { useEffect, useRef, useState } from "react";
import { problemLabel, sortProblems } from "../problems/format";
import { useEditorApi } from "../store";
import { graphToYaml } from "./codec";
import { downloadText, yamlFileName } from "./download";
import { type ImportResult, importManifest } from "./importManifest";
import { Modal } from "./Modal";
import { looksLikeManifestFile, readManifestFile } from "./readFile";

type Failure = Extract<ImportResult, { ok: false }>;

export function FileActions() {
  const api = useEditorApi();
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pasting, setPasting] = useState(false);
  const [dragging, setDragging] = useState(false);

  const importText = (text: string, source: string): boolean => {
    const result = importManifest(text, source, api.getState().components);
    if (!result.ok) {
      setFailure(result);
      return false;
    }
    const { loadGraph, notify } = api.getState();
    loadGraph(result.graph, { reason: "import" });
    const n = result.warnings.length;
    notify(
      "info",
      `Imported ${source}${n > 0 ? ` with ${n} warning${n === 1 ? "" : "s"} (see Problems)` : ""}`,
    );
    return true;
  };
  const importRef = useRef(importText);
  importRef.current = importText;

  const importFile = async (file: File) => {
    const read = await readManifestFile(file);
    if (!read.ok) setFailure({ ok: false, source: file.name, problems: read.problems });
    else importRef.current(read.text, file.name);
  };
  const importFileRef = useRef(importFile);
  importFileRef.current = importFile;

  // Dropping a file anywhere on the page imports it; drags that carry no files (palette items,
  // text) are left alone.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      const file = files.find((f) => looksLikeManifestFile(f.name)) ?? files[0];
      if (!file) return;
      if (!looksLikeManifestFile(file.name)) {
        api.getState().notify("error", `${file.name} is not a manifest: drop a .yaml, .yml or .json file`);
        return;
      }
      void importFileRef.current(file);
    };
    // Capture phase: the canvas must not treat a dropped file as a palette drop.
    window.addEventListener("dragenter", onEnter, true);
    window.addEventListener("dragleave", onLeave, true);
    window.addEventListener("dragover", onOver, true);
    window.addEventListener("drop", onDrop, true);
    return () => {
      window.removeEventListener("dragenter", onEnter, true);
      window.removeEventListener("dragleave", onLeave, true);
      window.removeEventListener("dragover", onOver, true);
      window.removeEventListener("drop", onDrop, true);
    };
  }, [api]);

  const exportYaml = () => {
    const { graph, markSaved } = api.getState();
    downloadText(yamlFileName(graph), graphToYaml(graph));
    markSaved();
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        Import YAML
      </button>
      <input
        ref={input}
        type="file"
        aria-label="Import YAML"
        accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so choosing the same file again still fires a change.
          e.currentTarget.value = "";
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="btn" onClick={() => setPasting(true)}>
        Paste YAML
      </button>
      <button type="button" className="btn" onClick={exportYaml}>
        Export YAML
      </button>
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onImport={(text) => {
            if (importText(text, "pasted text")) setPasting(false);
          }}
        />
      )}
      {failure && (
        <ImportFailure
          failure={failure}
          onClose={() => setFailure(null)}
          onOpenAnyway={(graph) => {
            setFailure(null);
            setPasting(false);
            api.getState().loadGraph(graph, { reason: "import" });
            api.getState().notify("info", `Opened ${failure.source} with its problems (see Problems)`);
          }}
        />
      )}
      {dragging && (
        <div className="pfd-drop-overlay" aria-hidden="true">
          Drop a .yaml file to import it
        </div>
      )}
    </>
  );
}

function PasteDialog({ onClose, onImport }: { onClose(): void; onImport(text: string): void }) {
  const [text, setText] = useState("");
  return (
    <Modal
      title="Paste YAML"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={text.trim() === ""}
            onClick={() => onImport(text)}
          >
            Import
          </button>
        </>
      }
    >
      <p>Paste a PAIFlow core/v1 manifest. It replaces the open pipeline, which stays in Recent pipelines.</p>
      <textarea
        aria-label="Manifest YAML"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
      />
    </Modal>
  );
}

function ImportFailure({
  failure,
  onClose,
  onOpenAnyway,
}: {
  failure: Failure;
  onClose(): void;
  onOpenAnyway(graph: PipelineGraph): void;
}) {
  const problems = sortProblems(failure.problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  const anyway = failure.anyway;
  return (
    <Modal
      role="alertdialog"
      title={`${failure.source} cannot be imported`}
      onClose={onClose}
      footer={
        <>
          {anyway && (
            <button type="button" className="btn" onClick={() => onOpenAnyway(anyway)}>
              Open anyway
            </button>
          )}
          <button type="button" className="btn primary" data-autofocus onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <p>
        {errors} error{errors === 1 ? "" : "s"} found; the open pipeline is unchanged.
        {anyway && " The file is a readable manifest: you can still open it to fix it in the designer."}
      </p>
      <ul className="pfd-modal__problems" aria-label="Import problems">
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
          <li key={i}>{problemLabel(p, failure.source)}</li>
        ))}
      </ul>
    </Modal>
  );
}
