/** The component catalog's shapes: what the palette, the inspector and validation know of a component. */
import type { ArtifactDataType, LocationType, ParameterType } from "../manifest/types";

export const CATEGORIES = [
  "Data Source/Target",
  "Data Preprocessing",
  "Machine Learning",
  "Prediction",
  "Evaluation",
  "Visualization",
  /** The user's own components (from core/v1 component manifests). */
  "Custom",
] as const;

export type Category = (typeof CATEGORIES)[number];

/** The languages the catalog names components and parameters in (PAI Designer's are Chinese). */
export type CatalogLanguage = "en" | "zh";

export interface PortSpec {
  /** The artifact name (`inputTable`, `model`, ...). */
  name: string;
  type: ArtifactDataType;
  locationType?: LocationType | string;
  /** An input that must be connected for the step to run. */
  required?: boolean;
  /** `repeated: true` artifacts expand into `<name>_<index>` elements. */
  repeated?: boolean;
  desc?: string;
}

export interface ParamSpec {
  name: string;
  type: ParameterType;
  /** The component's own default, applied when the step does not set the parameter. */
  default?: string | number | boolean;
  required?: boolean;
  /** The only values accepted. */
  allowed?: string[];
  /** Numeric range, `[1, 10]`, `(0, 1)`, `[0, INF)`. */
  range?: string;
  /** One line for the inspector, in English; `descriptions` in other languages (`parameterDescription`). */
  description: string;
  descriptions?: Partial<Record<CatalogLanguage, string>>;
  /** The parameter's label in PAI Designer's form, by language, where PAI gives one (`表名`). */
  label?: Partial<Record<CatalogLanguage, string>>;
  /** The parameter names columns of an input table (see catalog/columns.ts for the rules). */
  columns?: ColumnsSpec;
  /** Names a table of the table catalog to read (`project.table`): edited with the table picker. */
  catalogTable?: boolean;
  /** Names a partition of the table the step's `catalogTable` parameter names: edited with the partition picker. */
  catalogPartition?: boolean;
  /** Edited in a multi-line box (SQL, scripts). */
  multiline?: boolean;
}

/** What a column parameter takes: one column or a comma-separated list, of which input, of what type. */
export interface ColumnsSpec {
  /** A comma-separated list (`cols_to_double`, `featureColNames`); otherwise one column. */
  multiple?: boolean;
  /** The input port whose columns it names; the component's first table input when absent. */
  input?: string;
  /** Only numeric columns are accepted (a learner's features). */
  numeric?: boolean;
}

/** Where the palette got a component: the PAI workspace, the built-in catalog, or COMPONENTS_DIR. */
type ComponentSource = "workspace" | "builtin" | "custom";

export interface ComponentSpec {
  provider: string;
  identifier: string;
  version: string;
  /** Set for an inline component of a multi-document stream: steps point at it by guid. */
  guid?: string;
  /** As PAI names the component in each language (`Read Table`, `读数据表`); see `componentName`. */
  displayName: { en: string; zh: string };
  /** A built-in category, or a workspace's own (its algorithm tree's category path). */
  category: Category | (string & {});
  /** One line in English; `descriptions` holds it in other languages (see `componentDescription`). */
  description: string;
  descriptions?: Partial<Record<CatalogLanguage, string>>;
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** The parameters a user sets; `execution` of MaxCompute components is not listed (see maxCompute). */
  parameters: ParamSpec[];
  /**
   * Runs on MaxCompute: its `execution` parameter (Map) is bound to the pipeline input
   * `execution_maxcompute`, declared automatically.
   */
  maxCompute: boolean;
  /** Output parameters other steps may read (`{{pipelines.<step>.outputs.parameters.<name>}}`). */
  outputParameters?: string[];
  /** Where it comes from (set by the server's palette). */
  source?: ComponentSource;
  /**
   * True for a workspace component whose ports and parameters are not loaded yet: the server
   * gives them at `GET /api/components/:provider/:identifier/:version` when a step needs them.
   */
  pending?: boolean;
  /** Its documentation page, when the workspace gives one. */
  docUrl?: string;
}

/** The pipeline input every MaxCompute step's `execution` is bound to. */
export const EXECUTION_MAXCOMPUTE = "execution_maxcompute";
