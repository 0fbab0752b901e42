/**
 * The editable graph of one pipeline: what the canvas, the inspector and the engine work on.
 * `manifestToGraph` builds it from a manifest, `graphToManifest` writes it back losslessly.
 * Fields the graph does not model live on in `raw`, so nothing is dropped.
 */
import type { Artifact, Manifest, Parameter, Step } from "../manifest/types";

export interface Position {
  x: number;
  y: number;
}

/** `(provider, version, identifier)` names a registered component; `guid` an inline one. */
export interface ComponentRef {
  provider?: string;
  version?: string;
  identifier?: string;
  guid?: string;
}

/** What a step parameter is given. */
export type ParamBinding =
  | { kind: "value"; value: unknown }
  /** `from: {{inputs.parameters.<input>}}` */
  | { kind: "input"; input: string }
  /** any other `from:` reference, kept verbatim (`{{pipelines.s.outputs.parameters.p}}`, `{{item}}`) */
  | { kind: "ref"; from: string };

/** What a step input artifact is given. */
export type ArtifactBinding =
  /** a data edge: `from: {{pipelines.<step>.outputs.artifacts.<output>}}` */
  | { kind: "step"; step: string; output: string }
  /** `from: {{inputs.artifacts.<input>}}` */
  | { kind: "input"; input: string }
  | { kind: "value"; value: unknown }
  | { kind: "ref"; from: string };

export interface ParamArg {
  name: string;
  binding: ParamBinding;
  /** Other keys of the argument entry, kept verbatim. */
  extra?: Record<string, unknown>;
}

export interface ArtifactArg {
  name: string;
  binding: ArtifactBinding;
  extra?: Record<string, unknown>;
}

export interface GraphStep {
  /** `metadata.name`: unique in the pipeline, the handle references use. */
  name: string;
  displayName?: string;
  component: ComponentRef;
  /** In manifest order. */
  parameters: ParamArg[];
  /** In manifest order; entries bound to another step are the data edges into this step. */
  artifacts: ArtifactArg[];
  /**
   * `spec.dependencies` in manifest order: every data-edge source plus ordering-only
   * dependencies. Graph operations keep it in step with the edges.
   */
  dependencies: string[];
  /** Canvas position, from the `designer.paiflow/position` annotation. */
  position?: Position;
  /** The step as read, for every field the graph does not model (apiVersion, when, withItems, ...). */
  raw: Step;
}

/** A data edge, derived from the artifact bindings (see `dataEdges`). */
export interface DataEdge {
  /** `<source>.<output>-><target>.<input>` */
  id: string;
  source: string;
  sourceOutput: string;
  target: string;
  targetInput: string;
}

export interface PipelineGraph {
  /** The entry pipeline's own metadata (name, identifier, version, provider, ...). */
  metadata: Manifest["metadata"];
  inputs: { parameters: Parameter[]; artifacts: Artifact[] };
  outputs: { parameters: Parameter[]; artifacts: Artifact[] };
  /** Steps in manifest order. */
  steps: GraphStep[];
  /** Inline component documents of a multi-document stream, kept verbatim, in order. */
  components: Manifest[];
  /** The entry pipeline document as read, for every field the graph does not model. */
  raw: Manifest;
}

export const POSITION_ANNOTATION = "designer.paiflow/position";
