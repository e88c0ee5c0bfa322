import { ApiError } from "./errors";

/** Calls the API with the session's token (held in memory only, never in storage) and turns problems into ApiError. */
export async function api<T>(token: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { ...init?.headers, Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return (await response.json()) as T;
}
