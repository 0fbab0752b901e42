/**
 * EVERY GUESS ABOUT PAISTUDIO 2021-02-02 LIVES HERE.
 *
 * PaiStudio (PAI Designer's backend) is documented only by its API metadata
 * (`/work/shared/reference/PAISTUDIO.md` gathers it, tagging each fact [C] confirmed, [I] inferred,
 * [H] historical). Where the designer had to act on something the metadata does not say, the
 * choice is made once, below, with what it rests on. The server's PaiStudio client, the embedded
 * local service and the canvas conversion all read these constants; none repeats them.
 *
 * To correct a guess after a live call: change it here, run `npm test`, and note the source.
 */
import type { CatalogLanguage } from "../catalog/types";
import type { Parameter } from "../manifest/types";

// ---- drafts and Version (PAISTUDIO.md §3, §9.4) -----------------------------------------------

/**
 * How the service refuses UpdateExperimentContent with a stale `Version`. GUESS: the metadata
 * gives no code or status, only that "the update cannot succeed". The local service answers
 * with this; the server does not rely on it (see `looksLikeVersionConflict`).
 */
export const VERSION_CONFLICT = { status: 409, code: "ExperimentVersionConflict" } as const;

/**
 * True when an error answer to UpdateExperimentContent may be a version conflict. GUESS, kept
 * wide on purpose: 409, or a code that mentions the version. The server confirms a conflict by
 * reading the draft's current Version (GetExperimentMeta) before calling it one, so a wrong
 * guess here costs one extra read, never a wrong dialog.
 */
export function looksLikeVersionConflict(error: { status?: number | undefined; code: string }): boolean {
  return error.status === VERSION_CONFLICT.status || /version|conflict|modified|concurren/i.test(error.code);
}

/** Version of a new draft before its first content update. GUESS (§3: "the starting version" is unknown). */
export const INITIAL_DRAFT_VERSION = 1;

/** `Source` the designer sends when it creates drafts and folders ([C] the metadata's example). */
export const DRAFT_SOURCE = "PaiStudio";

/** The id of the top folder of GetExperimentFolderChildren ([C]). GUESS: CreateExperiment accepts it too. */
export const ROOT_FOLDER_ID = "root";

/** Largest page ListExperiments is asked for. GUESS: no maximum is documented; 100 is PAIFlow's. */
export const MAX_EXPERIMENT_PAGE_SIZE = 100;

// ---- the algorithm tree (PAISTUDIO.md §6, §9.3) ----------------------------------------------

/** `nodeType` of a component leaf of GetAlgorithmTree ([C] the only published node). */
export const ALGORITHM_NODE_TYPE = "algo";

/**
 * `nodeType` the local service gives category nodes, and the key holding their children. GUESS:
 * category nodes are unpublished. The reading side (`walkAlgorithmTree`) does not rely on it: any
 * object with an array of objects is a category.
 */
export const TREE_CATEGORY = { nodeType: "folder", childrenKey: "children" } as const;

/**
 * `Timestamp` of GetAlgorithmTree as one string. [C] it is a string in the metadata and a number
 * in the help page's example, so both are read.
 */
export function treeTimestamp(value: unknown): string {
  return typeof value === "number" || typeof value === "string" ? String(value) : "";
}

/**
 * The language of a component's name in the algorithm tree. GUESS (§6: "whether `name` is
 * localised ... is not published"): the tree speaks one language, the console's; a name written
 * with Chinese characters is Chinese (`读数据表`), any other English (`Tensorflow`).
 */
export function treeNameLanguage(name: string): CatalogLanguage {
  return /\p{Script=Han}/u.test(name) ? "zh" : "en";
}

// ---- component definitions (PAISTUDIO.md §6) --------------------------------------------------

/**
 * Where a palette component's ports and parameters come from. GUESS [I]: GetAlgorithmDef's `Spec`
 * has no published fields, so the definition is the component's PAIFlow manifest
 * (ListPipelines with `PipelineProvider=pai` and the identifier and version, then
 * GetPipelineSchema, or GetPipeline where that operation is missing).
 */
export const OFFICIAL_PROVIDER = "pai";

/**
 * The system parameter every MaxCompute component declares (type Map) and the pipeline input it
 * is bound to. [I] PAI Designer hides it and binds it when it compiles a draft: it is never a
 * canvas property, and a component manifest that declares it runs on MaxCompute.
 */
export const EXECUTION_PARAMETER = "execution";

// ---- the canvas JSON (PAISTUDIO.md §4, §9.1) ---------------------------------------------------

/**
 * A `globalParams` item as a pipeline input parameter. GUESS: only `[]` has ever been published.
 * Read as `name`, `value` (any), optional `type` (default String) and `desc`; every other key is
 * kept. Undefined for an item without a name (it is then kept in the canvas as it is).
 */
export function globalParamOf(item: unknown): Parameter | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return undefined;
  const { name, type, ...rest } = item as Record<string, unknown>;
  if (typeof name !== "string") return undefined;
  return { name, type: typeof type === "string" ? type : "String", ...rest };
}

/** The `globalParams` item of a pipeline input parameter, on top of the item read (if any). GUESS, as above. */
export function globalParamItem(p: Parameter, read: unknown): Record<string, unknown> {
  const { type, ...rest } = p;
  const before = typeof read === "object" && read !== null && !Array.isArray(read) ? read : {};
  const out: Record<string, unknown> = { ...before, ...rest };
  if (type !== "String" || "type" in before) out.type = type;
  return out;
}

