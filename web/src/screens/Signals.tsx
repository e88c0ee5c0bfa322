import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { NavLink, Route, Routes, useParams } from "react-router-dom";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { formatDateTime, formatNumber, humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Field, Loading, PageTitle, Pager, Stat, Table, type Column } from "../ui/ui";
import Chart from "../ui/LazyChart";
import { TelegramMessage } from "../ui/TelegramMessage";
import { outboxTone } from "./outboxTone";
import { statusTone } from "./signalTone";
import { useAction } from "../ui/useAction";


type Signal = components["schemas"]["SignalDto"];
type Post = components["schemas"]["SignalPostDto"];
type BacktestResult = components["schemas"]["BacktestResultDto"];
type Status = Signal["status"];

const openStatuses: Status[] = ["active", "tp1_hit", "tp2_hit"];

function price(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatNumber(value, value >= 100 ? 2 : 5);
}

function pips(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value > 0 ? "+" : ""}${formatNumber(value, 1)}`;
}

/** Risk multiples won or lost, signed: "+1.25 R". */
function r(value: number): string {
  return `${value > 0 ? "+" : ""}${formatNumber(value, 2)} R`;
}

export function SignalTargets({ signal }: { signal: Signal }) {
  const targets = [signal.takeProfit1, signal.takeProfit2, signal.takeProfit3];
  return (
    <span>
      SL {price(signal.currentStop)}
      {targets.map((tp, i) =>
        tp === null || tp === undefined ? null : (
          <span key={i}>
            {" · "}
            <span className={signal.targetsHit > i ? "badge badge-good" : undefined}>
              TP{i + 1} {price(tp)}
            </span>
          </span>
        ),
      )}
    </span>
  );
}

const columns: Column<Signal>[] = [
  { header: "#", cell: (s: Signal) => <NavLink to={`/signals/${s.id}`}>{s.id}</NavLink> },
  { header: "Signal", cell: (s: Signal) => `${s.direction.toUpperCase()} ${s.symbol} ${s.timeframe}` },
  { header: "Strategy", cell: (s: Signal) => s.strategy },
  { header: "Status", cell: (s: Signal) => <Badge tone={statusTone[s.status]}>{humanize(s.status)}</Badge> },
  { header: "Entry", cell: (s: Signal) => price(s.entryPrice), className: "num" },
  { header: "Targets", cell: (s: Signal) => <SignalTargets signal={s} /> },
  { header: "Pips", cell: (s: Signal) => pips(s.resultPips), className: "num" },
  { header: "Opened", cell: (s: Signal) => formatDateTime(s.createdAt) },
];

function OpenSignals({ includeDemo }: { includeDemo: boolean }) {
  const { api } = useSession();
  const open = useQuery({
    queryKey: ["signals", "open", includeDemo],
    queryFn: async () => data(await api.GET("/api/forex/signals", { params: { query: { pageSize: 100, includeDemo } } })),
    refetchInterval: 15_000,
  });
  if (open.isPending) return <Loading />;
  if (open.isError) return <ErrorBox error={open.error} />;
  const rows = open.data.items.filter((s) => openStatuses.includes(s.status));
  return (
    <Card title="Open signals" actions={<span className="muted">Refreshed every 15 s</span>}>
      <Table rows={rows} columns={columns} rowKey={(s) => s.id} empty="No open signal right now." caption="Open signals" />
    </Card>
  );
}

function SignalList({ includeDemo }: { includeDemo: boolean }) {
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status | "">("");
  const [direction, setDirection] = useState<"" | "buy" | "sell">("");
  const list = useQuery({
    queryKey: ["signals", page, status, direction, includeDemo],
    queryFn: async () =>
      data(
        await api.GET("/api/forex/signals", {
          params: { query: { page, pageSize: 25, includeDemo, ...(status === "" ? {} : { status }), ...(direction === "" ? {} : { direction }) } },
        }),
      ),
  });
  return (
    <Card title="All signals">
      <div className="row">
        <label className="field">
          Status
          <select value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); setPage(1); }}>
            <option value="">Any</option>
            {(Object.keys(statusTone) as Status[]).map((s) => (
              <option key={s} value={s}>{humanize(s)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Direction
          <select value={direction} onChange={(e) => { setDirection(e.target.value as "" | "buy" | "sell"); setPage(1); }}>
            <option value="">Any</option>
            <option value="buy">Buy</option>
            <option value="sell">Sell</option>
          </select>
        </label>
      </div>
      {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
        <>
          <Table rows={list.data.items} columns={columns} rowKey={(s) => s.id} empty="No signal matches." caption="Signals" />
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}

const channelName: Record<Post["channel"], string> = { vip: "VIP channel", free: "FREE channel", other: "Another chat" };
const stepName: Record<string, string> = { opened: "Signal posted", tp1: "TP1 hit", tp2: "TP2 hit", tp3: "TP3 hit", end: "Signal ended", crosspromo: "Cross-promotion" };

/** The messages posted for a signal, oldest first, each as its channel shows it. */
function SignalPosts({ posts, telegramMessageId }: { posts: Post[]; telegramMessageId: number | null }) {
  if (posts.length === 0) {
    return (
      <p className="muted">
        Nothing was posted for this signal through the bots (no VIP channel was set, or it is a demo or imported signal)
        {telegramMessageId === null ? "." : `; its Telegram message is ${telegramMessageId}.`}
      </p>
    );
  }
  return (
    <ol className="posts">
      {posts.map((p) => (
        <li key={p.id} className="post">
          <div className="post-head">
            <strong>#{p.id}</strong>
            <span>{channelName[p.channel]}</span>
            <span>{stepName[p.step] ?? humanize(p.step)}</span>
            <Badge tone={outboxTone[p.status]}>{humanize(p.status)}</Badge>
          </div>
          <TelegramMessage content={p.content} of={p.dependsOnId} />
          <div className="muted post-foot">
            {p.sentAt ? `Sent ${formatDateTime(p.sentAt)}` : `Queued ${formatDateTime(p.createdAt)}`}
            {p.telegramMessageId === null ? "" : ` · Telegram message ${p.telegramMessageId}`}
            {p.lastError ? <span className="field-error"> · {p.lastError}</span> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

function SignalDetail() {
  const { api, isAdmin } = useSession();
  const id = Number(useParams()["id"]);
  const detail = useQuery({ queryKey: ["signal", id], queryFn: async () => data(await api.GET("/api/forex/signals/{id}", { params: { path: { id } } })) });
  const close = useAction(async () => data(await api.POST("/api/forex/signals/{id}/close", { params: { path: { id } }, body: { price: null } })), ["signal", "signals"]);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBox error={detail.error} />;
  const s = detail.data.signal;
  const isOpen = openStatuses.includes(s.status);
  return (
    <Card
      title={`Signal #${s.id}: ${s.direction.toUpperCase()} ${s.symbol}`}
      actions={isAdmin && isOpen ? <button type="button" className="danger" disabled={close.isPending} onClick={() => close.mutate(undefined)}>Close at market</button> : undefined}
    >
      {close.isError ? <ErrorBox error={close.error} /> : null}
      <div className="stats">
        <Stat label="Status" value={<Badge tone={statusTone[s.status]}>{humanize(s.status)}</Badge>} />
        <Stat label="Entry" value={price(s.entryPrice)} />
        <Stat label="Result" value={pips(s.resultPips)} note={s.resultR === null || s.resultR === undefined ? undefined : `${formatNumber(s.resultR, 2)} R`} />
        <Stat label="Strategy" value={s.strategy} note={s.timeframe} />
      </div>
      <h3>Targets</h3>
      <p><SignalTargets signal={s} /></p>
      <h3>Posts in Telegram</h3>
      <SignalPosts posts={detail.data.posts} telegramMessageId={s.telegramMessageId} />
      <h3>Indicators when it was taken</h3>
      <p className="code">{detail.data.indicatorsUsed}</p>
      <p className="muted">Opened {formatDateTime(s.createdAt)}{s.closedAt ? ` · closed ${formatDateTime(s.closedAt)}` : ""}{s.closeReason ? ` (${humanize(s.closeReason)})` : ""}</p>
    </Card>
  );
}

