/**
 * The file actions of the toolbar: "Import YAML" (file picker), "Paste YAML" (a dialog),
 * "Export YAML" (a download), and importing a .yaml file dropped anywhere on the page. A refused
 * import lists its problems (file:line:col) and leaves the open pipeline as it was.
 */
import type { PipelineGraph } from "@pfd/shared";
import { useEffect, useRef, useState } from "react";
import { msg, type Translator, useT } from "../i18n";
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
  const t = useT();

  const importText = (text: string, source: string): boolean => {
    const result = importManifest(text, source, api.getState().components);
    if (!result.ok) {
      setFailure(result);
      return false;
    }
    const { loadGraph, notify } = api.getState();
    loadGraph(result.graph, { reason: "import" });
    const n = result.warnings.length;
    notify("info", msg("notice.imported", { source, warnings: n }));
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
        api.getState().notify("error", msg("notice.notManifest", { file: file.name }));
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
        {t("file.import")}
      </button>
      <input
        ref={input}
        type="file"
        aria-label={t("file.import")}
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
        {t("file.paste")}
      </button>
      <button type="button" className="btn" onClick={exportYaml}>
        {t("file.export")}
      </button>
      {pasting && (
        <PasteDialog
          t={t}
          onClose={() => setPasting(false)}
          onImport={(text) => {
            if (importText(text, t("file.pastedText"))) setPasting(false);
          }}
        />
      )}
      {failure && (
        <ImportFailure
          failure={failure}
          t={t}
          onClose={() => setFailure(null)}
          onOpenAnyway={(graph) => {
            setFailure(null);
            setPasting(false);
            api.getState().loadGraph(graph, { reason: "import" });
            api.getState().notify("info", msg("notice.openedAnyway", { source: failure.source }));
          }}
        />
      )}
      {dragging && (
        <div className="pfd-drop-overlay" aria-hidden="true">
          {t("file.drop")}
        </div>
      )}
    </>
  );
}

function PasteDialog({
  t,
  onClose,
  onImport,
}: {
  t: Translator;
  onClose(): void;
  onImport(text: string): void;
}) {
  const [text, setText] = useState("");
  return (
    <Modal
      title={t("file.paste")}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={text.trim() === ""}
            onClick={() => onImport(text)}
          >
            {t("file.importButton")}
          </button>
        </>
      }
    >
      <p>{t("file.pasteIntro")}</p>
      <textarea
        aria-label={t("file.pasteLabel")}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
      />
    </Modal>
  );
}

function ImportFailure({
  failure,
  t,
  onClose,
  onOpenAnyway,
}: {
  failure: Failure;
  t: Translator;
  onClose(): void;
  onOpenAnyway(graph: PipelineGraph): void;
}) {
  const problems = sortProblems(failure.problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  const anyway = failure.anyway;
  return (
    <Modal
      role="alertdialog"
      title={t("file.cannotImport", { source: failure.source })}
      onClose={onClose}
      footer={
        <>
          {anyway && (
            <button type="button" className="btn" onClick={() => onOpenAnyway(anyway)}>
              {t("file.openAnyway")}
            </button>
          )}
          <button type="button" className="btn primary" data-autofocus onClick={onClose}>
            {t("common.close")}
          </button>
        </>
      }
    >
      <p>
        {t("file.importErrors", { errors })}
        {anyway ? ` ${t("file.importAnyway")}` : null}
      </p>
      <ul className="pfd-modal__problems" aria-label={t("file.importProblems")}>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
          <li key={i}>{problemLabel(t, p, failure.source)}</li>
        ))}
      </ul>
    </Modal>
  );
}
