/**
 * The HTTP contract between the designer and its server. Routes:
 * - GET  /api/health                      -> HealthResponse
 * - GET  /api/components                  -> ComponentsResponse
 * - POST /api/validate   { manifest }     -> ValidateResponse
 * - POST /api/runs       CreateRunRequest -> 201 CreateRunResponse (400 InvalidManifest with problems)
 * - GET  /api/runs?page&pageSize&status&name -> ListRunsResponse
 * - GET  /api/runs/:runId                 -> RunDetail
 * - GET  /api/runs/:runId/manifest        -> RunManifestResponse
 * - POST /api/runs/:runId/terminate|rerun|start -> RunActionResponse
 * - GET  /api/runs/:runId/steps/:stepName/logs?offset&pageSize -> StepLogsResponse
 * - GET  /api/runs/:runId/steps/:stepName/outputs -> StepOutputsResponse
 * - GET  /api/runs/:runId/steps/:stepName/outputs/:output/preview?limit -> PreviewResponse
 *   (local mode only; cloud mode answers 501 PreviewUnavailable)
 * Every error is `{ error: { code, message, ... } }` (ApiErrorSchema).
 */
export * from "./common";
export * from "./health";
export * from "./paths";
export * from "./runs";
