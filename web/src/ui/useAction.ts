import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import type { FieldErrors } from "../lib/fieldErrors";

/**
 * A change sent to the API: runs it, refreshes the queries it affects, and exposes the API's field errors (a 400's
 * `errors`) for the form to show next to each field.
 */
export function useAction<TInput, TResult>(run: (input: TInput) => Promise<TResult>, invalidates: readonly string[] = [], onDone?: (result: TResult) => void) {
  const queries = useQueryClient();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      await Promise.all(invalidates.map((key) => queries.invalidateQueries({ queryKey: [key] })));
      onDone?.(result);
    },
  });
  const fieldErrors: FieldErrors | undefined = mutation.error instanceof ApiError ? mutation.error.problem.errors : undefined;
  return { ...mutation, fieldErrors };
}
