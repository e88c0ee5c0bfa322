import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { required, validate, type FieldErrors } from "../lib/fieldErrors";
import { formatDateTime, humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Field, Loading, PageTitle, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";

type Role = components["schemas"]["BotRole"];
type Connection = components["schemas"]["ConnectionDto"];
type Report = components["schemas"]["ConnectionReport"];

const roles: { role: Role; title: string; purpose: string; channels: boolean }[] = [
  { role: "signal_bot", title: "Signal bot", purpose: "Posts signals to the VIP and FREE channels and invites paying members.", channels: true },
  { role: "message_bot", title: "Message bot", purpose: "Talks to users: /start, journeys, /vip, broadcasts.", channels: false },
  { role: "coupon_bot", title: "Coupon bot", purpose: "Makes branded promo images for your partner's affiliates.", channels: false },
];

function ReportView({ report }: { report: Report }) {
  return (
    <div className="stack" aria-live="polite">
      <p>
        <Badge tone={report.ok ? "good" : "bad"}>{report.ok ? "Everything works" : "Needs attention"}</Badge> @{report.bot.username} (id {report.bot.id})
      </p>
      <p>
        Webhook: <Badge tone={report.webhook.registered ? "good" : "bad"}>{report.webhook.registered ? "registered" : "not registered"}</Badge>{" "}
        {report.webhook.pendingUpdates > 0 ? `${report.webhook.pendingUpdates} updates waiting · ` : ""}
        {report.webhook.lastError ? <span className="field-error">Last error: {report.webhook.lastError} ({formatDateTime(report.webhook.lastErrorAt)})</span> : null}
      </p>
      {report.channels.length > 0 ? (
        <Table
          rows={report.channels}
          rowKey={(c) => c.kind + c.channelId}
          empty=""
          caption="Channel rights"
          columns={[
            { header: "Channel", cell: (c) => `${humanize(c.kind)} (${c.channelId})` },
            { header: "Admin", cell: (c) => (c.isAdministrator ? "yes" : "no") },
            { header: "Post", cell: (c) => (c.canPost ? "yes" : "no") },
            { header: "Edit", cell: (c) => (c.canEdit ? "yes" : "no") },
            { header: "Invite", cell: (c) => (c.canInvite ? "yes" : "no") },
            { header: "Ban", cell: (c) => (c.canBan ? "yes" : "no") },
            { header: "Rights check", hideHeader: true, cell: (c) => <Badge tone={c.ok ? "good" : "bad"}>{c.ok ? "OK" : "Missing rights"}</Badge> },
          ]}
        />
      ) : null}
    </div>
  );
}

function BotCard({ role, title, purpose, channels, connection }: (typeof roles)[number] & { connection: Connection | undefined }) {
  const { api, isAdmin } = useSession();
  const [form, setForm] = useState({ token: "", channelId: connection?.channelId ?? "", freeChannelId: connection?.freeChannelId ?? "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const save = useAction(
    async () => data(await api.PUT("/api/connections/{role}", { params: { path: { role } }, body: { token: form.token.trim() || null, channelId: form.channelId || null, freeChannelId: form.freeChannelId || null, sandbox: null } })),
    ["connections", "setup"],
    () => setForm({ ...form, token: "" }),
  );
  const test = useAction(async () => data(await api.POST("/api/connections/{role}/test", { params: { path: { role } } })));
  const remove = useAction(async () => api.DELETE("/api/connections/{role}", { params: { path: { role } } }), ["connections", "setup"]);
  const errors = { ...clientErrors, ...save.fieldErrors };
  return (
    <Card
      title={<>{title} {connection ? <Badge tone="good">@{connection.botUsername ?? connection.botId}</Badge> : <Badge tone="warn">Not connected</Badge>} {connection?.sandbox ? <Badge tone="info">Sandbox</Badge> : null}</>}
      actions={connection ? (
        <>
          <button type="button" disabled={test.isPending} onClick={() => test.mutate(undefined)}>{test.isPending ? "Testing…" : "Test"}</button>
          {isAdmin ? <button type="button" className="danger" disabled={remove.isPending} onClick={() => { if (window.confirm(`Disconnect the ${title.toLowerCase()}?`)) remove.mutate(undefined); }}>Remove</button> : null}
        </>
      ) : undefined}
    >
      <p className="muted">{purpose}</p>
      {connection ? <p>Token <span className="code">{connection.token}</span> · connected {formatDateTime(connection.createdAt)}</p> : null}
      {isAdmin ? (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found = connection ? {} : validate({ token: form.token }, { token: [required] });
            setClientErrors(found);
            if (Object.keys(found).length === 0) save.mutate(undefined);
          }}
        >
          <div className="row">
            <Field label={connection ? "New token (leave empty to keep)" : "Bot token from @BotFather"} name="token" errors={errors}>
              {(p) => <input {...p} type="password" autoComplete="off" value={form.token} onChange={(e) => setForm({ ...form, token: e.target.value })} />}
            </Field>
            {channels ? (
              <>
                <Field label="VIP channel id" name="channelId" errors={errors}>{(p) => <input {...p} value={form.channelId} placeholder="-100…" onChange={(e) => setForm({ ...form, channelId: e.target.value })} />}</Field>
                <Field label="FREE channel id" name="freeChannelId" errors={errors}>{(p) => <input {...p} value={form.freeChannelId} placeholder="-100…" onChange={(e) => setForm({ ...form, freeChannelId: e.target.value })} />}</Field>
              </>
            ) : null}
          </div>
          {save.isError && save.fieldErrors === undefined ? <ErrorBox error={save.error} /> : null}
          <div className="card-actions">
            <button type="submit" className="primary" disabled={save.isPending}>{connection ? "Save" : "Connect"}</button>
            {save.isSuccess ? <span role="status">Saved: the webhook points here.</span> : null}
          </div>
        </form>
      ) : null}
      {test.isError ? <ErrorBox error={test.error} /> : null}
      {remove.isError ? <ErrorBox error={remove.error} /> : null}
      {test.data ? <ReportView report={test.data} /> : null}
    </Card>
  );
}

