/**
 * Writes the graph back as a manifest stream. Everything is rebuilt on top of the documents as
 * read (`raw`), so fields the graph does not model, key presence and key order survive; a
 * modeled field that did not change is written exactly as it was read.
 */
import { formatReference } from "../manifest/reference";
import type { Manifest, ManifestStream, Step } from "../manifest/types";
import { artifactArgOf, componentRefOf, paramArgOf } from "./from-manifest";
import { formatPosition, parsePosition, samePosition } from "./position";
import {
  type ArtifactArg,
  type GraphStep,
  type ParamArg,
  type PipelineGraph,
  POSITION_ANNOTATION,
} from "./types";
import { isObject, objectAt, stringAt } from "./util";

/** Writes one `arguments.parameters` entry. */
function paramEntry(arg: ParamArg): Record<string, unknown> {
  const entry: Record<string, unknown> = arg.name === "" ? {} : { name: arg.name };
  const b = arg.binding;
  if (b.kind === "value") {
    if (b.value !== undefined) entry.value = b.value;
  } else if (b.kind === "input")
    entry.from = formatReference({ kind: "input", io: "parameters", name: b.input });
  else entry.from = b.from;
  return arg.extra ? { ...entry, ...arg.extra } : entry;
}

/** Writes one `arguments.artifacts` entry. */
function artifactEntry(arg: ArtifactArg): Record<string, unknown> {
  const entry: Record<string, unknown> = arg.name === "" ? {} : { name: arg.name };
  const b = arg.binding;
  if (b.kind === "value") {
    if (b.value !== undefined) entry.value = b.value;
  } else if (b.kind === "input")
    entry.from = formatReference({ kind: "input", io: "artifacts", name: b.input });
  else if (b.kind === "step")
    entry.from = formatReference({ kind: "step", step: b.step, io: "artifacts", name: b.output });
  else entry.from = b.from;
  return arg.extra ? { ...entry, ...arg.extra } : entry;
}

/** Structural equality of plain data (what arguments hold). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Writes argument entries, reusing the entry as read wherever the argument at that place is
 * unchanged, so its key order (`from` before `name` in SDK files) survives too.
 */
function keepUnchanged<A>(
  args: readonly A[],
  raw: unknown,
  read: (entry: unknown) => A,
  write: (arg: A) => Record<string, unknown>,
): unknown[] {
  const before = Array.isArray(raw) ? raw : [];
  return args.map((arg, i) => {
    const entry = before[i];
    return entry !== undefined && isObject(entry) && deepEqual(read(entry), arg) ? entry : write(arg);
  });
}

/** Sets `key` only when the value is wanted: kept if present before, added if non-empty. */
function putList(target: Record<string, unknown>, key: string, list: unknown[], had: boolean): void {
  if (list.length > 0 || had) target[key] = list;
  else delete target[key];
}

/** Puts `artifacts` before `parameters` when adding it, as Designer writes them. */
function withArtifactsFirst(args: Record<string, unknown>, hadArtifacts: boolean): Record<string, unknown> {
  if (hadArtifacts || !("artifacts" in args)) return args;
  const { artifacts, ...rest } = args;
  return { artifacts, ...rest };
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function writeMetadata(step: GraphStep, rawMeta: unknown): Record<string, unknown> {
  const meta: Record<string, unknown> = isObject(rawMeta) ? { ...rawMeta } : {};
  if (stringAt(rawMeta, "name") !== step.name && !(step.name === "" && !("name" in meta)))
    meta.name = step.name;
  if (stringAt(rawMeta, "displayName") !== step.displayName) {
    // Only a string displayName is modeled; anything else read stays unless the user set one.
    if (step.displayName !== undefined || typeof meta.displayName === "string")
      setOrDelete(meta, "displayName", step.displayName);
  }
  const readRef = componentRefOf(rawMeta);
  for (const key of ["provider", "version", "identifier", "guid"] as const) {
    if (readRef[key] !== step.component[key]) setOrDelete(meta, key, step.component[key]);
  }
  const rawAnnotations = objectAt(rawMeta, "annotations");
  if (!samePosition(parsePosition(rawAnnotations?.[POSITION_ANNOTATION]), step.position)) {
    const annotations: Record<string, unknown> = { ...rawAnnotations };
    setOrDelete(annotations, POSITION_ANNOTATION, step.position && formatPosition(step.position));
    meta.annotations = annotations;
  }
  return meta;
}

/** Writes one graph step as a manifest step. */
function stepToManifest(step: GraphStep): Step {
  const raw: Record<string, unknown> = isObject(step.raw) ? step.raw : {};
  const out: Record<string, unknown> = { ...raw, metadata: writeMetadata(step, raw.metadata) };
  const rawSpec = objectAt(raw, "spec");
  const spec: Record<string, unknown> = { ...rawSpec };
  const rawArgs = objectAt(rawSpec, "arguments");
  let args: Record<string, unknown> = { ...rawArgs };
  const hadArtifacts = rawArgs !== undefined && "artifacts" in rawArgs;
  putList(
    args,
    "artifacts",
    keepUnchanged(step.artifacts, rawArgs?.artifacts, artifactArgOf, artifactEntry),
    hadArtifacts,
  );
  putList(
    args,
    "parameters",
    keepUnchanged(step.parameters, rawArgs?.parameters, paramArgOf, paramEntry),
    rawArgs !== undefined && "parameters" in rawArgs,
  );
  args = withArtifactsFirst(args, hadArtifacts);
  if (rawArgs !== undefined || Object.keys(args).length > 0) spec.arguments = args;
  putList(spec, "dependencies", [...step.dependencies], rawSpec !== undefined && "dependencies" in rawSpec);
  if (rawSpec !== undefined || Object.keys(spec).length > 0) out.spec = spec;
  return out as Step;
}

function writeIo(
  rawIo: unknown,
  io: { parameters: unknown[]; artifacts: unknown[] },
): Record<string, unknown> | undefined {
  const had = isObject(rawIo);
  const out: Record<string, unknown> = had ? { ...rawIo } : {};
  putList(out, "artifacts", io.artifacts, had && "artifacts" in rawIo);
  putList(out, "parameters", io.parameters, had && "parameters" in rawIo);
  return had || Object.keys(out).length > 0 ? out : undefined;
}

/** Writes the graph as a manifest stream: inline components first, the entry pipeline last. */
export function graphToManifest(graph: PipelineGraph): ManifestStream {
  const raw: Record<string, unknown> = isObject(graph.raw) ? graph.raw : {};
  const doc: Record<string, unknown> = { ...raw };
  if ("metadata" in raw || Object.keys(graph.metadata).length > 0) doc.metadata = graph.metadata;
  const rawSpec = objectAt(raw, "spec");
  const spec: Record<string, unknown> = { ...rawSpec };
  const inputs = writeIo(rawSpec?.inputs, graph.inputs);
  if (inputs) spec.inputs = inputs;
  const outputs = writeIo(rawSpec?.outputs, graph.outputs);
  if (outputs) spec.outputs = outputs;
  putList(
    spec,
    "pipelines",
    graph.steps.map(stepToManifest),
    rawSpec !== undefined && "pipelines" in rawSpec,
  );
  if (rawSpec !== undefined || Object.keys(spec).length > 0) doc.spec = spec;
  return { documents: [...graph.components, doc as Manifest] };
}
