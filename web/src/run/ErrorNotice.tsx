/** A server or PAIFlow error in words, with the code and request id a support ticket needs. */
import { useT } from "../i18n";
import { problemText } from "../problems/format";
import type { RunApiError } from "./api";
import { errorDetail, errorHeadline } from "./text";

export function ErrorNotice({ error, title }: { error: RunApiError; title?: string }) {
  const { requestId, problems } = error.details;
  const t = useT();
  const detail = errorDetail(t, error);
  return (
    <div className="pfd-run-error" role="alert">
      {title && <strong>{title} </strong>}
      <span className="pfd-run-error-message">{errorHeadline(t, error)}</span>
      {detail && <span className="pfd-run-error-detail"> {detail}</span>}
      <span className="pfd-run-error-meta">
        {t("error.code")} <code>{error.code}</code>
        {requestId && (
          <>
            {" · "}
            {t("error.requestId")} <code>{requestId}</code>
          </>
        )}
        {error.status !== undefined && <> · {t("error.http", { status: error.status })}</>}
      </span>
      {problems && problems.length > 0 && (
        <ul className="pfd-run-problems">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity and never reorder here
            <li key={i}>
              {p.location.step && <code>{p.location.step}</code>} {problemText(t, p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
