/**
 * Property: for any pipeline M (Designer or SDK style, with fields the designer does not model),
 * graphToManifest(manifestToGraph(M)) written as YAML reads back equal to M.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseManifest } from "../manifest/parse";
import { serializeManifest } from "../manifest/serialize";
import { validateGraph } from "../validation/graph";
import { dataEdges } from "./edges";
import { manifestToGraph } from "./from-manifest";
import { graphToManifest } from "./to-manifest";
import { POSITION_ANNOTATION } from "./types";

const stepName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
/** Scalars of every YAML type, including strings that look like other types. */
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "false",
    "true",
    "0.8",
    "1",
    "null",
    "",
    " x ",
    `\${bizdate}`,
    "a: b",
    "- x",
    "#c",
    "{{item}}",
  ),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
/** Keys the designer does not model, with any JSON value. */
const extras = fc.dictionary(
  fc.constantFrom("desc", "required", "x-custom", "__proto__", "feasible", "type"),
  value,
  {
    maxKeys: 2,
  },
);
const reference = (steps: string[]) =>
  fc.oneof(
    word.map((w) => `{{inputs.parameters.${w}}}`),
    word.map((w) => `{{inputs.artifacts.${w}}}`),
    fc
      .tuple(fc.constantFrom(...steps, "ghost"), word)
      .map(([s, o]) => `{{pipelines.${s}.outputs.artifacts.${o}}}`),
    fc
      .tuple(fc.constantFrom(...steps, "ghost"), word)
      .map(([s, o]) => `{{pipelines.${s}.outputs.parameters.${o}}}`),
    fc.constantFrom("{{item}}", "{{ inputs.parameters.x }}", "{{bogus}}", "plain text"),
  );
const argument = (steps: string[]) =>
  fc
    .record(
      {
        name: word,
        value,
        from: reference(steps),
      },
      { requiredKeys: [] },
    )
    .chain((entry) => extras.map((x) => ({ ...x, ...entry })));
const maybeList = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(fc.array(arb, { maxLength: 4 }), { nil: undefined, freq: 3 });

function stepArb(name: string, steps: string[]) {
  return fc
    .record(
      {
        apiVersion: fc.constant("core/v1"),
        metadata: fc.record(
          {
            provider: fc.constantFrom("pai", "1557702098"),
            version: fc.constantFrom("v1", "v2"),
            identifier: fc.constantFrom("data_source", "split", "sql", "Prediction_1", "JoinTables_9"),
            guid: fc.stringMatching(/^[0-9a-f]{4,8}$/),
            name: fc.constant(name),
            displayName: fc.oneof(fc.string(), fc.constantFrom("读数据表-1", "Split-2")),
            annotations: fc.dictionary(
              fc.constantFrom(POSITION_ANNOTATION, "owner", "note"),
              fc.oneof(
                fc.string(),
                fc
                  .tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: -999, max: 999 }))
                  .map(([x, y]) => `${x},${y}`),
              ),
              { maxKeys: 2 },
            ),
          },
          { requiredKeys: ["name"] },
        ),
        spec: fc.record(
          {
            arguments: fc.record(
              { artifacts: maybeList(argument(steps)), parameters: maybeList(argument(steps)) },
              { requiredKeys: [] },
            ),
            dependencies: maybeList(fc.constantFrom(...steps, "ghost")),
            initContainers: fc.constant([]),
            sideCarContainers: fc.constant([]),
            pipelines: fc.constant([]),
            volumes: fc.constant([]),
            when: reference(steps).map((r) => `${r} > 0.8`),
            withItems: fc.array(scalar, { maxLength: 3 }),
            parallelism: fc.integer({ min: 1, max: 8 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ["metadata"] },
    )
    .map(dropUndefined);
}

/** Optional list keys generated as undefined mean "absent": remove them as YAML would. */
function dropUndefined<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => v),
    (_k, v) => v,
  ) as T;
}

const io = fc.record(
  {
    parameters: maybeList(
      fc.record(
        { name: word, type: fc.constantFrom("Map", "String", "Int"), value },
        { requiredKeys: ["name"] },
      ),
    ),
    artifacts: maybeList(
      fc.record(
        { name: word, from: fc.constant("{{pipelines.s0.outputs.artifacts.outputTable}}") },
        { requiredKeys: ["name"] },
      ),
    ),
  },
  { requiredKeys: [] },
);

const pipeline = fc.uniqueArray(stepName, { maxLength: 6 }).chain((names) => {
  const steps = names.length > 0 ? names : ["s0"];
  return fc.record(
    {
      components: fc.array(
        fc.record({
          apiVersion: fc.constant("core/v1"),
          metadata: fc.record({ guid: fc.stringMatching(/^[0-9a-f]{8,8}$/), name: word }),
          spec: fc.record({
            container: fc.record({
              image: fc.constant("python:3"),
              command: fc.array(fc.string(), { maxLength: 2 }),
            }),
          }),
        }),
        { maxLength: 2 },
      ),
      entry: fc
        .record(
          {
            apiVersion: fc.constant("core/v1"),
            metadata: fc.record(
              {
                provider: fc.string(),
                version: fc.constant("v1"),
                identifier: word,
                annotations: fc.constant({}),
              },
              { requiredKeys: ["identifier"] },
            ),
            spec: fc.record(
              {
                inputs: io,
                outputs: io,
                arguments: fc.constant({ artifacts: [], parameters: [] }),
                dependencies: fc.constant([]),
                pipelines: fc.tuple(...names.map((n) => stepArb(n, steps))),
                volumes: fc.constant([]),
              },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: ["apiVersion", "metadata"] },
        )
        .map(dropUndefined),
    },
    { requiredKeys: ["components", "entry"] },
  );
});

const semantic = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((v) => v != null);

describe("round trip (property)", () => {
  it("graphToManifest(manifestToGraph(M)) reads back equal to M", () => {
    fc.assert(
      fc.property(pipeline, ({ components, entry }) => {
        const text = serializeManifest({ documents: [...components, entry] as never });
        const parsed = parseManifest(text);
        expect(parsed.problems).toEqual([]);
        const stream = parsed.stream ?? { documents: [] };
        const graph = manifestToGraph(stream);
        const out = serializeManifest(graphToManifest(graph));
        expect(semantic(out)).toStrictEqual(semantic(text));
        // Validation of any such pipeline answers with problems, never an exception.
        expect(Array.isArray(validateGraph(graph))).toBe(true);
        // Each data edge is an artifact bound to an existing step.
        for (const e of dataEdges(graph)) expect(graph.steps.some((s) => s.name === e.source)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("a graph that went through JSON (as between browser and server) still round-trips", () => {
    fc.assert(
      fc.property(pipeline, ({ components, entry }) => {
        const text = serializeManifest({ documents: [...components, entry] as never });
        const graph = manifestToGraph(parseManifest(text).stream ?? { documents: [] });
        const copy = JSON.parse(JSON.stringify(graph));
        expect(semantic(serializeManifest(graphToManifest(copy)))).toStrictEqual(semantic(text));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
