/**
 * Wiring point for the panels built as self-contained modules elsewhere (yaml/, io/, persistence/,
 * problems/, templates/, run/). The app shell renders these slots; each module replaces its slot's
 * body here and talks to the editor only through the store (see store/index.ts).
 *
 * Heavy or rare panels (the CodeMirror YAML editor) should be loaded with React.lazy so the
 * initial bundle stays small (bench:canvas checks bundle_kb_gzip <= 350).
 */

import { FileActions as IoActions } from "./io/FileActions";
import { NewPipelineButton, OpenMenu, SaveStatusText } from "./persistence/PipelineActions";
import { Autosave } from "./persistence/usePersistence";
import { ProblemsList } from "./problems/ProblemsList";
import { RunButton, RunSettingsButton } from "./run";
import { SchemaSync } from "./schemas/SchemaSync";
import { YamlPanel } from "./yaml/YamlPanel";

/** Toolbar buttons "New pipeline", "Open" (templates, recent), "Import YAML", "Paste YAML", "Export YAML". */
export function FileActions() {
  return (
    <>
      <NewPipelineButton />
      <OpenMenu />
      <IoActions />
      <SaveStatusText />
    </>
  );
}

/** The "Run" button and "Run settings" (run/, issue 5; Ctrl/Cmd+Enter runs too). */
export function RunAction() {
  return (
    <>
      <RunSettingsButton className="btn" />
      <RunButton className="btn primary" />
    </>
  );
}

/** Body of the dock's YAML section (accessible name "YAML" is on the section itself). */
export function YamlSlot() {
  return <YamlPanel />;
}

/** Body of the dock's Problems section. */
export function ProblemsSlot() {
  return <ProblemsList />;
}

/** App-wide effects with no UI of their own (autosave, restore, drop-to-import, design-time schemas, ...). */
export function AppEffects() {
  return (
    <>
      <Autosave />
      <SchemaSync />
    </>
  );
}
