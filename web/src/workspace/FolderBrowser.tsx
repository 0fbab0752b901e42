/**
 * Browses the workspace's PAI Designer folders from `root`: a breadcrumb, a filter by
 * accessibility, folders to enter and (when opening) drafts with their modified time and creator.
 */
import type { Accessibility, FolderEntry } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { workspaceApi } from "./api";
import "./workspace.css";

export interface FolderPlace {
  id: string;
  /** Names from the top, `Workspace` first. */
  path: string[];
}

export const ROOT_PLACE: FolderPlace = { id: "root", path: ["Workspace"] };

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const time = (iso: string | null) => (iso ? when.format(new Date(iso)) : "");

const folderQueryKey = (id: string, accessibility: string) => ["workspace", "folder", id, accessibility];

export function FolderBrowser({
  onOpenDraft,
  onPlace,
  busyDraft,
}: {
  /** Drafts are listed and open with this; without it only folders are shown (choosing where to save). */
  onOpenDraft?: (draft: Extract<FolderEntry, { kind: "draft" }>) => void;
  /** Called with the folder shown, whenever it changes. */
  onPlace?: (place: FolderPlace) => void;
  /** The draft being opened (its button shows it). */
  busyDraft?: string | null;
}) {
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([{ id: "root", name: "Workspace" }]);
  const [access, setAccess] = useState<Accessibility | "">("");
  const here = trail[trail.length - 1] ?? { id: "root", name: "Workspace" };
  const listing = useQuery({
    queryKey: folderQueryKey(here.id, access),
    queryFn: () => workspaceApi.folder(here.id, access || undefined),
    retry: false,
  });
  const go = (next: { id: string; name: string }[]) => {
    setTrail(next);
    const last = next[next.length - 1];
    if (last) onPlace?.({ id: last.id, path: next.map((t) => t.name) });
  };
  const entries = (listing.data?.entries ?? []).filter((e) => onOpenDraft || e.kind === "folder");

  return (
    <div className="pfd-ws-browser">
      <div className="pfd-ws-browser__bar">
        <nav aria-label="Folder" className="pfd-ws-crumbs">
          {trail.map((t, i) => (
            <span key={t.id}>
              {i > 0 && <span aria-hidden="true"> / </span>}
              <button
                type="button"
                className="pfd-ws-crumb"
                aria-current={i === trail.length - 1 ? "location" : undefined}
                onClick={() => go(trail.slice(0, i + 1))}
              >
                {t.name}
              </button>
            </span>
          ))}
        </nav>
        <label className="pfd-ws-filter">
          Show{" "}
          <select value={access} onChange={(e) => setAccess(e.target.value as Accessibility | "")}>
            <option value="">All</option>
            <option value="PUBLIC">Public</option>
            <option value="PRIVATE">Private</option>
          </select>
        </label>
      </div>
      {listing.isPending && <p className="pfd-ws-empty">Loading…</p>}
      {listing.isError && (
        <ErrorNotice error={asRunApiError(listing.error)} title="The folder cannot be read." />
      )}
      {listing.isSuccess && entries.length === 0 && (
        <p className="pfd-ws-empty">{onOpenDraft ? "No drafts or folders here." : "No folders here."}</p>
      )}
      {entries.length > 0 && (
        <ul className="pfd-ws-list" aria-label={onOpenDraft ? "Drafts and folders" : "Folders"}>
          {entries.map((e) =>
            e.kind === "folder" ? (
              <li key={e.id}>
                <button
                  type="button"
                  className="pfd-ws-entry"
                  onClick={() => go([...trail, { id: e.id, name: e.name }])}
                >
                  <span className="pfd-ws-entry__icon" aria-hidden="true">
                    ▸
                  </span>
                  <span className="pfd-ws-entry__name">{e.name}</span>
                  <span className="pfd-ws-entry__meta">{e.empty ? "empty folder" : "folder"}</span>
                </button>
              </li>
            ) : (
              <li key={e.id}>
                <button
                  type="button"
                  className="pfd-ws-entry"
                  disabled={busyDraft === e.id}
                  aria-label={`Open draft ${e.name}`}
                  onClick={() => onOpenDraft?.(e)}
                >
                  <span className="pfd-ws-entry__icon" aria-hidden="true">
                    ◆
                  </span>
                  <span className="pfd-ws-entry__name">
                    {busyDraft === e.id ? `${e.name} (opening…)` : e.name}
                  </span>
                  <span className="pfd-ws-entry__meta">
                    {time(e.modifiedAt)}
                    {e.creator ? ` · ${e.creator}` : ""}
                  </span>
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
