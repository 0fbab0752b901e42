/**
 * Browses the workspace's PAI Designer folders from `root`: a breadcrumb, a filter by
 * accessibility, folders to enter and (when opening) drafts with their modified time and creator.
 */
import type { Accessibility, FolderEntry } from "@pfd/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Translator, useFormats, useT } from "../i18n";
import { ErrorNotice } from "../run/ErrorNotice";
import { asRunApiError } from "../run/errors";
import { workspaceApi } from "./api";
import "./workspace.css";

export interface FolderPlace {
  id: string;
  /** Folder names below the workspace's top (empty at the top). */
  path: string[];
}

export const ROOT_PLACE: FolderPlace = { id: "root", path: [] };

/** `工作空间 / 实验 / 2024`: where a folder is, from the workspace's top, in the page's language. */
export function placeText(t: Translator, place: FolderPlace): string {
  return [t("folders.root"), ...place.path].join(" / ");
}

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
  // The folders entered below the top (`root`), outermost first.
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const [access, setAccess] = useState<Accessibility | "">("");
  const t = useT();
  const f = useFormats();
  const here = trail[trail.length - 1] ?? { id: ROOT_PLACE.id, name: "" };
  const listing = useQuery({
    queryKey: folderQueryKey(here.id, access),
    queryFn: () => workspaceApi.folder(here.id, access || undefined),
    retry: false,
  });
  const go = (next: { id: string; name: string }[]) => {
    setTrail(next);
    onPlace?.({ id: next[next.length - 1]?.id ?? ROOT_PLACE.id, path: next.map((folder) => folder.name) });
  };
  const crumbs = [{ id: ROOT_PLACE.id, name: t("folders.root") }, ...trail];
  const entries = (listing.data?.entries ?? []).filter((e) => onOpenDraft || e.kind === "folder");

  return (
    <div className="pfd-ws-browser">
      <div className="pfd-ws-browser__bar">
        <nav aria-label={t("folders.path")} className="pfd-ws-crumbs">
          {crumbs.map((crumb, i) => (
            <span key={crumb.id}>
              {i > 0 && <span aria-hidden="true"> / </span>}
              <button
                type="button"
                className="pfd-ws-crumb"
                aria-current={i === crumbs.length - 1 ? "location" : undefined}
                onClick={() => go(trail.slice(0, i))}
              >
                {crumb.name}
              </button>
            </span>
          ))}
        </nav>
        <label className="pfd-ws-filter">
          {t("folders.show")}{" "}
          <select value={access} onChange={(e) => setAccess(e.target.value as Accessibility | "")}>
            <option value="">{t("folders.all")}</option>
            <option value="PUBLIC">{t("folders.public")}</option>
            <option value="PRIVATE">{t("folders.private")}</option>
          </select>
        </label>
      </div>
      {listing.isPending && <p className="pfd-ws-empty">{t("common.loading")}</p>}
      {listing.isError && (
        <ErrorNotice error={asRunApiError(listing.error)} title={t("folders.cannotRead")} />
      )}
      {listing.isSuccess && entries.length === 0 && (
        <p className="pfd-ws-empty">{t(onOpenDraft ? "folders.emptyDrafts" : "folders.emptyFolders")}</p>
      )}
      {entries.length > 0 && (
        <ul
          className="pfd-ws-list"
          aria-label={t(onOpenDraft ? "folders.listDrafts" : "folders.listFolders")}
        >
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
                  <span className="pfd-ws-entry__meta">{t("folders.folder", { empty: e.empty })}</span>
                </button>
              </li>
            ) : (
              <li key={e.id}>
                <button
                  type="button"
                  className="pfd-ws-entry"
                  disabled={busyDraft === e.id}
                  onClick={() => onOpenDraft?.(e)}
                >
                  <span className="pfd-ws-entry__icon" aria-hidden="true">
                    ◆
                  </span>
                  {/* Named by what it shows, the action said first for a screen reader. */}
                  <span className="pfd-ws-entry__name">
                    <span className="visually-hidden">{t("folders.openDraft")} </span>
                    {busyDraft === e.id ? t("folders.opening", { name: e.name }) : e.name}
                  </span>
                  <span className="pfd-ws-entry__meta">
                    {e.modifiedAt ? f.dateTime(e.modifiedAt) : ""}
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
