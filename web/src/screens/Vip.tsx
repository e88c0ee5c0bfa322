import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { NavLink, Route, Routes, useParams } from "react-router-dom";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { email as emailRule, required, validate, type FieldErrors } from "../lib/fieldErrors";
import { formatDate, formatDateTime, formatMoney, humanize } from "../lib/format";
import { Badge, Card, DemoBadge, ErrorBox, Field, Loading, PageTitle, Pager, Stat, Table, type Tone } from "../ui/ui";
import Chart from "../ui/LazyChart";
import { useAction } from "../ui/useAction";


type Subscription = components["schemas"]["SubscriptionDto"];
type Status = Subscription["status"];
type Plan = Subscription["plan"];

const statusTone: Record<Status, Tone> = { pending: "warn", active: "good", cancelled: "muted", expired: "bad" };
const plans: Plan[] = ["monthly", "annual", "lifetime"];

function Metrics() {
  const { api } = useSession();
  const metrics = useQuery({ queryKey: ["subscriptions", "metrics"], queryFn: async () => data(await api.GET("/api/subscriptions/metrics")) });
  if (metrics.isPending) return <Loading />;
  if (metrics.isError) return <ErrorBox error={metrics.error} />;
  const m = metrics.data;
  const active = Object.values(m.activeByPlan).reduce((a, b) => a + b, 0);
  return (
    <>
      <div className="stats">
        {m.mrr.map((x) => <Stat key={x.currency} label={`MRR (${x.currency.toUpperCase()})`} value={formatMoney(x.amountMinor, x.currency)} />)}
        <Stat label="Active members" value={active} note={plans.map((p) => `${m.activeByPlan[p] ?? 0} ${p}`).join(" · ")} />
        <Stat label="New (period)" value={m.new} />
        <Stat label="Churned (period)" value={m.churned} />
        <Stat label="Free-lead conversion" value={`${(m.conversionRate * 100).toFixed(1)} %`} note={`${m.convertedFreeLeads} of ${m.freeLeads}`} />
      </div>
      <Card title="Members by plan">
        <Chart
          title="Active members by plan"
          x={[m.to]}
          series={plans.map((p, i) => ({ label: p, values: [m.activeByPlan[p] ?? 0], color: ["#1d4ed8", "#16a34a", "#9333ea"][i] ?? "#000", bars: true }))}
        />
      </Card>
    </>
  );
}

