/** A server or PAIFlow error in words, with the code and request id a support ticket needs. */
import type { RunApiError } from "./api";

export function ErrorNotice({ error, title }: { error: RunApiError; title?: string }) {
  const { requestId, problems } = error.details;
  return (
    <div className="pfd-run-error" role="alert">
      {title && <strong>{title} </strong>}
      <span className="pfd-run-error-message">{error.message}</span>
      <span className="pfd-run-error-meta">
        Code <code>{error.code}</code>
        {requestId && (
          <>
            {" · "}Request ID <code>{requestId}</code>
          </>
        )}
        {error.status !== undefined && ` · HTTP ${error.status}`}
      </span>
      {problems && problems.length > 0 && (
        <ul className="pfd-run-problems">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity and never reorder here
            <li key={i}>
              {p.location.step && <code>{p.location.step}</code>} {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