function Analytics({ includeDemo }: { includeDemo: boolean }) {
  const { api } = useSession();
  const analytics = useQuery({ queryKey: ["signals", "analytics", includeDemo], queryFn: async () => data(await api.GET("/api/forex/analytics", { params: { query: { includeDemo } } })) });
  if (analytics.isPending) return <Loading />;
  if (analytics.isError) return <ErrorBox error={analytics.error} />;
  const a = analytics.data;
  return (
    <>
      <div className="stats">
        <Stat label="Signals" value={a.total.signals} />
        <Stat label="Win rate" value={`${formatNumber(a.total.winRate * 100, 1)} %`} note={`${a.total.wins} won · ${a.total.losses} lost`} />
        <Stat label="Pips" value={pips(a.total.pips)} />
        <Stat label="R" value={r(a.total.r)} note={`${formatNumber(a.total.averageR, 2)} R a signal on average`} />
      </div>
      <Card title="Equity (pips)">
        <Chart title="Cumulative pips" x={a.equity.map((p) => p.time)} series={[{ label: "Pips", values: a.equity.map((p) => p.pips), color: "#1d4ed8" }]} />
      </Card>
      <Card title="By strategy">
        <Table
          rows={Object.entries(a.byStrategy)}
          rowKey={([name]) => name}
          empty="No closed signal yet."
          caption="Results by strategy"
          columns={[
            { header: "Strategy", cell: ([name]) => name },
            { header: "Signals", cell: ([, result]) => result.signals, className: "num" },
            { header: "Win rate", cell: ([, result]) => `${formatNumber(result.winRate * 100, 1)} %`, className: "num" },
            { header: "Pips", cell: ([, result]) => pips(result.pips), className: "num" },
            { header: "R", cell: ([, result]) => r(result.r), className: "num" },
            { header: "Avg R", cell: ([, result]) => formatNumber(result.averageR, 2), className: "num" },
          ]}
        />
      </Card>
      <Card title="By day">
        <Table
          rows={a.byDay}
          rowKey={(d) => d.day}
          empty="No closed signal yet."
          caption="Results by day"
          columns={[
            { header: "Day", cell: (d) => d.day },
            { header: "Signals", cell: (d) => d.result.signals, className: "num" },
            { header: "Win rate", cell: (d) => `${formatNumber(d.result.winRate * 100, 1)} %`, className: "num" },
            { header: "Pips", cell: (d) => pips(d.result.pips), className: "num" },
            { header: "R", cell: (d) => r(d.result.r), className: "num" },
            { header: "Avg R", cell: (d) => formatNumber(d.result.averageR, 2), className: "num" },
          ]}
        />
      </Card>
    </>
  );
}

