import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { NavLink, Route, Routes } from "react-router-dom";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { maxLength, required, validate, type FieldErrors } from "../lib/fieldErrors";
import { formatDate, formatDateTime, humanize } from "../lib/format";
import { saveBlob } from "../ui/download";
import { Badge, Card, DemoBadge, ErrorBox, Field, Loading, PageTitle, Pager, Stat, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";

type Audience = components["schemas"]["BroadcastAudience"];
type Broadcast = components["schemas"]["BroadcastDto"];
const audiences: Audience[] = ["all", "vip", "free_leads", "coupon_users"];
const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function CrossPromo() {
  const { api, isAdmin } = useSession();
  const settings = useQuery({ queryKey: ["crosspromo"], queryFn: async () => data(await api.GET("/api/crosspromo/settings")) });
  const preview = useQuery({ queryKey: ["crosspromo", "preview"], queryFn: async () => data(await api.POST("/api/crosspromo/preview")) });
  const [page, setPage] = useState(1);
  const jobs = useQuery({ queryKey: ["crosspromo", "jobs", page], queryFn: async () => data(await api.GET("/api/crosspromo/jobs", { params: { query: { page, pageSize: 20 } } })) });
  const [edits, setEdits] = useState<Partial<components["schemas"]["CrossPromoSettingsRequest"]>>({});
  const save = useAction(async () => data(await api.PUT("/api/crosspromo/settings", { body: { ...edits } as components["schemas"]["CrossPromoSettingsRequest"] })), ["crosspromo"], () => setEdits({}));
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBox error={settings.error} />;
  const s = { ...settings.data, ...Object.fromEntries(Object.entries(edits).filter(([, v]) => v !== undefined)) };
  return (
    <>
      <Card title="Cross-promotion into the FREE channel" actions={<Badge tone={settings.data.enabled ? "good" : "muted"}>{settings.data.enabled ? "On" : "Off"}</Badge>}>
        <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
          <label className="check"><input type="checkbox" disabled={!isAdmin} checked={Boolean(s.enabled)} onChange={(e) => setEdits({ ...edits, enabled: e.target.checked })} /> Post automatically</label>
          <div className="grid">
            <Field label="Morning post time" name="morningPostTime" errors={save.fieldErrors} hint={`In ${settings.data.timezone}`}>
              {(p) => <input {...p} type="time" disabled={!isAdmin} value={s.morningPostTime ?? ""} onChange={(e) => setEdits({ ...edits, morningPostTime: e.target.value })} />}
            </Field>
            <Field label="Call-to-action link" name="ctaUrl" errors={save.fieldErrors}>
              {(p) => <input {...p} type="url" disabled={!isAdmin} value={s.ctaUrl ?? ""} onChange={(e) => setEdits({ ...edits, ctaUrl: e.target.value })} />}
            </Field>
            <Field label="Winning signals per day" name="winningSignalsPerDay" errors={save.fieldErrors}>
              {(p) => <input {...p} type="number" disabled={!isAdmin} value={s.winningSignalsPerDay ?? 0} onChange={(e) => setEdits({ ...edits, winningSignalsPerDay: Number(e.target.value) })} />}
            </Field>
            <Field label="Teaser after (minutes)" name="teaserOffsetMinutes" errors={save.fieldErrors}>
              {(p) => <input {...p} type="number" disabled={!isAdmin} value={s.teaserOffsetMinutes ?? 0} onChange={(e) => setEdits({ ...edits, teaserOffsetMinutes: Number(e.target.value) })} />}
            </Field>
          </div>
          <fieldset>
            <legend>Days</legend>
            <div className="row">
              {weekdays.map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    disabled={!isAdmin}
                    checked={(s.weekdays ?? []).includes(d)}
                    onChange={(e) => setEdits({ ...edits, weekdays: e.target.checked ? [...(s.weekdays ?? []), d] : (s.weekdays ?? []).filter((x) => x !== d) })}
                  />
                  {humanize(d)}
                </label>
              ))}
            </div>
          </fieldset>
          {save.isError && save.fieldErrors === undefined ? <ErrorBox error={save.error} /> : null}
          {isAdmin ? <div className="card-actions"><button type="submit" className="primary" disabled={save.isPending || Object.keys(edits).length === 0}>Save</button>{save.isSuccess ? <span role="status">Saved.</span> : null}</div> : null}
        </form>
      </Card>
      <Card title="Next post preview">
        {preview.isPending ? <Loading /> : preview.isError ? <ErrorBox error={preview.error} /> : preview.data.text ? (
          <div className="tg"><div className="bubble">{preview.data.text}</div></div>
        ) : <p className="muted">{preview.data.whyNothing ?? "Nothing would be posted."}</p>}
      </Card>
      <Card title="Jobs">
        {jobs.isPending ? <Loading /> : jobs.isError ? <ErrorBox error={jobs.error} /> : (
          <>
            <Table
              rows={jobs.data.items}
              rowKey={(j) => j.id}
              empty="No cross-promo job yet."
              caption="Cross-promo jobs"
              columns={[
                { header: "Kind", cell: (j) => humanize(j.type) },
                { header: "Status", cell: (j) => <Badge tone={j.status === "sent" || j.status === "completed" ? "good" : j.status === "failed" ? "bad" : "info"}>{humanize(j.status)}</Badge> },
                { header: "Due", cell: (j) => formatDateTime(j.dueAt) },
                { header: "Note", cell: (j) => j.reason ?? "" },
              ]}
            />
            <Pager page={jobs.data.page} pageSize={jobs.data.pageSize} total={jobs.data.total} onPage={setPage} />
          </>
        )}
      </Card>
    </>
  );
}

