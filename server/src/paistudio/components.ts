/**
 * What `GET /api/components` answers and what validation checks against: the workspace's
 * components (see palette.ts) or, while the workspace cannot be read, the built-in catalog; then
 * the user's own from COMPONENTS_DIR. Each carries its `source`. Lists are rebuilt only when
 * one of their parts changed, so callers that remember work per list (the manifest checker) keep it.
 */
import {
  type ApiComponent,
  type ComponentRef,
  type ComponentSpec,
  type ComponentsResponse,
  catalog,
  componentKey,
} from "@pfd/shared";
import type { WorkspacePalette } from "./palette";

type LoadCustom = () => Promise<ComponentsResponse>;

const BUILTIN: readonly ComponentSpec[] = Object.freeze(
  catalog.map((c) => ({ ...c, source: "builtin" as const })),
);

export class Components {
  private memo:
    | {
        workspace: readonly ComponentSpec[] | undefined;
        custom: ComponentsResponse;
        all: ApiComponent[];
        problems: ComponentsResponse["problems"];
      }
    | undefined;

  /**
   * `loadCustom`: the built-in catalog plus COMPONENTS_DIR's components, as config/components.ts
   * reads them (its entries after the catalog's are the user's own).
   */
  constructor(
    private readonly workspace: WorkspacePalette | undefined,
    private readonly loadCustom: LoadCustom,
  ) {}

  /** Every component the palette offers, with the workspace's state. */
  async list(refresh = false): Promise<ComponentsResponse> {
    const { memo, status } = await this.compose(refresh);
    return status
      ? { components: memo.all, problems: memo.problems, workspace: status }
      : { components: memo.all, problems: memo.problems };
  }

  /** The components validation checks against (a pending one counts as unknown: see findComponent). */
  async forValidation(): Promise<ComponentsResponse> {
    const { memo } = await this.compose(false);
    return { components: memo.all, problems: memo.problems };
  }

  /** A component's full definition (fetched from the workspace when needed). */
  async definition(ref: ComponentRef): Promise<ComponentSpec | undefined> {
    const fromWorkspace = await this.workspace?.definition(ref);
    if (fromWorkspace) return fromWorkspace;
    const key = componentKey(ref);
    const { memo } = await this.compose(false);
    return memo.all.find((c) => componentKey(c) === key && !c.pending);
  }

  private async compose(refresh: boolean) {
    const current = this.workspace ? await this.workspace.current(refresh) : undefined;
    const custom = await this.loadCustom();
    const workspace = current?.components;
    if (this.memo?.workspace !== workspace || this.memo?.custom !== custom) {
      const base = workspace ?? BUILTIN;
      const taken = new Set(base.map(componentKey));
      const problems = [...custom.problems];
      const own: ApiComponent[] = [];
      for (const c of custom.components.slice(catalog.length)) {
        const key = componentKey(c);
        if (taken.has(key)) {
          problems.push({
            file: "COMPONENTS_DIR",
            message: `component ${key} is also the workspace's; the workspace's is used`,
          });
          continue;
        }
        taken.add(key);
        own.push({ ...c, source: "custom" });
      }
      const all = [...base, ...own];
      this.memo = { workspace, custom, all, problems };
    }
    return { memo: this.memo, status: current?.status };
  }
}
