/**
 * The local workspace's components, for the components the engine runs: PaiStudio's
 * GetAlgorithmTree and GetAlgorithmDef, and PAIFlow's component registry (ListPipelines with
 * `PipelineProvider=pai`, GetPipeline, GetPipelineSchema) holding each one's core/v1 manifest.
 * Everything is derived from the shared catalog, so the palette, validation and the engine agree.
 */
import { createHash } from "node:crypto";
import {
  ALGORITHM_NODE_TYPE,
  type ComponentSpec,
  catalog,
  componentKey,
  componentManifest,
  OFFICIAL_PROVIDER,
  serializeDocument,
  TREE_CATEGORY,
} from "@pfd/shared";
import { ApiError, intParam, missingParameter } from "../errors";

interface Entry {
  spec: ComponentSpec;
  /** The manifest as YAML, what GetPipeline answers. */
  yaml: string;
  /** Content address of this revision ([I] a SHA-1, like GetAlgorithmTree's `signature`). */
  signature: string;
  pipelineId: string;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
// A fixed moment: the catalog ships with the code, so it has no history of its own.
const PUBLISHED = "2024-01-01T00:00:00.000Z";

const pipelineNotFound = (id: string) =>
  new ApiError(404, "PipelineNotFound", `The pipeline "${id}" does not exist.`);

export class LocalAlgorithms {
  private readonly entries: Entry[];
  private readonly tree: unknown[];
  /** Changes exactly when the tree does (a number-like string, as PaiStudio's timestamps are). */
  readonly timestamp: string;

  /** `runs`: identifiers the local engine can run; only those are offered. */
  constructor(runs: ReadonlySet<string>) {
    this.entries = catalog
      .filter((spec) => spec.provider === OFFICIAL_PROVIDER && runs.has(spec.identifier))
      .map((spec) => {
        const yaml = serializeDocument(componentManifest(spec));
        return {
          spec,
          yaml,
          signature: sha1(yaml),
          pipelineId: `pipeline-${sha1(componentKey(spec)).slice(0, 18)}`,
        };
      });
    const categories = new Map<string, unknown[]>();
    for (const { spec, signature } of this.entries) {
      const leaves = categories.get(spec.category) ?? [];
      leaves.push({
        name: spec.displayName.zh,
        nodeType: ALGORITHM_NODE_TYPE,
        metadata: {
          provider: spec.provider,
          identifier: spec.identifier,
          version: spec.version,
          signature,
        },
        doc: "",
      });
      categories.set(spec.category, leaves);
    }
    this.tree = [...categories].map(([name, leaves]) => ({
      name,
      nodeType: TREE_CATEGORY.nodeType,
      [TREE_CATEGORY.childrenKey]: leaves,
    }));
    this.timestamp = String(Number.parseInt(sha1(JSON.stringify(this.tree)).slice(0, 12), 16));
  }

  getTree(): Record<string, unknown> {
    return { Tree: this.tree, Timestamp: this.timestamp };
  }

  getDef(query: Record<string, string>): Record<string, unknown> {
    for (const name of ["Provider", "Identifier", "AlgoVersion"])
      if (!query[name]) throw missingParameter(name);
    const entry = this.entries.find(
      ({ spec, signature }) =>
        spec.provider === query.Provider &&
        spec.identifier === query.Identifier &&
        spec.version === query.AlgoVersion &&
        (!query.Signature || signature === query.Signature),
    );
    if (!entry) {
      throw new ApiError(
        404,
        "AlgorithmNotFound",
        `No algorithm ${query.Provider}/${query.Identifier}/${query.AlgoVersion}${query.Signature ? ` at ${query.Signature}` : ""}.`,
      );
    }
    // [I] Spec's fields are unpublished: the local service gives the component manifest.
    return { Spec: componentManifest(entry.spec) };
  }

  listPipelines(query: Record<string, string>): Record<string, unknown> {
    const page = intParam(query.PageNumber, "PageNumber", 1, 1, 1_000_000);
    const size = intParam(query.PageSize, "PageSize", 10, 1, 100);
    const fuzzy = query.FuzzyMatching === "true";
    const matches = (value: string, wanted: string | undefined) =>
      !wanted || (fuzzy ? value.toLowerCase().includes(wanted.toLowerCase()) : value === wanted);
    const found = this.entries.filter(
      ({ spec }) =>
        matches(spec.provider, query.PipelineProvider) &&
        matches(spec.identifier, query.PipelineIdentifier) &&
        matches(spec.version, query.PipelineVersion),
    );
    return {
      TotalCount: found.length,
      Pipelines: found.slice((page - 1) * size, page * size).map((e) => this.pipeline(e, false)),
    };
  }

  getPipeline(id: string): Record<string, unknown> {
    const entry = this.entries.find((e) => e.pipelineId === id);
    if (!entry) throw pipelineNotFound(id);
    return this.pipeline(entry, true);
  }

  private pipeline(entry: Entry, withManifest: boolean): Record<string, unknown> {
    const { spec } = entry;
    return {
      PipelineId: entry.pipelineId,
      Provider: spec.provider,
      Identifier: spec.identifier,
      Version: spec.version,
      Uuid: entry.signature.slice(0, 18),
      WorkspaceId: "",
      GmtCreateTime: PUBLISHED,
      GmtModifiedTime: PUBLISHED,
      ...(withManifest ? { Manifest: entry.yaml } : {}),
    };
  }
}
