import createClient, { type Client, type Middleware } from "openapi-fetch";
import { ApiError } from "./errors";
import type { paths } from "./schema";

/** The header naming the workspace (its tenant id) a request acts in, for a user who belongs to several. */
export const WORKSPACE_HEADER = "X-PromoStack-Tenant";

/** The typed API client: a method per HTTP verb, taking a path of the API's OpenAPI document and its parameters. */
export type Api = Client<paths>;

/**
 * The admin app's API client, typed by the API's OpenAPI document (`schema.d.ts`, written by `./promostack openapi`).
 * Every request carries the session's current token (asked for at each request: it is short-lived and held in memory
 * only) and, when given, the workspace it acts in. An error answer (4xx, 5xx) is thrown as an {@link ApiError} with
 * its problem details, so a call either resolves with `data` or rejects; its `error` is never set.
 *
 * @example
 * const api = createApi(() => session.token);
 * const { data: me } = await api.GET("/api/me");
 * await api.POST("/api/broadcasts/{id}/cancel", { params: { path: { id } } });
 */
export function createApi(getToken: () => string | null, workspace?: string): Api {
  const client = createClient<paths>();
  const session: Middleware = {
    onRequest({ request }) {
      const token = getToken();
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      if (workspace) {
        request.headers.set(WORKSPACE_HEADER, workspace);
      }
      return request;
    },
    async onResponse({ response }) {
      if (response.status >= 400) {
        throw await ApiError.from(response);
      }
      return undefined;
    },
  };
  client.use(session);
  return client;
}
