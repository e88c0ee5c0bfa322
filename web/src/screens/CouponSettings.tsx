import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { formatDateTime, humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Field, Loading, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";

type Validation = components["schemas"]["CodeValidation"];

function statuses(text: string): number[] {
  return text.split(/[\s,]+/).filter((x) => x !== "").map(Number);
}

function CodeUpload() {
  const { api } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useAction(
    async () => {
      const text = file === null ? "" : await file.text();
      return data(await api.PUT("/api/coupons/codes", { body: text, bodySerializer: (b) => b, headers: { "Content-Type": "text/plain" } }));
    },
    ["coupon-codes"],
  );
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); upload.mutate(undefined); }}>
      <div className="row">
        <label className="field">
          Code list file (one code per line, replaces the list)
          <input type="file" accept=".txt,.csv,text/plain,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={file === null || upload.isPending}>Upload</button>
      </div>
      {upload.isError ? <ErrorBox error={upload.error} /> : null}
      {upload.data ? (
        <>
          <p role="status">{upload.data.count} codes saved · {upload.data.duplicates} duplicates · {upload.data.rejectedCount} rejected</p>
          <Table rows={upload.data.rejected} rowKey={(r) => r.line} empty="" caption="Rejected lines" columns={[
            { header: "Line", cell: (r) => r.line, className: "num" },
            { header: "Text", cell: (r) => <span className="code">{r.text}</span> },
            { header: "Why", cell: (r) => r.reason },
          ]} />
        </>
      ) : null}
    </form>
  );
}

function SettingsForm({ current, readOnly }: { current: components["schemas"]["CouponSettingsDto"]; readOnly: boolean }) {
  const { api } = useSession();
  const [form, setForm] = useState({
    validation: current.validation,
    codePattern: current.codePattern,
    linkTemplate: current.linkTemplate,
    checksPerMinute: current.checksPerMinute,
    urlTemplate: current.partner?.urlTemplate ?? "",
    headerName: current.partner?.headerName ?? "",
    headerValue: "",
    validStatuses: (current.partner?.validStatuses ?? [200]).join(", "),
    invalidStatuses: (current.partner?.invalidStatuses ?? [404]).join(", "),
    timeoutMs: current.partner?.timeoutMs ?? 3000,
    attempts: current.partner?.attempts ?? 2,
  });
  const save = useAction(
    async () =>
      data(await api.PUT("/api/coupons/settings", {
        body: {
          validation: form.validation,
          codePattern: form.codePattern || null,
          linkTemplate: form.linkTemplate || null,
          checksPerMinute: form.checksPerMinute,
          partner: form.validation === "partner" ? {
            urlTemplate: form.urlTemplate || null, headerName: form.headerName || null, headerValue: form.headerValue || null,
            validStatuses: statuses(form.validStatuses), invalidStatuses: statuses(form.invalidStatuses), timeoutMs: form.timeoutMs, attempts: form.attempts,
          } : null,
        },
      })),
    ["coupon-settings", "setup"],
  );
  const e = save.fieldErrors;
  const input = (key: keyof typeof form, label: string, name: string, hint?: string, type = "text") => (
    <Field label={label} name={name} errors={e} {...(hint === undefined ? {} : { hint })}>
      {(p) => <input {...p} type={type} readOnly={readOnly} value={String(form[key])} onChange={(ev) => setForm({ ...form, [key]: type === "number" ? Number(ev.target.value) : ev.target.value })} />}
    </Field>
  );
  return (
    <Card title="Coupon settings" actions={<Badge tone={current.saved ? "good" : "warn"}>{current.saved ? "Saved" : "Defaults"}</Badge>}>
      <form className="stack" onSubmit={(ev) => { ev.preventDefault(); save.mutate(undefined); }}>
        <div className="grid">
          <Field label="How a code is checked" name="validation" errors={e}>
            {(p) => (
              <select {...p} disabled={readOnly} value={form.validation} onChange={(ev) => setForm({ ...form, validation: ev.target.value as Validation })}>
                {(["partner", "code_list", "pattern"] as Validation[]).map((v) => <option key={v} value={v}>{humanize(v)}</option>)}
              </select>
            )}
          </Field>
          {input("codePattern", "What a code looks like (regular expression)", "codePattern")}
          {input("linkTemplate", "Affiliate link", "linkTemplate", "An https URL containing {code}")}
          {input("checksPerMinute", "Checks per user per minute", "checksPerMinute", undefined, "number")}
        </div>
        {form.validation === "partner" ? (
          <fieldset className="grid">
            <legend>Partner API</legend>
            {input("urlTemplate", "URL", "partner.urlTemplate", "https://partner.example/codes/{code}")}
            {input("headerName", "Header name (optional)", "partner.headerName")}
            {input("headerValue", current.partner?.headerValueSet ? `Header value (set: ${current.partner.headerValueHint ?? "hidden"}; leave empty to keep)` : "Header value", "partner.headerValue", undefined, "password")}
            {input("validStatuses", "Statuses meaning valid", "partner.validStatuses")}
            {input("invalidStatuses", "Statuses meaning invalid", "partner.invalidStatuses")}
            {input("timeoutMs", "Timeout (ms)", "partner.timeoutMs", undefined, "number")}
            {input("attempts", "Attempts", "partner.attempts", undefined, "number")}
          </fieldset>
        ) : null}
        {save.isError && save.fieldErrors === undefined ? <ErrorBox error={save.error} /> : null}
        {readOnly ? <p className="muted">Only admins can change these settings.</p> : (
          <div className="card-actions"><button type="submit" className="primary" disabled={save.isPending}>Save coupon settings</button>{save.isSuccess ? <span role="status">Saved.</span> : null}</div>
        )}
      </form>
    </Card>
  );
}

/** What a code is, how it is checked (partner API, uploaded list or pattern) and the affiliate link each image carries. */
export default function CouponSettings() {
  const { api, isAdmin } = useSession();
  const settings = useQuery({ queryKey: ["coupon-settings"], queryFn: async () => data(await api.GET("/api/coupons/settings")) });
  const codes = useQuery({ queryKey: ["coupon-codes"], queryFn: async () => data(await api.GET("/api/coupons/codes")) });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBox error={settings.error} />;
  return (
    <>
      <SettingsForm key={settings.data.updatedAt ?? "new"} current={settings.data} readOnly={!isAdmin} />
      <Card title="Valid codes (for 'code list' validation)">
        {codes.isPending ? <Loading /> : codes.isError ? <ErrorBox error={codes.error} /> : (
          <p>
            {codes.data.count} codes{codes.data.updatedAt ? `, uploaded ${formatDateTime(codes.data.updatedAt)}` : ""}
            {codes.data.samples.length > 0 ? <> · e.g. {codes.data.samples.map((s) => <span key={s} className="code">{s} </span>)}</> : null}
          </p>
        )}
        {isAdmin ? <CodeUpload /> : null}
      </Card>
    </>
  );
}
