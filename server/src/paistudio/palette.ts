/**
 * The workspace's components, cached by the server: the algorithm tree (categories, names, order)
 * and the workspace's own registered components, re-read when older than a few minutes or when
 * the user asks ("Refresh components", itself throttled); a changed tree `Timestamp` drops every
 * cached definition. Definitions (ports and parameters) come lazily, one component at a time,
 * from its PAIFlow manifest (ListPipelines, then GetPipelineSchema or GetPipeline). The built-in
 * catalog gives the definition of the components it knows at once.
 */
import {
  type ComponentRef,
  type ComponentSpec,
  catalog,
  componentKey,
  componentsFromManifest,
  findComponent,
  OFFICIAL_PROVIDER,
  type WorkspacePalette as PaletteStatus,
  parseManifest,
  treeNameLanguage,
  treeTimestamp,
  unknownComponentRunsOnMaxCompute,
} from "@pfd/shared";
import type { PaiflowClient } from "../paiflow/client";
import { PaiflowError } from "../paiflow/errors";
import type { Pipeline } from "../paiflow/types";
import type { PaistudioClient } from "./client";
import { type TreeEntry, walkAlgorithmTree } from "./tree";

interface WorkspacePaletteOptions {
  studio: PaistudioClient;
  paiflow: PaiflowClient;
  workspaceId: string | undefined;
  /** The tree is re-read on its own at most this often (default 5 minutes). */
  maxAgeMs?: number;
  /** "Refresh components" and retries after a failure re-read at most this often (default 30 s). */
  minRefreshMs?: number;
  now?: () => number;
}

interface Entry extends TreeEntry {
  /** Known for the workspace's own components (listed with their PipelineId). */
  pipelineId?: string;
}

/** Category of the workspace's own registered components. */
const OWN_CATEGORY = "Custom";

/** A component could not be defined (no manifest, or one that does not read). */
export class DefinitionUnavailable extends Error {
  override readonly name = "DefinitionUnavailable";
}

const keyOf = (e: { provider: string; identifier: string; version: string }) =>
  `${e.provider}/${e.identifier}/${e.version}`;

export class WorkspacePalette {
  private entries: Entry[] | undefined;
  private timestamp: string | null = null;
  private ownStamp = "";
  private checkedAt: number | null = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private error: PaletteStatus["error"];
  private checking: Promise<void> | undefined;
  private readonly defined = new Map<string, ComponentSpec>();
  private readonly fetching = new Map<string, Promise<ComponentSpec>>();
  private built: ComponentSpec[] | undefined;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly minRefreshMs: number;

