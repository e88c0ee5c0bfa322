import { useId, type ReactNode } from "react";
import { ApiError } from "../api/client";
import { errorsFor, type FieldErrors } from "../lib/fieldErrors";

export function Card({ title, actions, children, className }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={className === undefined ? "card" : `card ${className}`}>
      {title === undefined && actions === undefined ? null : (
        <header className="card-head">
          {title === undefined ? null : <h2>{title}</h2>}
          {actions === undefined ? null : <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export type Tone = "good" | "warn" | "bad" | "info" | "muted";

export function Badge({ tone = "muted", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Marks demo data: shown like the rest, left out of every figure and audience. */
export function DemoBadge() {
  return (
    <span className="badge badge-info" title="Demo data: not counted in your figures and never sent broadcasts">
      Demo
    </span>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}

/** An error as the user should read it: the API's own message (ProblemDetails), its field errors listed. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const message = problem !== null ? (problem.detail ?? problem.title) : error instanceof Error ? error.message : "Something went wrong.";
  return (
    <div role="alert" className="error-box">
      <strong>{problem !== null && problem.status === 403 ? "Not allowed" : "Something went wrong"}</strong>
      <p>{message}</p>
      {problem?.errors === undefined ? null : (
        <ul>
          {Object.entries(problem.errors).flatMap(([field, messages]) => messages.map((m) => <li key={field + m}>{field === "" ? m : `${field}: ${m}`}</li>))}
        </ul>
      )}
      {onRetry === undefined ? null : (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A labelled control with its hint and the errors for its field (client rules or the API's 400), linked for screen readers. */
export function Field({
  label,
  name,
  errors,
  hint,
  children,
}: {
  label: string;
  name: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode;
}) {
  const id = useId();
  const messages = errorsFor(errors, name);
  const describedBy = [hint === undefined ? null : `${id}-hint`, messages.length > 0 ? `${id}-error` : null].filter((x) => x !== null).join(" ");
  return (
    <div className={messages.length > 0 ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": messages.length > 0, "aria-describedby": describedBy === "" ? undefined : describedBy })}
      {hint === undefined ? null : (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {messages.length > 0 ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {messages.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

export interface Column<T> {
  /** The column's name, for every column (a screen reader announces it with each cell). */
  header: string;
  /** Shown to screen readers only (a column of buttons or badges whose header would say nothing new on screen). */
  hideHeader?: boolean;
  cell: (row: T) => ReactNode;
  className?: string;
}

export function Table<T>({ rows, columns, rowKey, empty, caption }: { rows: readonly T[]; columns: Column<T>[]; rowKey: (row: T) => string | number; empty: string; caption?: string }) {
  if (rows.length === 0) {
    return <p className="muted empty">{empty}</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        {caption === undefined ? null : <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} data-label={c.hideHeader ? "" : c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {pages} · {total} in all
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

export function Stat({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <strong className="stat-value">{value}</strong>
      {note === undefined ? null : <span className="stat-note">{note}</span>}
    </div>
  );
}

export function PageTitle({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <header className="page-title">
      <div>
        <h1>{title}</h1>
        {subtitle === undefined ? null : <p className="muted">{subtitle}</p>}
      </div>
      {actions === undefined ? null : <div className="card-actions">{actions}</div>}
    </header>
  );
}
