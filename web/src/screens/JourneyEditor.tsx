import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router-dom";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { buildFlow, type EditorStep } from "../lib/journeyGraph";
import { cleanConfig, newStep, placeStepErrors, stepTypes } from "../lib/journeySteps";
import type { FieldErrors } from "../lib/fieldErrors";
import { formatDateTime, humanize } from "../lib/format";
import { saveBlob } from "../ui/download";
import { Badge, Card, ErrorBox, Field, Loading, PageTitle, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";

type Journey = components["schemas"]["JourneyDto"];

function toEditor(journey: Journey): EditorStep[] {
  return [...journey.steps]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ key: s.id, id: s.id, type: s.type as EditorStep["type"], config: { ...(s.config as Record<string, unknown>) } }));
}

function str(config: Record<string, unknown>, key: string): string {
  const value = config[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** The fields of one step, by type; every field shows the API's error for it. */
function StepFields({ step, errors, readOnly, onChange }: { step: EditorStep; errors: FieldErrors | undefined; readOnly: boolean; onChange: (config: Record<string, unknown>) => void }) {
  const c = step.config;
  const set = (key: string, value: unknown) => onChange({ ...c, [key]: value });
  const text = (key: string, label: string, multiline = false, hint?: string) => (
    <Field label={label} name={key} errors={errors} {...(hint === undefined ? {} : { hint })}>
      {(p) => (multiline ? <textarea {...p} readOnly={readOnly} value={str(c, key)} onChange={(e) => set(key, e.target.value)} /> : <input {...p} readOnly={readOnly} value={str(c, key)} onChange={(e) => set(key, e.target.value)} />)}
    </Field>
  );
  const number = (key: string, label: string, hint?: string) => (
    <Field label={label} name={key} errors={errors} {...(hint === undefined ? {} : { hint })}>
      {(p) => <input {...p} type="number" readOnly={readOnly} value={str(c, key)} onChange={(e) => set(key, e.target.value === "" ? null : Number(e.target.value))} />}
    </Field>
  );
  const lines = (key: string, label: string, toItem: (line: string) => unknown, fromItem: (item: unknown) => string, hint: string) => (
    <Field label={label} name={key} errors={errors} hint={hint}>
      {(p) => (
        <textarea
          {...p}
          readOnly={readOnly}
          value={Array.isArray(c[key]) ? (c[key] as unknown[]).map(fromItem).join("\n") : ""}
          onChange={(e) => set(key, e.target.value.split("\n").filter((l) => l.trim() !== "").map(toItem))}
        />
      )}
    </Field>
  );
  const pair = (item: unknown, a: string, b: string) => {
    const o = (item ?? {}) as Record<string, unknown>;
    return `${String(o[a] ?? "")} | ${String(o[b] ?? "")}`;
  };
  const split = (line: string, a: string, b: string) => {
    const [x = "", ...rest] = line.split("|");
    return { [a]: x.trim(), [b]: rest.join("|").trim() };
  };
  return (
    <div className="grid">
      {text("name", "Step name", false, "Lets branches and 'next' refer to this step")}
      {step.type === "message" ? (
        <>
          {text("text", "Message", true, "Placeholders like {first_name} and earlier answers are filled in")}
          {lines("buttons", "Buttons", (l) => split(l, "text", "url"), (i) => pair(i, "text", "url"), "One per line: Label | https://link")}
          {text("photo", "Photo URL")}
        </>
      ) : null}
      {step.type === "question" ? (
        <>
          {text("text", "Question", true)}
          {text("answer_key", "Save the answer as")}
          <Field label="Answer must be" name="validation" errors={errors}>
            {(p) => (
              <select {...p} disabled={readOnly} value={str(c, "validation") || "text"} onChange={(e) => set("validation", e.target.value)}>
                {["text", "number", "email", "choice"].map((v) => <option key={v} value={v}>{humanize(v)}</option>)}
              </select>
            )}
          </Field>
          {lines("options", "Choices (buttons)", (l) => l.trim(), (i) => String(i), "One per line; needed for 'choice'")}
          {text("retry_prompt", "When the answer is not valid")}
          {number("max_retries", "Retries")}
        </>
      ) : null}
      {step.type === "delay" ? (
        <>
          {number("seconds", "Wait (seconds)", "Or give a random range below")}
          {number("min_seconds", "At least (seconds)")}
          {number("max_seconds", "At most (seconds)")}
        </>
      ) : null}
      {step.type === "wait_for_reply" ? (
        <>
          {number("timeout_seconds", "Wait up to (seconds)")}
          <Field label="When no reply comes" name="timeout_action" errors={errors}>
            {(p) => (
              <select {...p} disabled={readOnly} value={str(c, "timeout_action") || "continue"} onChange={(e) => set("timeout_action", e.target.value)}>
                <option value="continue">Continue the journey</option>
                <option value="end">End the journey</option>
              </select>
            )}
          </Field>
          {text("timeout_message", "Message on timeout")}
          {text("answer_key", "Save the reply as")}
          {lines("branches", "Branches", (l) => split(l, "keyword", "step"), (i) => pair(i, "keyword", "step"), "One per line: keyword | step name")}
        </>
      ) : null}
      {text("next", "Then go to step", false, "Empty: the next step in order")}
    </div>
  );
}

function Triggers({ journey }: { journey: Journey }) {
  const { api, isAdmin } = useSession();
  const [type, setType] = useState("deep_link");
  const [value, setValue] = useState("");
  const add = useAction(
    async () => {
      const config = type === "deep_link" ? { code: value.trim() } : type === "keyword" ? { keyword: value.trim(), exact: false } : { event: value };
      return data(await api.POST("/api/journeys/{id}/triggers", { params: { path: { id: journey.id } }, body: { type, config } }));
    },
    ["journey"],
    () => setValue(""),
  );
  const remove = useAction(async (triggerId: string) => api.DELETE("/api/journeys/{id}/triggers/{triggerId}", { params: { path: { id: journey.id, triggerId } } }), ["journey"]);
  const describe = (t: components["schemas"]["JourneyTriggerDto"]) => {
    const c = t.config as Record<string, unknown>;
    return t.type === "deep_link" ? `Deep link ?start=${String(c["code"])}` : t.type === "keyword" ? `Keyword “${String(c["keyword"])}”` : `Event: ${humanize(String(c["event"]))}`;
  };
  return (
    <Card title="Triggers">
      <ul className="stack">
        {journey.triggers.map((t) => (
          <li key={t.id} className="row">
            <span>{describe(t)}</span>
            {isAdmin ? <button type="button" className="danger" onClick={() => remove.mutate(t.id)}>Remove</button> : null}
          </li>
        ))}
        {journey.triggers.length === 0 ? <li className="muted">No trigger: nothing starts this journey yet.</li> : null}
      </ul>
      {isAdmin ? (
        <form className="row" onSubmit={(e) => { e.preventDefault(); add.mutate(undefined); }}>
          <label className="field">
            Kind
            <select value={type} onChange={(e) => { setType(e.target.value); setValue(e.target.value === "event" ? "joined_free_channel" : ""); }}>
              <option value="deep_link">Deep link</option>
              <option value="keyword">Keyword</option>
              <option value="event">Event</option>
            </select>
          </label>
          {type === "event" ? (
            <Field label="Event" name="config.event" errors={add.fieldErrors}>
              {(p) => (
                <select {...p} value={value} onChange={(e) => setValue(e.target.value)}>
                  {["joined_free_channel", "joined_vip", "payment_succeeded", "subscription_cancelled"].map((v) => <option key={v} value={v}>{humanize(v)}</option>)}
                </select>
              )}
            </Field>
          ) : (
            <Field label={type === "deep_link" ? "Code" : "Keyword"} name={type === "deep_link" ? "config.code" : "config.keyword"} errors={add.fieldErrors}>
              {(p) => <input {...p} value={value} onChange={(e) => setValue(e.target.value)} />}
            </Field>
          )}
          <button type="submit" disabled={add.isPending}>Add trigger</button>
        </form>
      ) : null}
      {add.isError && add.fieldErrors === undefined ? <ErrorBox error={add.error} /> : null}
      {remove.isError ? <ErrorBox error={remove.error} /> : null}
    </Card>
  );
}

function Insights({ journey }: { journey: Journey }) {
  const { api, fetchFile, isAdmin } = useSession();
  const analytics = useQuery({ queryKey: ["journey", journey.id, "analytics"], queryFn: async () => data(await api.GET("/api/journeys/{id}/analytics", { params: { path: { id: journey.id } } })) });
  const sessions = useQuery({ queryKey: ["journey", journey.id, "sessions"], queryFn: async () => data(await api.GET("/api/journeys/{id}/sessions", { params: { path: { id: journey.id }, query: { pageSize: 20 } } })) });
  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <>
      <Card title="Funnel" actions={isAdmin ? (
        <button type="button" onClick={() => fetchFile(`/api/journeys/${journey.id}/answers.csv`).then((b) => saveBlob(b, `journey-${journey.id}-answers.csv`), setExportError)}>Download answers (CSV)</button>
      ) : undefined}>
        {exportError === null ? null : <ErrorBox error={exportError} />}
        {analytics.isPending ? <Loading /> : analytics.isError ? <ErrorBox error={analytics.error} /> : (
          <>
            <p>
              {analytics.data.started} started · {analytics.data.running} running · {analytics.data.completed} completed ({(analytics.data.completionRate * 100).toFixed(1)} %) · {analytics.data.failed} failed
            </p>
            <Table
              rows={analytics.data.steps}
              rowKey={(s) => s.stepId}
              empty="No step yet."
              caption="Funnel by step"
              columns={[
                { header: "Step", cell: (s) => `${s.order + 1}. ${s.name ?? humanize(s.type)}` },
                { header: "Waiting here", cell: (s) => s.waiting, className: "num" },
                { header: "Dropped here", cell: (s) => s.droppedHere, className: "num" },
              ]}
            />
          </>
        )}
      </Card>
      <Card title="Recent sessions">
        {sessions.isPending ? <Loading /> : sessions.isError ? <ErrorBox error={sessions.error} /> : (
          <Table
            rows={sessions.data.items}
            rowKey={(s) => s.id}
            empty="Nobody has started this journey yet."
            caption="Sessions"
            columns={[
              { header: "Chat", cell: (s) => s.telegramChatId ?? "—" },
              { header: "Status", cell: (s) => <Badge tone={s.status === "completed" ? "good" : s.status === "failed" ? "bad" : "info"}>{humanize(s.status)}</Badge> },
              { header: "Started", cell: (s) => formatDateTime(s.startedAt) },
              { header: "Last activity", cell: (s) => formatDateTime(s.lastActivityAt) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function Editor({ journey }: { journey: Journey }) {
  const { api, isAdmin } = useSession();
  const navigate = useNavigate();
  const [steps, setSteps] = useState<EditorStep[]>(() => toEditor(journey));
  const [dirty, setDirty] = useState(false);
  const id = journey.id;
  const save = useAction(
    async () => data(await api.PUT("/api/journeys/{id}/steps", { params: { path: { id } }, body: { steps: steps.map((s) => ({ id: s.id, type: s.type, config: cleanConfig(s.config) })) } })),
    ["journey", "journeys"],
    (saved) => {
      setSteps(toEditor(saved));
      setDirty(false);
    },
  );
  const publish = useAction(async () => data(await api.POST("/api/journeys/{id}/publish", { params: { path: { id } } })), ["journey", "journeys"]);
  const stop = useAction(async () => data(await api.POST("/api/journeys/{id}/stop", { params: { path: { id } } })), ["journey", "journeys"]);
  const duplicate = useAction(
    async () => data(await api.POST("/api/journeys/{id}/duplicate", { params: { path: { id } }, body: { name: null } })),
    ["journeys"],
    (copy) => void navigate(`/journeys/${copy.id}`),
  );
  const flow = buildFlow(steps);
  const placed = placeStepErrors(save.fieldErrors ?? publish.fieldErrors, steps);
  const update = (index: number, next: EditorStep | null) => {
    setSteps((current) => (next === null ? current.filter((_, i) => i !== index) : current.map((s, i) => (i === index ? next : s))));
    setDirty(true);
  };
  const move = (index: number, by: number) => {
    setSteps((current) => {
      const copy = [...current];
      const [item] = copy.splice(index, 1);
      if (item !== undefined) copy.splice(Math.max(0, Math.min(copy.length, index + by)), 0, item);
      return copy;
    });
    setDirty(true);
  };
  const readOnly = !isAdmin;
  const actionError = [save, publish, stop, duplicate].find((a) => a.isError && a.fieldErrors === undefined)?.error;
  return (
    <>
      <PageTitle
        title={journey.name}
        subtitle={journey.description ?? "Steps run in order; names, branches and 'next' change the path."}
        actions={
          <>
            <Badge tone={journey.isActive ? "good" : "muted"}>{journey.isActive ? "Live" : "Not live"}</Badge>
            {isAdmin ? (
              <>
                <button type="button" className="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate(undefined)}>Save steps</button>
                {journey.isActive ? (
                  <button type="button" disabled={stop.isPending} onClick={() => stop.mutate(undefined)}>Stop</button>
                ) : (
                  <button type="button" disabled={dirty || publish.isPending} title={dirty ? "Save the steps first" : undefined} onClick={() => publish.mutate(undefined)}>Publish</button>
                )}
                <button type="button" disabled={duplicate.isPending} onClick={() => duplicate.mutate(undefined)}>Duplicate</button>
              </>
            ) : null}
          </>
        }
      />
      <p><Link to="/journeys">← All journeys</Link></p>
      {actionError === undefined ? null : <ErrorBox error={actionError} />}
      {placed.form.length > 0 ? <div role="alert" className="error-box">{placed.form.map((m) => <p key={m}>{m}</p>)}</div> : null}
      {save.isSuccess && !dirty ? <p role="status">Steps saved.</p> : null}
      <div className="flow" aria-label="Steps">
        {steps.map((step, index) => {
          const node = flow[index];
          const errors = placed.steps.get(index);
          const unclaimed = placed.unclaimed.get(index);
          const unclaimedId = `step-errors-${step.key}`;
          return (
            <section
              key={step.key}
              className={["step", errors || unclaimed ? "invalid" : "", node?.unreachable ? "unreachable" : ""].join(" ")}
              aria-label={`Step ${index + 1}`}
              aria-describedby={unclaimed ? unclaimedId : undefined}
            >
              <header className="card-head">
                <h2>{index + 1}. {node?.title ?? humanize(step.type)}</h2>
                {isAdmin ? (
                  <div className="card-actions">
                    <button type="button" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
                    <button type="button" aria-label={`Move step ${index + 1} down`} disabled={index === steps.length - 1} onClick={() => move(index, 1)}>↓</button>
                    <button type="button" className="danger" onClick={() => update(index, null)}>Remove</button>
                  </div>
                ) : null}
              </header>
              {unclaimed ? <div id={unclaimedId} className="field-error" role="alert">{unclaimed.map((m) => <p key={m}>{m}</p>)}</div> : null}
              <StepFields step={step} errors={errors} readOnly={readOnly} onChange={(config) => update(index, { ...step, config })} />
              <div className="edges" aria-label="Goes to">
                {node?.unreachable ? <Badge tone="warn">No path reaches this step</Badge> : null}
                {node?.edges.map((edge) => (
                  <Badge key={edge.label} tone={edge.broken ? "bad" : "info"}>
                    {edge.label} → {edge.to === null ? (edge.broken ? "missing step" : "end") : `step ${edge.to + 1}`}
                  </Badge>
                ))}
              </div>
            </section>
          );
        })}
        {steps.length === 0 ? <p className="muted">No step yet.</p> : null}
      </div>
      {isAdmin ? (
        <div className="card-actions">
          {stepTypes.map((type) => (
            <button key={type} type="button" onClick={() => { setSteps([...steps, newStep(type)]); setDirty(true); }}>
              + {humanize(type)}
            </button>
          ))}
        </div>
      ) : null}
      <Triggers journey={journey} />
      <Insights journey={journey} />
    </>
  );
}

export default function JourneyEditor() {
  const { api } = useSession();
  const id = useParams()["id"] ?? "";
  const journey = useQuery({ queryKey: ["journey", id], queryFn: async () => data(await api.GET("/api/journeys/{id}", { params: { path: { id } } })) });
  if (journey.isPending) return <Loading />;
  if (journey.isError) return <ErrorBox error={journey.error} />;
  return <Editor key={journey.data.id} journey={journey.data} />;
}