  constructor(private readonly options: WorkspacePaletteOptions) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.minRefreshMs = options.minRefreshMs ?? 30_000;
  }

  /**
   * The workspace's components (undefined while it has never been read), the same array for as
   * long as nothing changed. A re-read that is due starts here; it is waited for only on the first
   * read and on `refresh` ("Refresh components"): runs and validation never wait on the network
   * for a palette they already have.
   */
  async current(
    refresh = false,
  ): Promise<{ components: ComponentSpec[] | undefined; status: PaletteStatus }> {
    const age = this.now() - this.lastAttempt;
    const due =
      age >= this.maxAgeMs ||
      ((refresh || this.entries === undefined || this.error) && age >= this.minRefreshMs);
    if (due) {
      this.checking ??= this.check().finally(() => {
        this.checking = undefined;
      });
    }
    if (this.checking && (refresh || this.entries === undefined)) await this.checking;
    return { components: this.components(), status: this.status() };
  }

  /** Settles once a re-read under way (if any) has ended. */
  async settled(): Promise<void> {
    await this.checking;
  }

  /** The full definition of a workspace component; undefined when the workspace has no such component. */
  async definition(ref: ComponentRef): Promise<ComponentSpec | undefined> {
    if (this.entries === undefined) await this.current();
    const key = componentKey(ref);
    const entry = this.entries?.find((e) => keyOf(e) === key);
    if (!entry) return undefined;
    const ready = this.known(entry);
    if (ready) return ready;
    let pending = this.fetching.get(key);
    if (!pending) {
      pending = this.fetchDefinition(entry).finally(() => this.fetching.delete(key));
      this.fetching.set(key, pending);
    }
    return pending;
  }

  private status(): PaletteStatus {
    const status: PaletteStatus = {
      timestamp: this.timestamp,
      checkedAt: this.checkedAt === null ? null : new Date(this.checkedAt).toISOString(),
    };
    if (this.error) status.error = this.error;
    return status;
  }

  private async check(): Promise<void> {
    this.lastAttempt = this.now();
    const { studio, paiflow, workspaceId } = this.options;
    try {
      const tree = await studio.getAlgorithmTree(workspaceId ? { WorkspaceId: workspaceId } : {});
      const own = workspaceId ? await this.ownComponents(paiflow, workspaceId) : [];
      const timestamp = treeTimestamp(tree.Timestamp);
      const ownStamp = own.map((p) => `${p.PipelineId}@${p.GmtModifiedTime ?? ""}`).join(",");
      const changed = this.entries === undefined || timestamp !== this.timestamp || timestamp === "";
      if (changed || ownStamp !== this.ownStamp) {
        if (changed) this.defined.clear();
        this.entries = [...walkAlgorithmTree(tree.Tree ?? []), ...own.flatMap((p) => this.ownEntry(p))];
        this.timestamp = timestamp;
        this.ownStamp = ownStamp;
        this.built = undefined;
      }
      this.checkedAt = this.now();
      this.error = undefined;
    } catch (error) {
      // What was read before stays in use; the answer says why it may be stale.
      if (!(error instanceof PaiflowError)) throw error;
      this.error = {
        code: error.code,
        message: error.message,
        ...(error.requestId ? { requestId: error.requestId } : {}),
      };
    }
  }

  /** The workspace's own registered components (not the official `pai` ones). */
  private async ownComponents(paiflow: PaiflowClient, workspaceId: string): Promise<Pipeline[]> {
    const listed = await paiflow.listPipelines({ WorkspaceId: workspaceId, PageSize: 100 });
    return (listed.Pipelines ?? []).filter((p) => p.Provider && p.Provider !== OFFICIAL_PROVIDER);
  }

  private ownEntry(p: Pipeline): Entry[] {
    if (!p.Provider || !p.Identifier) return [];
    return [
      {
        name: p.Identifier,
        category: OWN_CATEGORY,
        provider: p.Provider,
        identifier: p.Identifier,
        version: p.Version ?? "v1",
        pipelineId: p.PipelineId,
      },
    ];
  }

  private components(): ComponentSpec[] | undefined {
    if (this.entries === undefined) return undefined;
    this.built ??= this.entries.map((e) => this.known(e) ?? pendingSpec(e));
    return this.built;
  }

  /** The definition known without a call: fetched before, or the built-in catalog's. */
  private known(entry: Entry): ComponentSpec | undefined {
    const fetched = this.defined.get(keyOf(entry));
    if (fetched) return fetched;
    const builtin = findComponent(catalog, entry);
    if (!builtin || keyOf(builtin) !== keyOf(entry)) return undefined;
    return {
      ...builtin,
      displayName: displayNameOf(entry, builtin.displayName),
      category: entry.category,
      source: "workspace",
      ...(entry.doc ? { docUrl: entry.doc } : {}),
    };
  }

  private async fetchDefinition(entry: Entry): Promise<ComponentSpec> {
    const { paiflow } = this.options;
    const what = keyOf(entry);
    let pipelineId = entry.pipelineId;
    if (!pipelineId) {
      const listed = await paiflow.listPipelines({
        PipelineProvider: entry.provider,
        PipelineIdentifier: entry.identifier,
        PipelineVersion: entry.version,
        PageSize: 10,
      });
      pipelineId = (listed.Pipelines ?? []).find(
        (p) => p.Identifier === entry.identifier && (p.Version ?? entry.version) === entry.version,
      )?.PipelineId;
    }
    if (!pipelineId) throw new DefinitionUnavailable(`PAIFlow has no manifest registered for ${what}`);
    let manifest: string | null | undefined;
    try {
      manifest = (await paiflow.getPipelineSchema(pipelineId)).Manifest;
    } catch (error) {
      // GetPipelineSchema comes from an older SDK; where the service lacks it, GetPipeline has the manifest.
      if (!(error instanceof PaiflowError && (error.status === 404 || /NotFound/.test(error.code))))
        throw error;
      manifest = (await paiflow.getPipeline(pipelineId)).Manifest;
    }
    const parsed = parseManifest(manifest ?? "");
    const docs = parsed.stream ? componentsFromManifest(parsed.stream) : [];
    const spec = docs.find((d) => d.identifier === entry.identifier) ?? docs.at(-1);
    if (!spec) {
      const why = parsed.problems[0]?.message ?? "it declares no component";
      throw new DefinitionUnavailable(`The manifest of ${what} cannot be read: ${why}`);
    }
    // A manifest's own displayName, when it has one, may name it in the tree's other language.
    const named = spec.displayName.en !== spec.identifier ? spec.displayName.en : undefined;
    const defined: ComponentSpec = {
      ...spec,
      provider: entry.provider,
      identifier: entry.identifier,
      version: entry.version,
      displayName: displayNameOf(entry, named ? { en: named, zh: named } : undefined),
      category: entry.category,
      source: "workspace",
      ...(entry.doc ? { docUrl: entry.doc } : {}),
    };
    delete defined.guid;
    this.defined.set(what, defined);
    this.built = undefined;
    return defined;
  }
}

/**
 * A component's names: the tree's in its language, the other language's from `other` (the
 * built-in catalog's, or the manifest's) when it has one, else the tree's name again.
 */
function displayNameOf(entry: Entry, other?: { en: string; zh: string }): { en: string; zh: string } {
  const language = treeNameLanguage(entry.name);
  const otherLanguage = language === "zh" ? "en" : "zh";
  const given = other?.[otherLanguage];
  const inOther = given && treeNameLanguage(given) === otherLanguage ? given : entry.name;
  return language === "zh" ? { en: inOther, zh: entry.name } : { en: entry.name, zh: inOther };
}

/** A palette entry whose ports and parameters are not loaded yet. */
function pendingSpec(entry: Entry): ComponentSpec {
  return {
    provider: entry.provider,
    identifier: entry.identifier,
    version: entry.version,
    displayName: displayNameOf(entry),
    category: entry.category,
    description: "",
    inputs: [],
    outputs: [],
    parameters: [],
    maxCompute: unknownComponentRunsOnMaxCompute(entry),
    source: "workspace",
    pending: true,
    ...(entry.doc ? { docUrl: entry.doc } : {}),
  };
}
