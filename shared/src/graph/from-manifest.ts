/** Builds the editable graph from a manifest stream. */
import { parseCanonicalReference } from "../manifest/reference";
import type { Artifact, Manifest, ManifestStream, Parameter, Step } from "../manifest/types";
import { autoLayout } from "./layout";
import { parsePosition } from "./position";
import {
  type ArtifactArg,
  type ArtifactBinding,
  type ComponentRef,
  type GraphStep,
  type ParamArg,
  type ParamBinding,
  type PipelineGraph,
  POSITION_ANNOTATION,
} from "./types";
import { arrayAt, isObject, objectAt, stringAt } from "./util";

export interface ToGraphOptions {
  /** Give every step without a saved position one from an automatic left-to-right layout. */
  layout?: boolean;
}

const COMPONENT_KEYS = ["provider", "version", "identifier", "guid"] as const;

/** The component a step's metadata points at (only the keys that hold strings). */
export function componentRefOf(metadata: unknown): ComponentRef {
  const ref: ComponentRef = {};
  for (const key of COMPONENT_KEYS) {
    const value = stringAt(metadata, key);
    if (value !== undefined) ref[key] = value;
  }
  return ref;
}

function splitEntry(entry: unknown): { name: string; rest: Record<string, unknown> } {
  if (!isObject(entry)) return { name: "", rest: {} };
  const { name, ...rest } = entry;
  return { name: typeof name === "string" ? name : name == null ? "" : String(name), rest };
}

/** Reads one `arguments.parameters` entry. */
export function paramArgOf(entry: unknown): ParamArg {
  const { name, rest } = splitEntry(entry);
  const { from, value, ...extra } = rest;
  let binding: ParamBinding;
  if (typeof from === "string") {
    const ref = parseCanonicalReference(from);
    binding =
      ref?.kind === "input" && ref.io === "parameters"
        ? { kind: "input", input: ref.name }
        : { kind: "ref", from };
    if ("value" in rest) extra.value = value;
  } else {
    if ("from" in rest) extra.from = from;
    binding = { kind: "value", value: "value" in rest ? value : undefined };
  }
  return Object.keys(extra).length > 0 ? { name, binding, extra } : { name, binding };
}

/** Reads one `arguments.artifacts` entry. */
export function artifactArgOf(entry: unknown): ArtifactArg {
  const { name, rest } = splitEntry(entry);
  const { from, value, ...extra } = rest;
  let binding: ArtifactBinding;
  if (typeof from === "string") {
    const ref = parseCanonicalReference(from);
    if (ref?.kind === "step" && ref.io === "artifacts")
      binding = { kind: "step", step: ref.step, output: ref.name };
    else if (ref?.kind === "input" && ref.io === "artifacts") binding = { kind: "input", input: ref.name };
    else binding = { kind: "ref", from };
    if ("value" in rest) extra.value = value;
  } else {
    if ("from" in rest) extra.from = from;
    binding = { kind: "value", value: "value" in rest ? value : undefined };
  }
  return Object.keys(extra).length > 0 ? { name, binding, extra } : { name, binding };
}

/** Builds the graph step of one manifest step. */
function stepOf(raw: Step): GraphStep {
  const metadata = isObject(raw) ? raw.metadata : undefined;
  const spec = isObject(raw) ? raw.spec : undefined;
  const args = objectAt(spec, "arguments");
  const name = stringAt(metadata, "name") ?? "";
  const step: GraphStep = {
    name,
    component: componentRefOf(metadata),
    parameters: (arrayAt(args, "parameters") ?? []).map(paramArgOf),
    artifacts: (arrayAt(args, "artifacts") ?? []).map(artifactArgOf),
    dependencies: (arrayAt(spec, "dependencies") ?? []).map((d) => (typeof d === "string" ? d : String(d))),
    raw,
  };
  const displayName = stringAt(metadata, "displayName");
  if (displayName !== undefined) step.displayName = displayName;
  const position = parsePosition(objectAt(metadata, "annotations")?.[POSITION_ANNOTATION]);
  if (position) step.position = position;
  return step;
}

function ioLists(io: unknown): { parameters: Parameter[]; artifacts: Artifact[] } {
  return {
    parameters: (arrayAt(io, "parameters") ?? []) as Parameter[],
    artifacts: (arrayAt(io, "artifacts") ?? []) as Artifact[],
  };
}

/** Builds the graph of a stream's entry pipeline (its last document); earlier documents are kept as components. */
export function manifestToGraph(stream: ManifestStream, opts: ToGraphOptions = {}): PipelineGraph {
  const docs = stream.documents;
  const raw = (docs[docs.length - 1] ?? { apiVersion: "core/v1", metadata: {}, spec: {} }) as Manifest;
  const spec = isObject(raw.spec) ? raw.spec : undefined;
  const graph: PipelineGraph = {
    metadata: isObject(raw.metadata) ? raw.metadata : {},
    inputs: ioLists(spec?.inputs),
    outputs: ioLists(spec?.outputs),
    steps: (arrayAt(spec, "pipelines") ?? []).map((s) => stepOf(s as Step)),
    components: docs.slice(0, -1),
    raw,
  };
  return opts.layout ? autoLayout(graph) : graph;
}
