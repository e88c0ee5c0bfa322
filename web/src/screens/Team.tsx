import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { email as emailRule, required, validate, type FieldErrors } from "../lib/fieldErrors";
import { formatDate, formatDateTime, humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Field, Loading, PageTitle, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";

type Role = NonNullable<components["schemas"]["TenantRole"]>;

function Invitations() {
  const { api, me } = useSession();
  const accept = useAction(async (id: number) => data(await api.POST("/api/me/invitations/{id}/accept", { params: { path: { id } } })), ["me"]);
  const decline = useAction(async (id: number) => api.POST("/api/me/invitations/{id}/decline", { params: { path: { id } } }), ["me"]);
  if (me.invitations.length === 0) return null;
  return (
    <Card title="Invitations for you">
      {accept.isError ? <ErrorBox error={accept.error} /> : null}
      {decline.isError ? <ErrorBox error={decline.error} /> : null}
      <Table
        rows={me.invitations}
        rowKey={(i) => i.id}
        empty=""
        columns={[
          { header: "Workspace", cell: (i) => i.tenantName },
          { header: "Role", cell: (i) => humanize(i.role ?? "member") },
          { header: "Expires", cell: (i) => formatDateTime(i.expiresAt) },
          {
            header: "Accept or decline",
            hideHeader: true,
            cell: (i) => (
              <span className="card-actions">
                <button type="button" className="primary" onClick={() => accept.mutate(i.id)}>Accept</button>
                <button type="button" onClick={() => decline.mutate(i.id)}>Decline</button>
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Members() {
  const { api, isAdmin, workspace } = useSession();
  // The list is the admins' (the API refuses it to members): a member is told so rather than shown a refusal.
  const members = useQuery({ queryKey: ["team"], enabled: workspace !== null && isAdmin, queryFn: async () => data(await api.GET("/api/tenant/users")) });
  const [form, setForm] = useState({ email: "", role: "member" as Role });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const invite = useAction(async () => api.POST("/api/tenant/users", { body: { email: form.email.trim(), role: form.role } }), ["team"], () => setForm({ email: "", role: "member" }));
  const change = useAction(async ({ id, role }: { id: number; role: Role }) => data(await api.PATCH("/api/tenant/users/{id}", { params: { path: { id } }, body: { role } })), ["team"]);
  const remove = useAction(async (id: number) => api.DELETE("/api/tenant/users/{id}", { params: { path: { id } } }), ["team"]);
  if (workspace === null) return null;
  const errors = { ...clientErrors, ...invite.fieldErrors };
  return (
    <>
      {isAdmin ? (
        <Card title="Invite someone">
          <form
            className="row"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const found = validate({ email: form.email }, { email: [required, emailRule] });
              setClientErrors(found);
              if (Object.keys(found).length === 0) invite.mutate(undefined);
            }}
          >
            <Field label="Email" name="email" errors={errors}>{(p) => <input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
            <Field label="Role" name="role" errors={errors}>
              {(p) => <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}><option value="member">Member (reads, no changes)</option><option value="admin">Admin</option></select>}
            </Field>
            <button type="submit" className="primary" disabled={invite.isPending}>Send invitation</button>
          </form>
          {invite.isError && invite.fieldErrors === undefined ? <ErrorBox error={invite.error} /> : null}
          {invite.isSuccess ? <p role="status">Invitation created: they accept it when they sign in with that email.</p> : null}
        </Card>
      ) : null}
      <Card title={`Members of ${workspace.tenantName}`}>
        {change.isError ? <ErrorBox error={change.error} /> : null}
        {remove.isError ? <ErrorBox error={remove.error} /> : null}
        {!isAdmin ? <p className="muted">Only the workspace's admins see who its members are and invite or remove them.</p> : members.isPending ? <Loading /> : members.isError ? <ErrorBox error={members.error} /> : (
          <Table
            rows={members.data}
            rowKey={(m) => m.id}
            empty="Nobody yet."
            caption="Members"
            columns={[
              { header: "Email", cell: (m) => m.email },
              { header: "Role", cell: (m) => (isAdmin ? (
                <select aria-label={`Role of ${m.email}`} value={m.role ?? "member"} onChange={(e) => change.mutate({ id: m.id, role: e.target.value as Role })}>
                  <option value="member">Member</option>
                  <option value="admin">Admin</option>
                </select>
              ) : humanize(m.role ?? "member")) },
              { header: "State", cell: (m) => (m.pending ? <Badge tone="warn">Invited · expires {formatDate(m.inviteExpiresAt)}</Badge> : <Badge tone="good">Member</Badge>) },
              { header: "Since", cell: (m) => formatDate(m.createdAt) },
              { header: "Remove", hideHeader: true, cell: (m) => (isAdmin ? <button type="button" className="danger" onClick={() => { if (window.confirm(`Remove ${m.email}?`)) remove.mutate(m.id); }}>{m.pending ? "Withdraw" : "Remove"}</button> : null) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

export default function Team() {
  return (
    <>
      <PageTitle title="Team" subtitle="Who can sign in to this workspace, and what they can do." />
      <Invitations />
      <Members />
    </>
  );
}