function EngineSettings() {
  const { api, isAdmin } = useSession();
  const config = useQuery({ queryKey: ["forex-config"], queryFn: async () => data(await api.GET("/api/forex/config")) });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const save = useAction(async (settings: Record<string, string>) => data(await api.PUT("/api/forex/config", { body: { settings } })), ["forex-config"], () => setEdits({}));
  if (config.isPending) return <Loading />;
  if (config.isError) return <ErrorBox error={config.error} />;
  return (
    <Card title="Engine settings" actions={config.data.pendingStrategy ? <Badge tone="warn">Strategy change pending: {config.data.pendingStrategy}</Badge> : undefined}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(edits);
        }}
      >
        <div className="grid">
          {config.data.settings.map((s) => (
            <Field key={s.key} label={s.key} name={s.key} errors={save.fieldErrors} hint={`${s.description}${s.minimum !== null && s.minimum !== undefined ? ` (${s.minimum}–${s.maximum ?? "…"})` : ""}`}>
              {(props) =>
                (s.choices ?? []).length > 0 ? (
                  <select {...props} disabled={!isAdmin} value={edits[s.key] ?? s.value} onChange={(e) => setEdits({ ...edits, [s.key]: e.target.value })}>
                    {(s.choices ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
                  </select>
                ) : (
                  <input {...props} disabled={!isAdmin} value={edits[s.key] ?? s.value} onChange={(e) => setEdits({ ...edits, [s.key]: e.target.value })} />
                )
              }
            </Field>
          ))}
        </div>
        {save.isError && save.fieldErrors === undefined ? <ErrorBox error={save.error} /> : null}
        {isAdmin ? (
          <div className="card-actions">
            <button type="submit" className="primary" disabled={save.isPending || Object.keys(edits).length === 0}>Save settings</button>
            {save.isSuccess ? <span role="status">Saved.</span> : null}
          </div>
        ) : <p className="muted">Only admins can change the engine's settings.</p>}
      </form>
    </Card>
  );
}

function Backtest() {
  const { api } = useSession();
  const [strategy, setStrategy] = useState("");
  const [bars, setBars] = useState(2000);
  const run = useAction(async () => {
    // The endpoint can also answer with the chart as an image (?format=png); without a format it is the JSON result.
    const result: unknown = data(await api.POST("/api/forex/backtest", { body: { strategy: strategy === "" ? null : strategy, bars, settings: null, candles: null } }));
    if (typeof result !== "object" || result === null) throw new Error("The backtest answered without its figures.");
    return result as BacktestResult;
  });
  const config = useQuery({ queryKey: ["forex-config"], queryFn: async () => data(await api.GET("/api/forex/config")) });
  const strategies = config.data?.settings.find((s) => s.key === "active_strategy")?.choices ?? [];
  const result = run.data;
  return (
    <>
      <Card title="Backtest">
        <form className="row" onSubmit={(e) => { e.preventDefault(); run.mutate(undefined); }}>
          <Field label="Strategy" name="strategy" errors={run.fieldErrors}>
            {(props) => (
              <select {...props} value={strategy} onChange={(e) => setStrategy(e.target.value)}>
                <option value="">The configured one</option>
                {strategies.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            )}
          </Field>
          <Field label="Candles (last N bars)" name="bars" errors={run.fieldErrors} hint="300 to 5,000">
            {(props) => <input {...props} type="number" min={300} max={5000} value={bars} onChange={(e) => setBars(Number(e.target.value))} />}
          </Field>
          <button type="submit" className="primary" disabled={run.isPending}>{run.isPending ? "Running…" : "Run backtest"}</button>
        </form>
        {run.isError && run.fieldErrors === undefined ? <ErrorBox error={run.error} /> : null}
      </Card>
      {result === undefined ? null : (
        <>
          <div className="stats">
            <Stat label="Trades" value={result.trades} note={`${result.candles} candles of ${result.timeframe}`} />
            <Stat label="Win rate" value={`${formatNumber(result.winRate * 100, 1)} %`} />
            <Stat label="Pips" value={pips(result.pips)} />
            <Stat label="R" value={formatNumber(result.r, 2)} note={`max drawdown ${formatNumber(result.maxDrawdownPips, 1)} pips`} />
          </div>
          <Card title="Equity">
            <Chart title="Backtest equity (pips)" x={result.equity.map((p) => p.time)} series={[{ label: "Pips", values: result.equity.map((p) => p.pips), color: "#16a34a" }]} />
          </Card>
          <Card title="Trades">
            <Table
              rows={result.tradeList}
              rowKey={(t) => t.number}
              empty="The strategy took no trade in this period."
              caption="Backtest trades"
              columns={[
                { header: "#", cell: (t) => t.number },
                { header: "Direction", cell: (t) => t.direction.toUpperCase() },
                { header: "Opened", cell: (t) => formatDateTime(t.openedAt) },
                { header: "Entry", cell: (t) => price(t.entry), className: "num" },
                { header: "Exit", cell: (t) => price(t.exitPrice), className: "num" },
                { header: "Result", cell: (t) => <Badge tone={statusTone[t.status]}>{humanize(t.status)}</Badge> },
                { header: "Pips", cell: (t) => pips(t.resultPips), className: "num" },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}

export default function Signals() {
  const [includeDemo, setIncludeDemo] = useState(false);
  return (
    <>
      <PageTitle
        title="Signals"
        subtitle="The engine's signals, their results and its settings."
        actions={
          <label className="check">
            <input type="checkbox" checked={includeDemo} onChange={(e) => setIncludeDemo(e.target.checked)} /> Include demo signals
          </label>
        }
      />
      <nav className="tabs" aria-label="Signals">
        <NavLink to="/signals" end>Open</NavLink>
        <NavLink to="/signals/all">All signals</NavLink>
        <NavLink to="/signals/analytics">Analytics</NavLink>
        <NavLink to="/signals/settings">Settings</NavLink>
        <NavLink to="/signals/backtest">Backtest</NavLink>
      </nav>
      <Routes>
        <Route index element={<OpenSignals includeDemo={includeDemo} />} />
        <Route path="all" element={<SignalList includeDemo={includeDemo} />} />
        <Route path="analytics" element={<Analytics includeDemo={includeDemo} />} />
        <Route path="settings" element={<EngineSettings />} />
        <Route path="backtest" element={<Backtest />} />
        <Route path=":id" element={<SignalDetail />} />
      </Routes>
    </>
  );
}
