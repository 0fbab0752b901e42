/**
 * The local PaiStudio's drafts and folders, persisted in the data directory:
 * `studio/drafts/<ExperimentId>.json` (one draft with its content, rewritten atomically on each
 * change), `studio/folders.json` (every folder) and `studio/jobs.json` (every job: a run of a
 * draft, CreateJob). Kept in memory; written in order per file.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { WriteChain } from "../write-chain";

export type Accessibility = "PUBLIC" | "PRIVATE";

export interface DraftRecord {
  ExperimentId: string;
  Name: string;
  Description?: string;
  FolderId: string;
  WorkspaceId: string;
  Creator: string;
  Source: string;
  Version: number;
  Accessibility: Accessibility;
  Options?: string;
  GmtCreateTime: string;
  GmtModifiedTime: string;
  Content: string;
}

export interface FolderRecord {
  FolderId: string;
  Name: string;
  ParentFolderId: string;
  WorkspaceId: string;
  Creator: string;
  Source: string;
  Accessibility: Accessibility;
  GmtCreateTime: string;
  GmtModifiedTime: string;
}

/** A job: one run of a draft, whole or relative to a node. */
export interface JobRecord {
  JobId: string;
  ExperimentId: string;
  WorkspaceId: string;
  ExecuteType: string;
  NodeId?: string;
  /** The PAIFlow run the job started. */
  RunId: string;
  Creator: string;
  GmtCreateTime: string;
}

export class StudioStore {
  readonly drafts = new Map<string, DraftRecord>();
  readonly folders = new Map<string, FolderRecord>();
  readonly jobs = new Map<string, JobRecord>();
  private readonly chains = new WriteChain();

  constructor(private readonly dir: string) {}

  /** Reads what is persisted; an unreadable file is reported and skipped, never fatal. */
  async load(onError: (file: string, error: unknown) => void): Promise<void> {
    const draftsDir = path.join(this.dir, "drafts");
    await mkdir(draftsDir, { recursive: true });
    for (const name of await readdir(draftsDir)) {
      if (!name.endsWith(".json")) continue;
      const file = path.join(draftsDir, name);
      try {
        const draft = JSON.parse(await readFile(file, "utf8")) as DraftRecord;
        this.drafts.set(draft.ExperimentId, draft);
      } catch (error) {
        onError(file, error);
      }
    }
    await this.loadList<FolderRecord>("folders.json", onError, (f) => this.folders.set(f.FolderId, f));
    await this.loadList<JobRecord>("jobs.json", onError, (j) => this.jobs.set(j.JobId, j));
  }

  private async loadList<T>(
    name: string,
    onError: (file: string, error: unknown) => void,
    add: (item: T) => void,
  ) {
    const file = path.join(this.dir, name);
    try {
      for (const item of JSON.parse(await readFile(file, "utf8")) as T[]) add(item);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") onError(file, error);
    }
  }

  saveDraft(draft: DraftRecord): Promise<void> {
    this.drafts.set(draft.ExperimentId, draft);
    return this.write(path.join(this.dir, "drafts", `${draft.ExperimentId}.json`), () =>
      JSON.stringify(this.drafts.get(draft.ExperimentId)),
    );
  }

  deleteDraft(id: string): Promise<void> {
    this.drafts.delete(id);
    const file = path.join(this.dir, "drafts", `${id}.json`);
    return this.enqueue(file, () => rm(file, { force: true }));
  }

  saveFolder(folder: FolderRecord): Promise<void> {
    this.folders.set(folder.FolderId, folder);
    return this.write(path.join(this.dir, "folders.json"), () => JSON.stringify([...this.folders.values()]));
  }

  saveJob(job: JobRecord): Promise<void> {
    this.jobs.set(job.JobId, job);
    return this.write(path.join(this.dir, "jobs.json"), () => JSON.stringify([...this.jobs.values()]));
  }

  flush(): Promise<void> {
    return this.chains.flush();
  }

  /** Writes what `text()` gives when the write's turn comes, through a temporary file. */
  private write(file: string, text: () => string): Promise<void> {
    return this.enqueue(file, async () => {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, text());
      await rename(tmp, file);
    });
  }

  private enqueue(key: string, task: () => Promise<unknown>): Promise<void> {
    return this.chains.enqueue(key, task);
  }
}
