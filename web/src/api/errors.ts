import type { components } from "./schema";

/** A ProblemDetails answer of the API, with its field errors (`errors`) when it is a 400. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** What the API answers an error with, as its OpenAPI document describes it. */
type ProblemBody = components["schemas"]["HttpValidationProblemDetails"];

/** An answer of the API that is not a success, with its problem details. */
export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
  }

  /** The error of an answer: its problem details, or its status alone when its body is none (or not JSON). */
  static async from(response: Response): Promise<ApiError> {
    const body = (await response.clone().json().catch(() => null)) as ProblemBody | null;
    return new ApiError({
      status: body?.status ?? response.status,
      title: body?.title ?? response.statusText,
      ...(body?.detail ? { detail: body.detail } : {}),
      ...(body?.errors ? { errors: body.errors } : {}),
    });
  }
}
