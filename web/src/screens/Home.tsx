import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { data } from "../api/client";
import { useSession } from "../auth/session";
import { formatDateTime, formatMoney, formatNumber, humanize } from "../lib/format";
import { Badge, Card, DemoBadge, ErrorBox, Loading, PageTitle, Stat, Table } from "../ui/ui";
import Chart from "../ui/LazyChart";
import { statusTone } from "./signalTone";

/** The business at a glance: one call (`GET /api/dashboard`), refreshed every 30 s. */
export default function Home() {
  const { api, workspace } = useSession();
  const dashboard = useQuery({ queryKey: ["dashboard"], queryFn: async () => data(await api.GET("/api/dashboard")), refetchInterval: 30_000 });
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <ErrorBox error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const mrr = d.revenue.mrr.length === 0 ? "—" : d.revenue.mrr.map((m) => formatMoney(m.amountMinor, m.currency)).join(" + ");
  const currency = d.revenue.mrr[0]?.currency ?? d.revenue.daily.flatMap((x) => x.newRevenue)[0]?.currency ?? null;
  return (
    <>
      <PageTitle title={workspace?.tenantName ?? "Home"} subtitle={`As of ${formatDateTime(d.generatedAt)} (${d.timezone})`} />
      {d.hasDemoData ? (
        <p className="muted">
          <DemoBadge /> This workspace holds demo users and subscriptions: the other screens list them, these figures leave them out.
        </p>
      ) : null}
      {d.problems.length > 0 ? (
        <Card title="Needs attention">
          <ul className="stack" aria-label="Problems">
            {d.problems.map((p) => (
              <li key={p.kind + p.message} className="problem">
                <Badge tone={p.severity === "error" ? "bad" : "warn"}>{humanize(p.kind)}</Badge>
                <span>
                  {p.message} <strong>Fix:</strong> {p.fix}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="stats">
        <Stat label="MRR" value={mrr} />
        <Stat label="VIP members" value={d.members.vipMembers} note={Object.entries(d.members.vipByPlan).map(([plan, n]) => `${n} ${plan}`).join(" · ")} />
        <Stat label="New (30 days)" value={d.revenue.new} note={`${d.revenue.churned} churned`} />
        <Stat label="Free leads" value={d.members.freeLeads} note={`${formatNumber(d.members.conversionRate * 100, 1)} % converted`} />
        <Stat label="Signals today" value={d.signals.today} note={`${d.signals.open} open · ${d.signals.pipsClosedToday >= 0 ? "+" : ""}${formatNumber(d.signals.pipsClosedToday, 1)} pips closed`} />
        <Stat label="Coupon images today" value={d.couponImagesToday} />
      </div>
      <Card title="Last 30 days">
        <Chart
          title="New subscriptions and churn per day"
          x={d.revenue.daily.map((x) => x.date)}
          series={[
            { label: "New", values: d.revenue.daily.map((x) => x.newSubscriptions), color: "#16a34a", bars: true },
            { label: "Churned", values: d.revenue.daily.map((x) => x.churned), color: "#dc2626", bars: true },
            ...(currency === null
              ? []
              : [{ label: `New revenue (${currency.toUpperCase()})`, values: d.revenue.daily.map((x) => (x.newRevenue.find((m) => m.currency === currency)?.amountMinor ?? 0) / 100), color: "#1d4ed8" }]),
          ]}
        />
      </Card>
      <div className="grid">
        <Card title="Today's and open signals" actions={<Link to="/signals">All signals</Link>}>
          <Table
            rows={d.signals.items}
            rowKey={(s) => s.id}
            empty="No signal today."
            caption="Today's signals"
            columns={[
              { header: "Signal", cell: (s) => <Link to={`/signals/${s.id}`}>{`${s.direction.toUpperCase()} ${s.symbol}`}</Link> },
              { header: "Status", cell: (s) => <Badge tone={statusTone[s.status]}>{humanize(s.status)}</Badge> },
              { header: "Targets hit", cell: (s) => `${s.targetsHit} / ${[s.takeProfit1, s.takeProfit2, s.takeProfit3].filter((t) => t !== null && t !== undefined).length}`, className: "num" },
              { header: "Pips", cell: (s) => (s.pipsSoFar === null || s.pipsSoFar === undefined ? "—" : formatNumber(s.pipsSoFar, 1)), className: "num" },
            ]}
          />
        </Card>
        <Card title="Last broadcast" actions={<Link to="/growth/broadcasts">Broadcasts</Link>}>
          {d.lastBroadcast ? (
            <div className="stack">
              <p>{d.lastBroadcast.message.length > 140 ? `${d.lastBroadcast.message.slice(0, 140)}…` : d.lastBroadcast.message}</p>
              <p>
                <Badge tone={d.lastBroadcast.status === "completed" ? "good" : d.lastBroadcast.status === "failed" ? "bad" : "info"}>{humanize(d.lastBroadcast.status)}</Badge>{" "}
                {d.lastBroadcast.progress.sent} sent · {d.lastBroadcast.progress.failed} failed of {d.lastBroadcast.progress.recipients}
              </p>
              <p className="muted">{formatDateTime(d.lastBroadcast.createdAt)}</p>
            </div>
          ) : <p className="muted">No broadcast yet.</p>}
        </Card>
      </div>
    </>
  );
}