function progressOf(b: Broadcast): string {
  const p = b.progress;
  return `${p.sent} sent · ${p.failed} failed · ${p.blocked} blocked · ${p.pending} waiting of ${p.recipients}`;
}

function Broadcasts() {
  const { api, isAdmin } = useSession();
  const list = useQuery({
    queryKey: ["broadcasts"],
    queryFn: async () => data(await api.GET("/api/broadcasts")),
    refetchInterval: (q) => (q.state.data?.some((b) => b.completedAt === null || b.completedAt === undefined) ? 2_000 : false),
  });
  const [form, setForm] = useState({ message: "", audience: "all" as Audience, buttonText: "", buttonUrl: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const send = useAction(
    async () =>
      data(await api.POST("/api/broadcasts", {
        body: { message: form.message, photo: null, audience: form.audience, buttons: form.buttonText && form.buttonUrl ? [{ text: form.buttonText, url: form.buttonUrl }] : [] },
      })),
    ["broadcasts"],
    () => setForm({ ...form, message: "" }),
  );
  const cancel = useAction(async (id: number) => data(await api.POST("/api/broadcasts/{id}/cancel", { params: { path: { id } } })), ["broadcasts"]);
  const errors = { ...clientErrors, ...send.fieldErrors };
  return (
    <>
      {isAdmin ? (
        <Card title="New broadcast">
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const found = validate({ message: form.message }, { message: [required, maxLength(4096)] });
              setClientErrors(found);
              if (Object.keys(found).length === 0 && window.confirm(`Send this message to ${humanize(form.audience)}?`)) send.mutate(undefined);
            }}
          >
            <div className="grid">
              <div className="stack">
                <Field label="Audience" name="audience" errors={errors}>
                  {(p) => <select {...p} value={form.audience} onChange={(e) => setForm({ ...form, audience: e.target.value as Audience })}>{audiences.map((a) => <option key={a} value={a}>{humanize(a)}</option>)}</select>}
                </Field>
                <Field label="Message" name="message" errors={errors} hint={`${form.message.length} / 4096`}>
                  {(p) => <textarea {...p} rows={6} value={form.message} onChange={(e) => setForm({ ...form, message: e.target.value })} />}
                </Field>
                <div className="row">
                  <Field label="Button label (optional)" name="buttons" errors={errors}>{(p) => <input {...p} value={form.buttonText} onChange={(e) => setForm({ ...form, buttonText: e.target.value })} />}</Field>
                  <Field label="Button link" name="buttonUrl" errors={errors}>{(p) => <input {...p} type="url" value={form.buttonUrl} onChange={(e) => setForm({ ...form, buttonUrl: e.target.value })} />}</Field>
                </div>
              </div>
              <div>
                <h3>Preview</h3>
                <div className="tg" aria-label="Preview">
                  <div className="bubble">
                    {form.message || <span className="muted">Your message</span>}
                    {form.buttonText ? <div className="buttons"><button type="button" tabIndex={-1}>{form.buttonText}</button></div> : null}
                  </div>
                </div>
              </div>
            </div>
            {send.isError && send.fieldErrors === undefined ? <ErrorBox error={send.error} /> : null}
            <div className="card-actions"><button type="submit" className="primary" disabled={send.isPending}>Send broadcast</button></div>
          </form>
        </Card>
      ) : null}
      <Card title="Broadcasts">
        {cancel.isError ? <ErrorBox error={cancel.error} /> : null}
        {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
          <Table
            rows={list.data}
            rowKey={(b) => b.id}
            empty="No broadcast yet."
            caption="Broadcasts"
            columns={[
              { header: "Message", cell: (b) => (b.message.length > 80 ? `${b.message.slice(0, 80)}…` : b.message) },
              { header: "Audience", cell: (b) => humanize(b.audience) },
              { header: "Status", cell: (b) => <Badge tone={b.status === "completed" ? "good" : b.status === "failed" ? "bad" : b.status === "cancelled" ? "muted" : "info"}>{humanize(b.status)}</Badge> },
              { header: "Progress", cell: (b) => <span aria-live="polite">{progressOf(b)}</span> },
              { header: "Created", cell: (b) => formatDateTime(b.createdAt) },
              { header: "Cancel", hideHeader: true, cell: (b) => (isAdmin && !b.completedAt && b.status !== "cancelled" ? <button type="button" className="danger" onClick={() => cancel.mutate(b.id)}>Cancel</button> : null) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function Campaigns() {
  const { api, isAdmin, fetchFile } = useSession();
  const list = useQuery({ queryKey: ["campaigns"], queryFn: async () => data(await api.GET("/api/campaigns")) });
  const [selected, setSelected] = useState<number | null>(null);
  const [form, setForm] = useState({ title: "", startDate: "", endDate: "", prize: "" });
  const create = useAction(
    async () => data(await api.POST("/api/campaigns", { body: { title: form.title, description: null, startDate: form.startDate || null, endDate: form.endDate || null, prize: form.prize || null } })),
    ["campaigns"],
    (c) => { setSelected(c.id); setForm({ title: "", startDate: "", endDate: "", prize: "" }); },
  );
  const act = useAction(async ({ id, action }: { id: number; action: "publish" | "end" | "draw" }) => {
    const path = { params: { path: { id } } };
    return data(action === "publish" ? await api.POST("/api/campaigns/{id}/publish", path) : action === "end" ? await api.POST("/api/campaigns/{id}/end", path) : await api.POST("/api/campaigns/{id}/draw", path));
  }, ["campaigns", "campaign-entries"]);
  const entries = useQuery({
    queryKey: ["campaign-entries", selected],
    enabled: selected !== null,
    queryFn: async () => data(await api.GET("/api/campaigns/{id}/entries", { params: { path: { id: selected ?? 0 }, query: { pageSize: 50 } } })),
  });
  const [exportError, setExportError] = useState<unknown>(null);
  const current = list.data?.find((c) => c.id === selected);
  return (
    <>
      {isAdmin ? (
        <Card title="New campaign">
          <form className="row" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }}>
            <Field label="Title" name="title" errors={create.fieldErrors}>{(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
            <Field label="Starts" name="startDate" errors={create.fieldErrors}>{(p) => <input {...p} type="date" value={form.startDate} onChange={(e) => setForm({ ...form, startDate: e.target.value })} />}</Field>
            <Field label="Ends" name="endDate" errors={create.fieldErrors}>{(p) => <input {...p} type="date" value={form.endDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} />}</Field>
            <Field label="Prize" name="prize" errors={create.fieldErrors}>{(p) => <input {...p} value={form.prize} onChange={(e) => setForm({ ...form, prize: e.target.value })} />}</Field>
            <button type="submit" className="primary" disabled={create.isPending}>Create</button>
          </form>
          {create.isError && create.fieldErrors === undefined ? <ErrorBox error={create.error} /> : null}
        </Card>
      ) : null}
      <Card title="Campaigns">
        {act.isError ? <ErrorBox error={act.error} /> : null}
        {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
          <Table
            rows={list.data}
            rowKey={(c) => c.id}
            empty="No campaign yet."
            caption="Campaigns"
            columns={[
              { header: "Title", cell: (c) => <button type="button" onClick={() => setSelected(c.id)}>{c.title}</button> },
              { header: "Dates", cell: (c) => `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` },
              { header: "Status", cell: (c) => <><Badge tone={c.status === "active" ? "good" : "muted"}>{humanize(c.status)}</Badge>{c.isDemo ? <> <DemoBadge /></> : null}</> },
              { header: "Entries", cell: (c) => c.entries, className: "num" },
              { header: "Winner", cell: (c) => c.winner?.email ?? "—" },
              {
                header: "Actions",
                hideHeader: true,
                cell: (c) =>
                  isAdmin ? (
                    <span className="card-actions">
                      {c.status === "draft" ? <button type="button" onClick={() => act.mutate({ id: c.id, action: "publish" })}>Publish</button> : null}
                      {c.status === "active" ? <button type="button" onClick={() => act.mutate({ id: c.id, action: "end" })}>End</button> : null}
                      {c.status === "ended" && !c.drawnAt ? <button type="button" className="primary" onClick={() => act.mutate({ id: c.id, action: "draw" })}>Draw winner</button> : null}
                    </span>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {current === undefined ? null : (
        <Card
          title={`Entries: ${current.title}`}
          actions={isAdmin ? <button type="button" onClick={() => fetchFile(`/api/campaigns/${current.id}/entries.csv`).then((b) => saveBlob(b, `campaign-${current.id}-entries.csv`), setExportError)}>Download CSV</button> : undefined}
        >
          {exportError === null ? null : <ErrorBox error={exportError} />}
          {entries.isPending ? <Loading /> : entries.isError ? <ErrorBox error={entries.error} /> : (
            <Table
              rows={entries.data.items}
              rowKey={(e) => e.id}
              empty="No entry yet."
              caption="Entries"
              columns={[
                { header: "Email", cell: (e) => e.email },
                { header: "Telegram", cell: (e) => e.telegramUsername ?? "—" },
                { header: "Entered", cell: (e) => formatDateTime(e.createdAt) },
                { header: "Disqualified", hideHeader: true, cell: (e) => (e.disqualified ? <Badge tone="bad">Disqualified</Badge> : null) },
              ]}
            />
          )}
        </Card>
      )}
    </>
  );
}

export default function Growth() {
  const { api } = useSession();
  const leads = useQuery({ queryKey: ["leads"], queryFn: async () => data(await api.GET("/api/leads", { params: { query: { pageSize: 1 } } })) });
  return (
    <>
      <PageTitle title="Growth" subtitle="Cross-promotion, broadcasts and campaigns." />
      {leads.data ? <div className="stats"><Stat label="Free leads" value={leads.data.total} note={`${leads.data.reachable} reachable by the bot`} /></div> : null}
      <nav className="tabs" aria-label="Growth">
        <NavLink to="/growth" end>Cross-promo</NavLink>
        <NavLink to="/growth/broadcasts">Broadcasts</NavLink>
        <NavLink to="/growth/campaigns">Campaigns</NavLink>
      </nav>
      <Routes>
        <Route index element={<CrossPromo />} />
        <Route path="broadcasts" element={<Broadcasts />} />
        <Route path="campaigns" element={<Campaigns />} />
      </Routes>
    </>
  );
}
