/** The project's fixture manifests, as text, for tests (bundled by Vite's `?raw`, no file I/O). */
import brokenAliasBomb from "../fixtures/broken/alias-bomb.yaml?raw";
import brokenDanglingRef from "../fixtures/broken/dangling-reference.yaml?raw";
import brokenAll from "../fixtures/broken/many-problems.yaml?raw";
import brokenSyntax from "../fixtures/broken/syntax-error.yaml?raw";
import designerExport from "../fixtures/designer-export.yaml?raw";
import multiDocLoop from "../fixtures/multi-doc-loop.yaml?raw";
import sdkStyle from "../fixtures/sdk-style.yaml?raw";
import seedSample from "../fixtures/seed-sample.yaml?raw";
import unknownComponent from "../fixtures/unknown-component.yaml?raw";

/** Valid manifests: every one must round-trip and validate without errors. */
export const validFixtures: Record<string, string> = {
  "seed-sample.yaml": seedSample,
  "designer-export.yaml": designerExport,
  "multi-doc-loop.yaml": multiDocLoop,
  "sdk-style.yaml": sdkStyle,
  "unknown-component.yaml": unknownComponent,
};

export const brokenFixtures = { brokenAliasBomb, brokenAll, brokenSyntax, brokenDanglingRef };
