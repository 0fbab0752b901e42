/** URL builders for every route, so the web app and the tests never spell a path by hand. */

const seg = encodeURIComponent;

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${seg(key)}=${seg(String(value))}`);
  return pairs.length > 0 ? `${path}?${pairs.join("&")}` : path;
}

export const apiPaths = {
  health: () => "/api/health",
  components: () => "/api/components",
  validate: () => "/api/validate",
  me: () => "/api/me",
  clientErrors: () => "/api/client-errors",
  runs: (query: { page?: number; pageSize?: number; status?: string; name?: string; mine?: boolean } = {}) =>
    withQuery("/api/runs", { ...query, mine: query.mine ? "true" : undefined }),
  run: (runId: string) => `/api/runs/${seg(runId)}`,
  runManifest: (runId: string) => `/api/runs/${seg(runId)}/manifest`,
  terminate: (runId: string) => `/api/runs/${seg(runId)}/terminate`,
  rerun: (runId: string) => `/api/runs/${seg(runId)}/rerun`,
  start: (runId: string) => `/api/runs/${seg(runId)}/start`,
  stepLogs: (runId: string, stepName: string, query: { offset?: number; pageSize?: number } = {}) =>
    withQuery(`/api/runs/${seg(runId)}/steps/${seg(stepName)}/logs`, query),
  stepOutputs: (runId: string, stepName: string) => `/api/runs/${seg(runId)}/steps/${seg(stepName)}/outputs`,
  schemas: () => "/api/schemas",
  tables: (query: { keyword?: string } = {}) => withQuery("/api/tables", query),
  tablePreview: (name: string, query: { limit?: number; partition?: string } = {}) =>
    withQuery(`/api/tables/${seg(name)}/preview`, query),
  outputPreview: (runId: string, stepName: string, output: string, query: { limit?: number } = {}) =>
    withQuery(`/api/runs/${seg(runId)}/steps/${seg(stepName)}/outputs/${seg(output)}/preview`, query),
} as const;

/** Sign-in routes, outside /api: the browser navigates to them. */
export const authPaths = {
  /** Starts sign-in; `returnTo` is a path on this server to come back to. */
  signIn: (returnTo?: string) => withQuery("/auth/login", { returnTo }),
  callback: () => "/auth/callback",
  signOut: () => "/auth/logout",
  signedOut: () => "/auth/signed-out",
} as const;
