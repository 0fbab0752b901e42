/** The server's client for design-time questions: the run context's (tests inject one there), or the page's own. */
import { createRunApi, type RunApi } from "../run/api";
import { useOptionalRunContext } from "../run/RunProvider";

let pageApi: RunApi | undefined;

export function useServerApi(): RunApi {
  const fromRun = useOptionalRunContext()?.api;
  if (fromRun) return fromRun;
  pageApi ??= createRunApi();
  return pageApi;
}
