import { createContext, useContext } from "react";

/** The API's public configuration (`GET /api/config`): how to sign in. Nothing secret. */
export interface AppConfig {
  clerkPublishableKey: string | null;
  devSignIn: boolean;
}

export const ConfigContext = createContext<AppConfig>({ clerkPublishableKey: null, devSignIn: false });

export function useConfig(): AppConfig {
  return useContext(ConfigContext);
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch("/api/config", { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`The API's configuration could not be read (HTTP ${response.status}).`);
  }
  const body = (await response.json()) as Partial<AppConfig>;
  return { clerkPublishableKey: body.clerkPublishableKey ?? null, devSignIn: body.devSignIn === true };
}
