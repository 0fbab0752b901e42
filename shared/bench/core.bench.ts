/// <reference types="node" />
/**
 * `npm run bench:core`: our parse + manifestToGraph + graphToManifest + serialize, and our
 * validation, against the `yaml` package's own parse + stringify (and parse alone) of the same
 * text; and a PAI Designer draft's canvas JSON read into the graph and written back, against
 * JSON.parse + JSON.stringify of it; all in the same run. The last line is one JSON object with
 * the ratios (ours / baseline).
 */
import { parse, stringify } from "yaml";
import { manifestToGraph } from "../src/graph/from-manifest";
import { autoLayout } from "../src/graph/layout";
import { setParameter } from "../src/graph/ops";
import { graphToManifest } from "../src/graph/to-manifest";
import { parseManifest } from "../src/manifest/parse";
import { serializeDocument, serializeManifest } from "../src/manifest/serialize";
import { readCanvas } from "../src/paistudio/canvas";
import { canvasToGraph } from "../src/paistudio/canvas-to-graph";
import { graphToCanvas } from "../src/paistudio/graph-to-canvas";
import { validateManifestText } from "../src/validation/text";
import { generatePipeline } from "./generate";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Median milliseconds of ours and of the baseline over `runs` rounds, after one untimed round.
 * Each round runs both, alternating which goes first, so machine load and GC hit both alike.
 */
function compare(
  ours: () => unknown,
  baseline: () => unknown,
  runs: number,
): { ours: number; baseline: number } {
  ours();
  baseline();
  const a: number[] = [];
  const b: number[] = [];
  const timed = (fn: () => unknown, into: number[]) => {
    const t0 = performance.now();
    fn();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      timed(ours, a);
      timed(baseline, b);
    } else {
      timed(baseline, b);
      timed(ours, a);
    }
  }
  return { ours: median(a), baseline: median(b) };
}

function ourRoundTrip(text: string): string {
  const parsed = parseManifest(text);
  if (!parsed.stream) throw new Error(parsed.problems[0]?.message);
  return serializeManifest(graphToManifest(manifestToGraph(parsed.stream)));
}

const rows: { case: string; ours: number; baseline: number; ratio: number }[] = [];
const ratios: Record<string, number> = {};

for (const n of [1000, 5000]) {
  const text = serializeDocument(generatePipeline(n));
  const errors = validateManifestText(text).filter((p) => p.severity === "error");
  if (errors.length > 0) throw new Error(`generated pipeline is invalid: ${errors[0]?.message}`);
  if (JSON.stringify(parse(ourRoundTrip(text))) !== JSON.stringify(parse(text)))
    throw new Error("round trip changed the pipeline");
  const runs = n >= 5000 ? 7 : 15;
  const { ours, baseline } = compare(
    () => ourRoundTrip(text),
    () => stringify(parse(text)),
    runs,
  );
  rows.push({ case: `roundtrip_${n}`, ours, baseline, ratio: ours / baseline });
  ratios[`roundtrip_${n}`] = ours / baseline;
  if (n === 5000) {
    const { ours: validate, baseline: parseOnly } = compare(
      () => validateManifestText(text),
      () => parse(text),
      runs,
    );
    rows.push({ case: `validate_${n}`, ours: validate, baseline: parseOnly, ratio: validate / parseOnly });
    ratios[`validate_${n}`] = validate / parseOnly;
  }
  console.log(`${n} steps: ${(text.length / 1024).toFixed(0)} KiB of YAML`);
}

// A 1,000-node draft: open (read + graph) and save (canvas + content) unchanged, and after one edit.
{
  const source = parseManifest(serializeDocument(generatePipeline(1000))).stream;
  if (!source) throw new Error("generated pipeline does not parse");
  const content = graphToCanvas(autoLayout(manifestToGraph(source))).content;
  const openAndSave = (edit: boolean) => {
    const read = readCanvas(content);
    if (!read.base) throw new Error(read.problems[0]?.message);
    const graph = canvasToGraph(read.base.canvas);
    const step = graph.steps[500]?.name ?? "";
    return graphToCanvas(edit ? setParameter(graph, step, "note", "edited") : graph, read.base).content;
  };
  if (openAndSave(false) !== content) throw new Error("draft round trip changed the content");
  const baseline = () => JSON.stringify(JSON.parse(content));
  for (const edit of [false, true]) {
    const { ours, baseline: base } = compare(() => openAndSave(edit), baseline, 15);
    const name = edit ? "draft_edit_1000" : "draft_roundtrip_1000";
    rows.push({ case: name, ours, baseline: base, ratio: ours / base });
    ratios[name] = ours / base;
  }
  console.log(`1000-node draft: ${(content.length / 1024).toFixed(0)} KiB of canvas JSON`);
}

console.log("\ncase                 ours (ms)  baseline (ms)  ratio  goal");
for (const r of rows) {
  const goal = r.case.startsWith("validate")
    ? "<= 1"
    : r.case === "draft_roundtrip_1000"
      ? "<= 3"
      : r.case.startsWith("draft")
        ? "-"
        : "<= 2";
  console.log(
    `${r.case.padEnd(20)} ${r.ours.toFixed(1).padStart(9)}  ${r.baseline.toFixed(1).padStart(13)}  ${r.ratio.toFixed(2).padStart(5)}  ${goal}`,
  );
}
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    bench: "core",
    ratios: {
      roundtrip_1000: round(ratios.roundtrip_1000 as number),
      roundtrip_5000: round(ratios.roundtrip_5000 as number),
      validate_5000: round(ratios.validate_5000 as number),
      draft_roundtrip_1000: round(ratios.draft_roundtrip_1000 as number),
    },
  }),
);
