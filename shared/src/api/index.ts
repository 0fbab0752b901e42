/**
 * The HTTP contract between the designer and its server. Routes:
 * - GET  /api/health                      -> HealthResponse (the only route open without sign-in)
 * - GET  /api/me                          -> MeResponse
 * - GET  /api/components                  -> ComponentsResponse
 * - POST /api/validate   { manifest }     -> ValidateResponse
 * - POST /api/runs       CreateRunRequest -> 201 CreateRunResponse (400 InvalidManifest with problems)
 * - GET  /api/runs?page&pageSize&status&name&mine -> ListRunsResponse (runs private to others left out)
 * - GET  /api/runs/:runId                 -> RunDetail
 * - GET  /api/runs/:runId/manifest        -> RunManifestResponse
 * - POST /api/runs/:runId/terminate|rerun|start -> RunActionResponse
 * - GET  /api/runs/:runId/steps/:stepName/logs?offset&pageSize -> StepLogsResponse
 * - GET  /api/runs/:runId/steps/:stepName/outputs -> StepOutputsResponse
 * - GET  /api/runs/:runId/steps/:stepName/outputs/:output/preview?limit -> PreviewResponse
 *   (local mode only; cloud mode answers 501 PreviewUnavailable)
 * - POST /api/client-errors ClientErrorReport -> 202 ClientErrorResponse (a failure the page caught;
 *   body at most MAX_CLIENT_ERROR_BYTES, rate limited per user)
 * - POST /api/schemas    SchemasRequest   -> SchemasResponse (always 200: unknown parts say why)
 * - GET  /api/tables?keyword              -> ListTablesResponse (local mode; cloud 501 TablesUnavailable)
 * - GET  /api/tables/:name/preview?limit&partition -> TablePreviewResponse
 * What evaluation and statistics steps' outputs hold (threshold table, per-column statistics):
 * results.ts.
 * - GET  /auth/login?returnTo, GET /auth/callback, POST /auth/logout -> SignOutResponse (authPaths)
 * With sign-in on, every other /api route answers 401 Unauthenticated without a session, and 403
 * Forbidden for what the user's role may not do (see auth.ts).
 * Every error is `{ error: { code, message, ... } }` (ApiErrorSchema).
 */
export * from "./auth";
export * from "./client-errors";
export * from "./common";
export * from "./health";
export * from "./paths";
export * from "./results";
export * from "./runs";
export * from "./schemas";
export * from "./tables";