function SubscriptionList() {
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status | "">("");
  const [plan, setPlan] = useState<Plan | "">("");
  const [search, setSearch] = useState("");
  const list = useQuery({
    queryKey: ["subscriptions", page, status, plan, search],
    queryFn: async () =>
      data(await api.GET("/api/subscriptions", { params: { query: { page, pageSize: 25, ...(status ? { status } : {}), ...(plan ? { plan } : {}), ...(search ? { search } : {}) } } })),
  });
  return (
    <Card title="Subscriptions">
      <div className="row">
        <label className="field">
          Search
          <input type="search" value={search} placeholder="Email or Telegram username" onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
        </label>
        <label className="field">
          Status
          <select value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); setPage(1); }}>
            <option value="">Any</option>
            {(Object.keys(statusTone) as Status[]).map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </label>
        <label className="field">
          Plan
          <select value={plan} onChange={(e) => { setPlan(e.target.value as Plan | ""); setPage(1); }}>
            <option value="">Any</option>
            {plans.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
          </select>
        </label>
      </div>
      {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
        <>
          <Table
            rows={list.data.items}
            rowKey={(s) => s.id}
            empty="No subscription matches."
            caption="Subscriptions"
            columns={[
              { header: "Member", cell: (s) => <NavLink to={`/vip/subscriptions/${s.id}`}>{s.email ?? s.telegramUsername ?? `#${s.id}`}</NavLink> },
              { header: "Plan", cell: (s) => humanize(s.plan) },
              { header: "Status", cell: (s) => <><Badge tone={statusTone[s.status]}>{humanize(s.status)}</Badge>{s.isDemo ? <> <DemoBadge /></> : null}</> },
              { header: "Telegram", cell: (s) => (s.telegramUsername ? `@${s.telegramUsername}` : s.telegramUserId ?? "not linked") },
              { header: "Renews", cell: (s) => (s.plan === "lifetime" ? "never ends" : s.cancelAtPeriodEnd ? "cancels at period end" : s.renews ? formatDate(s.currentPeriodEnd) : "no") },
              { header: "Since", cell: (s) => formatDate(s.createdAt) },
            ]}
          />
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}

function SubscriptionDetail() {
  const { api, isAdmin } = useSession();
  const id = Number(useParams()["id"]);
  const sub = useQuery({ queryKey: ["subscription", id], queryFn: async () => data(await api.GET("/api/subscriptions/{id}", { params: { path: { id } } })) });
  const revoke = useAction(async () => data(await api.POST("/api/subscriptions/{id}/revoke", { params: { path: { id } } })), ["subscription", "subscriptions"]);
  if (sub.isPending) return <Loading />;
  if (sub.isError) return <ErrorBox error={sub.error} />;
  const s = sub.data;
  const facts: [string, string | number | null | undefined][] = [
    ["Email", s.email], ["Payer email", s.payerEmail], ["Plan", humanize(s.plan)], ["Telegram user", s.telegramUsername ? `@${s.telegramUsername} (${s.telegramUserId})` : s.telegramUserId],
    ["Current period ends", formatDateTime(s.currentPeriodEnd)], ["Past due since", s.pastDueSince ? formatDateTime(s.pastDueSince) : null],
    ["Cancel reason", s.cancelReason ? humanize(s.cancelReason) : null], ["Payment failure", s.paymentFailureReason],
    ["Stripe customer", s.stripeCustomerId], ["Stripe subscription", s.stripeSubscriptionId], ["Created", formatDateTime(s.createdAt)], ["Updated", formatDateTime(s.updatedAt)],
  ];
  return (
    <Card
      title={<>Subscription #{s.id} <Badge tone={statusTone[s.status]}>{humanize(s.status)}</Badge>{s.isDemo ? <> <DemoBadge /></> : null}</>}
      actions={isAdmin && s.status === "active" ? (
        <button type="button" className="danger" disabled={revoke.isPending} onClick={() => { if (window.confirm("End this member's VIP access now?")) revoke.mutate(undefined); }}>Revoke access</button>
      ) : undefined}
    >
      {revoke.isError ? <ErrorBox error={revoke.error} /> : null}
      <dl className="grid">
        {facts.filter(([, v]) => v !== null && v !== undefined && v !== "—").map(([k, v]) => (
          <div key={k}><dt className="muted">{k}</dt><dd className={k.startsWith("Stripe") ? "code" : undefined}>{v}</dd></div>
        ))}
      </dl>
    </Card>
  );
}

function Grant() {
  const { api } = useSession();
  const [form, setForm] = useState({ email: "", plan: "monthly" as Plan, telegramUserId: "", endsAt: "" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const grant = useAction(
    async () =>
      data(await api.POST("/api/subscriptions/grant", {
        body: { email: form.email.trim(), plan: form.plan, telegramUserId: form.telegramUserId ? Number(form.telegramUserId) : null, endsAt: form.endsAt ? new Date(form.endsAt).toISOString() : null },
      })),
    ["subscriptions"],
  );
  const errors = { ...clientErrors, ...grant.fieldErrors };
  return (
    <Card title="Grant VIP by hand">
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found = validate({ email: form.email }, { email: [required, emailRule] });
          setClientErrors(found);
          if (Object.keys(found).length === 0) grant.mutate(undefined);
        }}
      >
        <div className="row">
          <Field label="Email" name="email" errors={errors}>{(p) => <input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
          <Field label="Plan" name="plan" errors={errors}>
            {(p) => <select {...p} value={form.plan} onChange={(e) => setForm({ ...form, plan: e.target.value as Plan })}>{plans.map((x) => <option key={x} value={x}>{humanize(x)}</option>)}</select>}
          </Field>
          <Field label="Telegram user id (optional)" name="telegramUserId" errors={errors}>{(p) => <input {...p} inputMode="numeric" value={form.telegramUserId} onChange={(e) => setForm({ ...form, telegramUserId: e.target.value })} />}</Field>
          <Field label="Ends (optional)" name="endsAt" errors={errors}>{(p) => <input {...p} type="date" value={form.endsAt} onChange={(e) => setForm({ ...form, endsAt: e.target.value })} />}</Field>
        </div>
        {grant.isError && grant.fieldErrors === undefined ? <ErrorBox error={grant.error} /> : null}
        <div className="card-actions">
          <button type="submit" className="primary" disabled={grant.isPending}>Grant access</button>
          {grant.isSuccess ? <span role="status">Granted: #{grant.data.id}.</span> : null}
        </div>
      </form>
    </Card>
  );
}

function StripeSettings() {
  const { api, isAdmin } = useSession();
  const settings = useQuery({ queryKey: ["stripe-settings"], queryFn: async () => data(await api.GET("/api/stripe/settings")) });
  const products = useQuery({ queryKey: ["stripe-products"], queryFn: async () => data(await api.GET("/api/stripe/products")) });
  const [form, setForm] = useState({ secretKey: "", webhookSecret: "", vipProductId: "", monthlyPriceId: "", annualPriceId: "", lifetimePriceId: "" });
  const save = useAction(
    async () =>
      data(await api.PUT("/api/stripe/settings", {
        body: {
          secretKey: form.secretKey || null, webhookSecret: form.webhookSecret || null, stripeAccountId: null,
          vipProductId: form.vipProductId || null, monthlyPriceId: form.monthlyPriceId || null, annualPriceId: form.annualPriceId || null, lifetimePriceId: form.lifetimePriceId || null,
        },
      })),
    ["stripe-settings"],
    () => setForm({ ...form, secretKey: "", webhookSecret: "" }),
  );
  const sync = useAction(async () => data(await api.POST("/api/stripe/sync")), ["stripe-products"]);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBox error={settings.error} />;
  const s = settings.data;
  const text = (key: keyof typeof form, label: string, current: string | null | undefined, secret = false) => (
    <Field label={label} name={key} errors={save.fieldErrors} hint={current ? `Now: ${current}` : "Not set"}>
      {(p) => <input {...p} type={secret ? "password" : "text"} autoComplete="off" disabled={!isAdmin} value={form[key]} placeholder={secret ? "Leave empty to keep" : (current ?? "")} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />}
    </Field>
  );
  return (
    <>
      <Card title="Stripe" actions={<Badge tone={s.configured ? "good" : "warn"}>{s.configured ? "Configured" : "Not configured"}</Badge>}>
        <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
          <div className="grid">
            {text("secretKey", "Secret key", s.secretKey, true)}
            {text("webhookSecret", "Webhook signing secret", s.webhookSecret, true)}
            {text("vipProductId", "VIP product id", s.vipProductId)}
            {text("monthlyPriceId", "Monthly price id", s.prices.monthly)}
            {text("annualPriceId", "Annual price id", s.prices.annual)}
            {text("lifetimePriceId", "Lifetime price id", s.prices.lifetime)}
          </div>
          {save.isError && save.fieldErrors === undefined ? <ErrorBox error={save.error} /> : null}
          {isAdmin ? <div className="card-actions"><button type="submit" className="primary" disabled={save.isPending}>Save Stripe settings</button>{save.isSuccess ? <span role="status">Saved.</span> : null}</div> : null}
        </form>
      </Card>
      <Card title="Products and prices" actions={isAdmin ? <button type="button" disabled={sync.isPending} onClick={() => sync.mutate(undefined)}>Sync from Stripe</button> : undefined}>
        {sync.isError ? <ErrorBox error={sync.error} /> : null}
        {products.isPending ? <Loading /> : products.isError ? <ErrorBox error={products.error} /> : (
          <Table
            rows={products.data.flatMap((p) => p.prices.map((price) => ({ product: p, price })))}
            rowKey={(r) => r.price.id}
            empty="No product synced yet."
            columns={[
              { header: "Product", cell: (r) => r.product.name },
              { header: "Price", cell: (r) => (r.price.unitAmount === null || r.price.unitAmount === undefined ? "—" : formatMoney(r.price.unitAmount, r.price.currency)) },
              { header: "Interval", cell: (r) => r.price.recurringInterval ?? "one time" },
              { header: "Id", cell: (r) => <span className="code">{r.price.id}</span> },
              { header: "Active", cell: (r) => (r.price.active ? "yes" : "no") },
            ]}
          />
        )}
      </Card>
    </>
  );
}

export default function Vip() {
  const { isAdmin } = useSession();
  return (
    <>
      <PageTitle title="VIP" subtitle="Paid access to the VIP channel: members, plans and Stripe." />
      <nav className="tabs" aria-label="VIP">
        <NavLink to="/vip" end>Overview</NavLink>
        <NavLink to="/vip/subscriptions">Subscriptions</NavLink>
        {isAdmin ? <NavLink to="/vip/grant">Grant</NavLink> : null}
        <NavLink to="/vip/stripe">Stripe</NavLink>
      </nav>
      <Routes>
        <Route index element={<Metrics />} />
        <Route path="subscriptions" element={<SubscriptionList />} />
        <Route path="subscriptions/:id" element={<SubscriptionDetail />} />
        <Route path="grant" element={isAdmin ? <Grant /> : <Card title="Grant VIP by hand"><p className="muted">Only admins can grant VIP access.</p></Card>} />
        <Route path="stripe" element={<StripeSettings />} />
      </Routes>
    </>
  );
}
