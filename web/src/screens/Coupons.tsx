import { lazy, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, NavLink, Outlet, Route, Routes, useNavigate } from "react-router-dom";
import { data } from "../api/client";
import { useSession } from "../auth/session";
import { required, unclaimedErrors, validate, type FieldErrors } from "../lib/fieldErrors";
import { formatDateTime, formatNumber, humanize } from "../lib/format";
import { saveBlob } from "../ui/download";
import { Badge, Card, ErrorBox, Field, Loading, PageTitle, Pager, Stat, Table } from "../ui/ui";
import Chart from "../ui/LazyChart";
import { useAction } from "../ui/useAction";
import { AdminImage, newSize, templateForm } from "./CouponImage";

const CouponEditor = lazy(() => import("./CouponEditor"));
const CouponSettings = lazy(() => import("./CouponSettings"));

function Templates() {
  const { api, isAdmin } = useSession();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ["coupon-templates"], queryFn: async () => data(await api.GET("/api/coupons/templates")) });
  const [form, setForm] = useState<{ name: string; slug: string; square: File | null }>({ name: "", slug: "", square: null });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useAction(
    async () => {
      const template = JSON.stringify({ name: form.name, slug: form.slug, telegramEnabled: false, webEnabled: false, sizes: [newSize("square")] });
      return data(await api.POST("/api/coupons/templates", { body: { template }, bodySerializer: (body) => templateForm(body.template ?? "", { square: form.square }) }));
    },
    ["coupon-templates"],
    (t) => void navigate(`/coupons/${t.id}`),
  );
  const errors = { ...clientErrors, ...create.fieldErrors };
  const otherErrors = unclaimedErrors(create.fieldErrors, ["name", "slug", "square"]);
  return (
    <>
      {isAdmin ? (
        <Card title="New template">
          <form
            className="row"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const found = validate({ name: form.name, slug: form.slug }, { name: [required], slug: [required] });
              if (form.square === null) found["square"] = ["Choose the square image (1080 × 1080)."];
              setClientErrors(found);
              if (Object.keys(found).length === 0) create.mutate(undefined);
            }}
          >
            <Field label="Name" name="name" errors={errors}>{(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
            <Field label="Slug" name="slug" errors={errors} hint="Lowercase letters, digits and dashes">{(p) => <input {...p} value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value })} />}</Field>
            <Field label="Square image" name="square" errors={errors}>{(p) => <input {...p} type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setForm({ ...form, square: e.target.files?.[0] ?? null })} />}</Field>
            <button type="submit" className="primary" disabled={create.isPending}>Upload and edit</button>
          </form>
          {create.isError && create.fieldErrors === undefined ? <ErrorBox error={create.error} /> : null}
          {otherErrors.length > 0 ? <div role="alert" className="error-box">{otherErrors.map((m) => <p key={m}>{m}</p>)}</div> : null}
        </Card>
      ) : null}
      <Card title="Templates">
        {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : list.data.length === 0 ? <p className="muted">No template yet.</p> : (
          <div className="grid">
            {list.data.map((t) => {
              const first = t.sizes[0];
              return (
                <Link key={t.id} to={`/coupons/${t.id}`} className="card">
                  {first ? <AdminImage path={first.image.adminUrl} alt={`${t.name} (${first.label})`} /> : null}
                  <h3>{t.name}</h3>
                  <span className="card-actions">
                    <Badge tone={t.telegramEnabled ? "good" : "muted"}>Telegram {t.telegramEnabled ? "on" : "off"}</Badge>
                    <Badge tone={t.webEnabled ? "good" : "muted"}>Web {t.webEnabled ? "on" : "off"}</Badge>
                  </span>
                </Link>
              );
            })}
          </div>
        )}
      </Card>
    </>
  );
}

