/** What a draft's canvas cannot hold of the pipeline, one line per step and field, in the page's language. */
import type { Problem } from "@pfd/shared";
import { useT } from "../i18n";
import { problemText } from "../problems/format";

export function LostList({ lost }: { lost: readonly Problem[] }) {
  const t = useT();
  return (
    <ul className="pfd-modal__problems">
      {lost.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes while shown
        <li key={i}>
          {p.location.step ? <code>{p.location.step}</code> : null} {problemText(t, p)}
        </li>
      ))}
    </ul>
  );
}
