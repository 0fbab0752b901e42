/**
 * Who is signed in (`GET /api/me`) and what their role lets them do, as the web app asks it:
 * the rules themselves are shared/'s, the same the server enforces.
 */
import {
  actDenial,
  type Denial,
  type MeResponse,
  type RunAccess,
  type RunVerb,
  runDenial,
} from "@pfd/shared";
import { queryOptions } from "@tanstack/react-query";
import type { RunApi } from "../run/api";

const meKey = ["me"] as const;

/** The signed-in user; it changes only by signing in again, which reloads the page. */
export function meQuery(api: RunApi) {
  return queryOptions({
    queryKey: meKey,
    queryFn: ({ signal }) => api.me(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Why Run is not for this user, or null. Unknown (not answered yet, or an older server): allowed,
 * the server has the last word.
 */
export function runRefusal(me: MeResponse | undefined): Denial | null {
  return me ? runDenial(me) : null;
}

/** Why this user may not terminate, rerun or start this run, or null (unknown user: allowed). */
export function actionRefusal(me: MeResponse | undefined, verb: RunVerb, run: RunAccess): Denial | null {
  return me ? actDenial(me, verb, run) : null;
}