function Analytics() {
  const { api } = useSession();
  const analytics = useQuery({ queryKey: ["coupon-analytics"], queryFn: async () => data(await api.GET("/api/coupons/analytics")) });
  if (analytics.isPending) return <Loading />;
  if (analytics.isError) return <ErrorBox error={analytics.error} />;
  const a = analytics.data;
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${formatNumber(v * 100, 1)} %`);
  return (
    <>
      <div className="stats">
        <Stat label="Images made" value={a.summary.imagesMade} note={`${a.from} – ${a.to}`} />
        <Stat label="Success rate" value={rate(a.summary.successRate)} note="user mistakes excluded" />
        <Stat label="User mistakes" value={a.summary.userMistakes} />
        <Stat label="System failures" value={a.summary.systemFailures} />
        <Stat label="Users" value={a.uniqueUsers.total} note={`${a.uniqueUsers.telegram} Telegram · ${a.uniqueUsers.web} web`} />
      </div>
      <Card title="Per day">
        <Chart
          title="Coupon attempts per day"
          x={a.daily.map((d) => d.date)}
          series={[
            { label: "Successes", values: a.daily.map((d) => d.successes), color: "#16a34a", bars: true },
            { label: "Failures", values: a.daily.map((d) => d.failures), color: "#dc2626", bars: true },
          ]}
        />
      </Card>
      <Card title="Top codes">
        <Table rows={a.codes} rowKey={(c) => c.code} empty="No code used yet." columns={[
          { header: "Code", cell: (c) => <span className="code">{c.code}</span> },
          { header: "Images", cell: (c) => c.images, className: "num" },
          { header: "Users", cell: (c) => c.users, className: "num" },
        ]} />
      </Card>
    </>
  );
}

function Failures() {
  const { api, fetchFile, isAdmin } = useSession();
  const [page, setPage] = useState(1);
  const failures = useQuery({ queryKey: ["coupon-failures", page], queryFn: async () => data(await api.GET("/api/coupons/failures", { params: { query: { page, pageSize: 25 } } })) });
  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <Card title="Failures" actions={isAdmin ? <button type="button" onClick={() => fetchFile("/api/coupons/failures.csv").then((b) => saveBlob(b, "coupon-failures.csv"), setExportError)}>Download CSV</button> : undefined}>
      {exportError === null ? null : <ErrorBox error={exportError} />}
      {failures.isPending ? <Loading /> : failures.isError ? <ErrorBox error={failures.error} /> : (
        <>
          <Table rows={failures.data.items} rowKey={(f) => f.id} empty="No failure: every attempt worked." caption="Coupon failures" columns={[
            { header: "When", cell: (f) => formatDateTime(f.at) },
            { header: "Who", cell: (f) => f.username ? `@${f.username}` : f.name ?? f.chatId ?? "web" },
            { header: "Code", cell: (f) => f.code ?? "—" },
            { header: "Error", cell: (f) => <Badge tone={f.userMistake ? "warn" : "bad"}>{humanize(f.errorType)}</Badge> },
            { header: "Where", cell: (f) => humanize(f.source) },
          ]} />
          <Pager page={failures.data.page} pageSize={failures.data.pageSize} total={failures.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}

function Frame() {
  return (
    <>
      <PageTitle title="Coupons" subtitle="Branded promo images your partner's affiliates get from the coupon bot." />
      <nav className="tabs" aria-label="Coupons">
        <NavLink to="/coupons" end>Templates</NavLink>
        <NavLink to="/coupons/analytics">Analytics</NavLink>
        <NavLink to="/coupons/failures">Failures</NavLink>
        <NavLink to="/coupons/settings">Settings</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

export default function Coupons() {
  return (
    <Routes>
      <Route element={<Frame />}>
        <Route index element={<Templates />} />
        <Route path="analytics" element={<Analytics />} />
        <Route path="failures" element={<Failures />} />
        <Route path="settings" element={<CouponSettings />} />
      </Route>
      <Route path=":id" element={<CouponEditor />} />
    </Routes>
  );
}