/**
 * Edges into a repeated input port. GUESS: a canvas edge's `targetAnchor` is the artifact name of
 * the argument it compiles to (§4.2), so an edge into a repeated port names the expanded element
 * (`inputTables_0`). When several edges into one node share a bare anchor, they are read as the
 * elements `<anchor>_0`, `<anchor>_1`, ... in edge order (and written back with the anchor read).
 */
export function repeatedElementName(anchor: string, index: number): string {
  return `${anchor}_${index}`;
}

/**
 * The pipeline metadata of a draft's graph (what the manifest preview, export and runs show).
 * GUESS: Designer compiles drafts with `identifier: job-root-pipeline-identifier` ([C] DW exports);
 * the designer names the pipeline after the draft instead, which is readable and unique.
 */
export function draftPipelineMetadata(draft: { id?: string; name?: string }): {
  version: string;
  identifier: string;
  name: string;
} {
  return {
    version: "v1",
    identifier: draft.id ?? "pai_designer_draft",
    name: draft.name ?? draft.id ?? "PAI Designer draft",
  };
}

/**
 * Whether a step of a component the palette does not know runs on MaxCompute (gets `execution`
 * bound when the draft becomes a pipeline). GUESS [I]: every official (`pai`) component seen in a
 * Designer export does; others are the user's own and say so in their manifest.
 */
export function unknownComponentRunsOnMaxCompute(ref: { provider?: string }): boolean {
  return ref.provider === OFFICIAL_PROVIDER;
}

// ---- runs (PAIFLOW.md §1, PAISTUDIO.md §5) -----------------------------------------------------

/**
 * The `SourceId` of a run of a saved draft (SourceType DESIGNER). [I] PAIFLOW.md: Designer's own
 * runs carry the draft's id there, which is how PAI's console ties runs to their draft.
 */
export function draftRunSourceId(draft: { id: string }): string {
  return draft.id;
}

// ---- MaxCompute helpers and node schemas (PAISTUDIO.md §2.5, §2.6, §9.6) ----------------------

/**
 * SearchMCTables' `Keyword` ([C] required, `project.table_prefix`) for what the user typed. GUESS:
 * a keyword without a project searches the workspace's default MaxCompute project
 * (MAXCOMPUTE_PROJECT); without either there is nothing to search.
 */
export function mcTableKeyword(keyword: string | undefined, project: string | undefined): string | undefined {
  const typed = keyword?.trim() ?? "";
  if (typed.includes(".")) return typed;
  return project ? `${project}.${typed}` : undefined;
}

/** Tables the cloud table picker lists (each costs one GetMCTableSchema). GUESS: no page size is documented. */
export const MC_TABLES_LISTED = 50;

/**
 * The name of a GetMCTableSchema `PartitionColumns[]` item. GUESS: the metadata types neither its
 * items nor gives an example; read as a string or as a column (`{Name, Type}`) like `Columns[]`.
 */
export function partitionColumnName(item: unknown): string | undefined {
  if (typeof item === "string") return item;
  const name = (item as { Name?: unknown } | null)?.Name;
  return typeof name === "string" ? name : undefined;
}

/**
 * The MaxCompute table a run's output artifact holds (PAIFlow ListPipelineRunNodeOutputs
 * `Info.value`), as `project.table`. GUESS [I]: `{location: {project, table}}` as Designer writes
 * table artifacts, or ListNodeOutputs' `{table}` form; a table without its project is read in
 * the default project.
 */
export function outputTableName(value: unknown, project: string | undefined): string | undefined {
  const v = (value ?? {}) as { location?: { project?: unknown; table?: unknown }; table?: unknown };
  const table = v.location?.table ?? v.table;
  if (typeof table !== "string" || !table) return undefined;
  if (table.includes(".")) return table;
  const own = v.location?.project;
  const p = typeof own === "string" && own ? own : project;
  return p ? `${p}.${table}` : undefined;
}

// ---- jobs: partial runs of a saved draft (PAISTUDIO.md §2.2, §5, §9.5) -------------------------

/** CreateJob's ExecuteType for each run scope ([C] the enum; the mapping is the console's menu). */
export const EXECUTE_TYPES = {
  one: "EXECUTE_ONE",
  to: "EXECUTE_TO_HERE",
  from: "EXECUTE_FROM_HERE",
} as const;

/**
 * CreateJob's `NodeId` for a step. GUESS [I] (§4.2): a draft's canvas node id is its step's
 * `metadata.name`, which is how an opened draft names its steps.
 */
export function jobNodeId(step: string): string {
  return step;
}

/**
 * How long the server waits for GetJob to name the job's PAIFlow run (`RunId`), and how often it
 * asks. GUESS: the job compiles the draft and then submits the run (§5), so RunId is empty for a
 * moment; how long that takes is not documented.
 */
export const JOB_RUN_WAIT = { timeoutMs: 30_000, intervalMs: 500 } as const;

/**
 * Whether a job's run will never come: GUESS, the job ended (a terminal status, §5) without a run.
 */
export function jobEndedWithoutRun(job: { Status?: string | null; RunId?: string | null }): boolean {
  return !job.RunId && ["Failed", "Terminated", "Skipped", "Succeeded"].includes(job.Status ?? "");
}
