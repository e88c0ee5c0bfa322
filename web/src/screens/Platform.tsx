import { useQuery } from "@tanstack/react-query";
import { Link, Route, Routes, useParams } from "react-router-dom";
import { data } from "../api/client";
import { useSession } from "../auth/session";
import { formatDateTime, humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Loading, PageTitle, Stat, Table } from "../ui/ui";

function age(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  return seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
}

function Tenants() {
  const { api } = useSession();
  const health = useQuery({ queryKey: ["platform-health"], queryFn: async () => data(await api.GET("/api/platform/tenants/health")), refetchInterval: 60_000 });
  if (health.isPending) return <Loading />;
  if (health.isError) return <ErrorBox error={health.error} />;
  return (
    <Card title="Workspaces">
      <Table
        rows={health.data}
        rowKey={(t) => t.id}
        empty="No workspace yet."
        caption="Workspaces and their health"
        columns={[
          { header: "Workspace", cell: (t) => <Link to={`/platform/${encodeURIComponent(t.id)}`}>{t.name}</Link> },
          { header: "Bots", cell: (t) => (t.bots.length === 0 ? <Badge tone="warn">none</Badge> : t.bots.map((b) => <Badge key={b.role} tone={b.isSandbox ? "info" : "good"}>{humanize(b.role)}</Badge>)) },
          { header: "Failed (24 h)", cell: (t) => <Badge tone={t.outboxFailedLast24h + t.inboxFailedLast24h > 0 ? "bad" : "good"}>{t.outboxFailedLast24h} out · {t.inboxFailedLast24h} in</Badge> },
          { header: "Oldest waiting", cell: (t) => age(t.oldestPendingOutboxAgeSeconds), className: "num" },
          { header: "VIP", cell: (t) => t.activeSubscriptions, className: "num" },
          { header: "Stripe", cell: (t) => (t.stripeConfigured ? "yes" : "no") },
          { header: "Last activity", cell: (t) => formatDateTime(t.lastActivityAt) },
        ]}
      />
    </Card>
  );
}

/** A read-only look inside one workspace: its home figures and setup, recorded in that workspace's audit log. */
function LookIn() {
  const { api } = useSession();
  const tenantId = useParams()["tenantId"] ?? "";
  const overview = useQuery({ queryKey: ["platform-overview", tenantId], queryFn: async () => data(await api.GET("/api/platform/tenants/{tenantId}/overview", { params: { path: { tenantId } } })) });
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorBox error={overview.error} />;
  const { dashboard: d, setup } = overview.data;
  return (
    <>
      <p><Link to="/platform">← All workspaces</Link></p>
      <Badge tone="warn">Read-only look-in: recorded in this workspace's audit log.</Badge>
      <div className="stats">
        <Stat label="VIP members" value={d.members.vipMembers} />
        <Stat label="New (30 days)" value={d.revenue.new} note={`${d.revenue.churned} churned`} />
        <Stat label="Signals today" value={d.signals.today} note={`${d.signals.open} open`} />
        <Stat label="Setup" value={`${setup.items.filter((i) => i.done).length} / ${setup.items.length}`} note={setup.nextStep ? `next: ${humanize(setup.nextStep)}` : "complete"} />
      </div>
      <Card title="Problems">
        {d.problems.length === 0 ? <p className="muted">Nothing failing.</p> : (
          <ul className="stack">
            {d.problems.map((p) => <li key={p.kind + p.message} className="problem"><Badge tone={p.severity === "error" ? "bad" : "warn"}>{humanize(p.kind)}</Badge> {p.message}</li>)}
          </ul>
        )}
      </Card>
    </>
  );
}

export default function Platform() {
  return (
    <>
      <PageTitle title="Platform" subtitle="Every workspace and its health (platform operators only)." />
      <Routes>
        <Route index element={<Tenants />} />
        <Route path=":tenantId" element={<LookIn />} />
      </Routes>
    </>
  );
}