function Texts() {
  const { api, isAdmin } = useSession();
  const texts = useQuery({ queryKey: ["bot-config"], queryFn: async () => data(await api.GET("/api/bot-config")) });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const save = useAction(async () => data(await api.PUT("/api/bot-config", { body: { settings: edits } })), ["bot-config"], () => setEdits({}));
  if (texts.isPending) return <Loading />;
  if (texts.isError) return <ErrorBox error={texts.error} />;
  return (
    <Card title="What the bots say">
      <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
        {texts.data.map((t) => (
          <Field key={t.key} label={t.description} name={t.key} errors={save.fieldErrors} hint={`${t.key}${t.isDefault ? " · default" : ""} · up to ${t.maxLength} characters`}>
            {(p) => <textarea {...p} readOnly={!isAdmin} maxLength={t.maxLength} value={edits[t.key] ?? t.value} onChange={(e) => setEdits({ ...edits, [t.key]: e.target.value })} />}
          </Field>
        ))}
        {save.isError && save.fieldErrors === undefined ? <ErrorBox error={save.error} /> : null}
        {isAdmin ? <div className="card-actions"><button type="submit" className="primary" disabled={save.isPending || Object.keys(edits).length === 0}>Save texts</button>{save.isSuccess ? <span role="status">Saved.</span> : null}</div> : null}
      </form>
    </Card>
  );
}

export default function Bots() {
  const { api } = useSession();
  const connections = useQuery({ queryKey: ["connections"], queryFn: async () => data(await api.GET("/api/connections")) });
  return (
    <>
      <PageTitle title="Bots" subtitle="Connect each bot with its token from @BotFather; the test checks its webhook and channel rights." />
      {connections.isPending ? <Loading /> : connections.isError ? <ErrorBox error={connections.error} /> : roles.map((r) => (
        <BotCard key={`${r.role}:${connections.data.find((c) => c.role === r.role)?.updatedAt ?? ""}`} {...r} connection={connections.data.find((c) => c.role === r.role)} />
      ))}
      <Texts />
    </>
  );
}
