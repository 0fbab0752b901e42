/** A catalog table's first rows and partitions, in a dialog over the designer (nothing is run). */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { useT } from "../i18n";
import { closeModal, openModal } from "../run/dialog";
import { asRunApiError } from "../run/errors";
import { TablePreview } from "../run/TablePreview";
import { errorHeadline } from "../run/text";
import { tablePreviewQuery } from "../schemas/tables";
import { useServerApi } from "../schemas/useServerApi";

export default function TablePreviewDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const api = useServerApi();
  const preview = useQuery(tablePreviewQuery(api, name));
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const t = useT();
  useEffect(() => openModal(ref.current), []);
  const close = () => {
    closeModal(ref.current);
    onClose();
  };
  const partitions = preview.data?.partitions ?? [];
  return (
    <dialog
      ref={ref}
      className="pfd-run-dialog table-preview-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={`${id}-title`}>{t("tables.previewOf", { name })}</h2>
      {partitions.length > 0 ? (
        <p className="pfd-run-hint">{t("tables.partitions", { list: partitions.join(", ") })}</p>
      ) : null}
      {preview.data ? (
        <TablePreview preview={preview.data} label={t("tables.previewOf", { name })} />
      ) : preview.error ? (
        <p role="alert">{errorHeadline(t, asRunApiError(preview.error))}</p>
      ) : (
        <p className="pfd-run-hint">{t("common.loading")}</p>
      )}
      <div className="pfd-run-dialog-actions">
        <button type="button" className="btn" onClick={close}>
          {t("common.close")}
        </button>
      </div>
    </dialog>
  );
}
