/** The data plane's entry point; the pipeline itself lives in `pipeline/`. */
export type { DataPlaneConfig, DataPlaneLimits, RequestHandlerOptions } from './pipeline/options.ts';
export { createRequestHandler, type RequestHandler } from './pipeline/request-handler.ts';
