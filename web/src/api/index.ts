export { createApi, WORKSPACE_HEADER, type Api } from "./client";
export { ApiError, type Problem } from "./errors";
export { api } from "./request";
export type { components, operations, paths } from "./schema";
