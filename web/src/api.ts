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
  }
}

/** Calls the API with the session's token (held in memory only, never in storage) and turns problems into ApiError. */
export async function api<T>(token: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { ...init?.headers, Authorization: `Bearer ${token}`, Accept: "application/json" },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(problem ?? { status: response.status, title: response.statusText });
  }
  return (await response.json()) as T;
}
