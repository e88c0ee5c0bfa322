import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

/** A ProblemDetails answer of the API, with its field errors (`errors`) when it is a 400. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The workspace header the API reads when a user belongs to several. */
export const WorkspaceHeader = "X-PromoStack-Tenant";

function asProblem(body: unknown, response: Response): Problem {
  if (body !== null && typeof body === "object" && "title" in body) {
    const p = body as Partial<Problem>;
    return { status: p.status ?? response.status, title: String(p.title), ...(p.detail ? { detail: p.detail } : {}), ...(p.errors ? { errors: p.errors } : {}) };
  }
  return { status: response.status, title: response.status === 0 ? "The API could not be reached." : response.statusText || `HTTP ${response.status}` };
}

/**
 * The typed API client: paths and bodies from the OpenAPI document (`schema.d.ts`), the session's bearer token added
 * to every call (held in memory by the session, never in storage), and problems thrown as {@link ApiError}.
 */
export function createApi(getToken: () => Promise<string | null>, getWorkspace: () => string | null) {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await getToken();
      if (token !== null) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      const workspace = getWorkspace();
      if (workspace !== null) {
        request.headers.set(WorkspaceHeader, workspace);
      }
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok) {
        const body: unknown = await response.clone().json().catch(() => null);
        throw new ApiError(asProblem(body, response));
      }
      return response;
    },
  };
  client.use(auth);
  return client;
}

export type Api = ReturnType<typeof createApi>;

/** The data of a call that succeeded (failures were thrown by the middleware). */
export function data<T>(result: { data?: T; error?: unknown }): T {
  if (result.data === undefined) {
    throw new ApiError({ status: 500, title: "The API answered without a body." });
  }
  return result.data;
}
