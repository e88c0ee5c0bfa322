/** Field errors keyed the way forms name their fields (camelCase, case-insensitive match on the server's names). */
export type FieldErrors = Record<string, string[]>;

function normalise(name: string): string {
  return name.replace(/[_\s]/g, "").toLowerCase();
}

/** The messages for one field from a ProblemDetails `errors` map (the server may say `Email`, `email` or `plan_type`). */
export function errorsFor(errors: FieldErrors | undefined, field: string): string[] {
  if (errors === undefined) {
    return [];
  }
  const wanted = normalise(field);
  return Object.entries(errors)
    .filter(([key]) => normalise(key) === wanted)
    .flatMap(([, messages]) => messages);
}

/** Messages of fields no form control shows, so they are listed above the form rather than lost. */
export function unclaimedErrors(errors: FieldErrors | undefined, fields: readonly string[]): string[] {
  if (errors === undefined) {
    return [];
  }
  const known = new Set(fields.map(normalise));
  return Object.entries(errors)
    .filter(([key]) => !known.has(normalise(key)))
    .flatMap(([key, messages]) => messages.map((m) => (key === "" || key === "$" ? m : `${key}: ${m}`)));
}

/** A client-side rule: returns the message when the value breaks it. The same limits the API's validators enforce. */
export type Rule<T> = (value: T) => string | null;

export const required: Rule<string> = (v) => (v.trim().length === 0 ? "This field is required." : null);

export const maxLength =
  (max: number): Rule<string> =>
  (v) =>
    v.length > max ? `At most ${max} characters.` : null;

export const range =
  (min: number, max: number): Rule<number> =>
  (v) =>
    Number.isNaN(v) || v < min || v > max ? `Between ${min} and ${max}.` : null;

export const email: Rule<string> = (v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? null : "Enter a valid email address.");

/** Runs each field's rules; the result has only the fields that failed, in the API's `errors` shape. */
export function validate<T extends Record<string, unknown>>(values: T, rules: { [K in keyof T]?: Rule<T[K]>[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of Object.keys(rules) as (keyof T & string)[]) {
    const messages = (rules[key] ?? []).map((rule) => rule(values[key])).filter((m): m is string => m !== null);
    if (messages.length > 0) {
      errors[key] = messages;
    }
  }
  return errors;
}
