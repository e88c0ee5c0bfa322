import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, createApi, data, WorkspaceHeader, type Api } from "../api/client";
import type { components } from "../api/schema";

export type Me = components["schemas"]["MeDto"];
export type Membership = Me["memberships"][number];

/** How the signed-in user's token is obtained: a development token held in memory, or Clerk's session (refreshed by Clerk). */
export interface TokenSource {
  getToken: () => Promise<string | null>;
  signOut: () => void;
}

export interface Session {
  api: Api;
  me: Me;
  /** The workspace the app acts in (one of the memberships), or null for a user with none. */
  workspace: Membership | null;
  setWorkspace: (tenantId: string) => void;
  isAdmin: boolean;
  isOperator: boolean;
  signOut: () => void;
  /** Fetches a file the API serves to signed-in users only (CSV exports, images) with the session's token. */
  fetchFile: (path: string) => Promise<Blob>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error("useSession outside a signed-in session");
  }
  return session;
}

function fileFetcher(source: TokenSource, workspace: string | null) {
  return async (path: string): Promise<Blob> => {
    const token = await source.getToken();
    const headers = new Headers();
    if (token !== null) headers.set("Authorization", `Bearer ${token}`);
    if (workspace !== null) headers.set(WorkspaceHeader, workspace);
    const response = await fetch(path, { headers });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { title?: string; detail?: string } | null;
      throw new ApiError({ status: response.status, title: body?.title ?? response.statusText, ...(body?.detail ? { detail: body.detail } : {}) });
    }
    return response.blob();
  };
}

/**
 * Loads who the user is (`/api/me`, which needs no workspace) and provides every screen with an API client bound to
 * the chosen workspace, and the role there. Switching workspace drops every cached answer of the previous one.
 */
export function SessionProvider({ source, children, fallback }: { source: TokenSource; children: ReactNode; fallback: (error: unknown, signOut: () => void) => ReactNode }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const queries = useQueryClient();
  const meApi = useMemo(() => createApi(source.getToken, () => null), [source]);
  const me = useQuery({ queryKey: ["me"], queryFn: async () => data(await meApi.GET("/api/me")) });
  const memberships = me.data?.memberships;
  const workspace = memberships?.find((m) => m.tenantId === chosen) ?? memberships?.[0] ?? null;
  const workspaceId = workspace?.tenantId ?? null;
  const api = useMemo(() => createApi(source.getToken, () => workspaceId), [source, workspaceId]);

  const session = useMemo<Session | null>(() => {
    if (me.data === undefined) {
      return null;
    }
    return {
      api,
      me: me.data,
      workspace,
      setWorkspace: (tenantId: string) => {
        setChosen(tenantId);
        queries.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" && q.queryKey[0] !== "config" });
      },
      isAdmin: workspace?.role === "admin",
      isOperator: me.data.isPlatformOperator,
      signOut: source.signOut,
      fetchFile: fileFetcher(source, workspaceId),
    };
  }, [api, me.data, workspace, workspaceId, source, queries]);

  if (me.isError) {
    return fallback(me.error, source.signOut);
  }
  if (session === null) {
    return (
      <p role="status" className="centered muted">
        Loading your workspace…
      </p>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
