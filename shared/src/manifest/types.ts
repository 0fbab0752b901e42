/**
 * Types of the PAIFlow `core/v1` manifest format.
 *
 * Every object type carries an index signature: the designer keeps fields it does not know and
 * writes them back unchanged, so the types describe what we read, never what we drop.
 */

export const API_VERSION = "core/v1";

export type ParameterType = "String" | "Int" | "Double" | "Bool" | "Map" | "Array" | "List";
export type ArtifactDataType = "DataSet" | "Model" | "ModelEvaluation" | "Any" | "DataStream" | "Raw";
export type LocationType = "MaxComputeTable" | "OSS" | "MaxComputeOfflineModel" | "MaxComputeVolume";

export interface Metadata {
  provider?: string;
  version?: string;
  identifier?: string;
  name?: string;
  displayName?: string;
  guid?: string;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface Feasible {
  /** `[1, 10]`, `(0, INF)`, ... */
  range?: string;
  [key: string]: unknown;
}

export interface Parameter {
  name: string;
  type?: ParameterType | string;
  value?: unknown;
  desc?: string;
  required?: boolean;
  feasible?: Feasible;
  /** A reference such as `{{inputs.parameters.execution_maxcompute}}`. */
  from?: string;
  [key: string]: unknown;
}

export interface ArtifactTypeSpec {
  locationType?: LocationType | string | null;
  [key: string]: unknown;
}

export interface ArtifactMetadata {
  /** One key: the data type (`DataSet`, `Model`, ...). */
  type?: Record<string, ArtifactTypeSpec | null>;
  [key: string]: unknown;
}

export interface Artifact {
  name: string;
  metadata?: ArtifactMetadata;
  value?: unknown;
  from?: string;
  required?: boolean;
  repeated?: boolean;
  desc?: string;
  [key: string]: unknown;
}

export interface IoSpec {
  parameters?: Parameter[];
  artifacts?: Artifact[];
  [key: string]: unknown;
}

export interface WithSequence {
  start?: number;
  end?: number;
  count?: number;
  format?: string;
  [key: string]: unknown;
}

export interface Spec {
  inputs?: IoSpec;
  outputs?: IoSpec;
  arguments?: IoSpec;
  dependencies?: string[];
  pipelines?: Step[];
  container?: Record<string, unknown>;
  initContainers?: unknown[];
  sideCarContainers?: unknown[];
  volumes?: unknown[];
  when?: string;
  withItems?: unknown[];
  withParam?: string;
  withSequence?: WithSequence;
  parallelism?: number;
  [key: string]: unknown;
}

/** A step of a pipeline (an entry of `spec.pipelines`). */
export interface Step {
  apiVersion?: string;
  metadata: Metadata;
  spec?: Spec;
  [key: string]: unknown;
}

/** One document: a pipeline or a component definition. */
export interface Manifest {
  apiVersion: string;
  metadata: Metadata;
  spec: Spec;
  [key: string]: unknown;
}

/**
 * A manifest file: one or more documents. Inline component definitions (with `metadata.guid`)
 * come first; the entry pipeline is the last document.
 */
export interface ManifestStream {
  documents: Manifest[];
}
