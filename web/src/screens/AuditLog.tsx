import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { data } from "../api/client";
import { useSession } from "../auth/session";
import { formatDateTime, humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Loading, Pager, Table } from "../ui/ui";

function fields(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text === "{}" ? "" : text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Who changed what and when (admins only): every admin or operator action, with its fields (secrets masked by the API). */
export default function AuditLog() {
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [user, setUser] = useState("");
  const [action, setAction] = useState("");
  const [from, setFrom] = useState("");
  const list = useQuery({
    queryKey: ["audit", page, user, action, from],
    queryFn: async () =>
      data(
        await api.GET("/api/audit", {
          params: { query: { page, pageSize: 25, ...(user ? { user } : {}), ...(action ? { action } : {}), ...(from ? { from: new Date(from).toISOString() } : {}) } },
        }),
      ),
  });
  return (
    <Card title="Audit log">
      <div className="row">
        <label className="field">
          User (email or id)
          <input type="search" value={user} onChange={(e) => { setUser(e.target.value); setPage(1); }} />
        </label>
        <label className="field">
          Action
          <input type="search" value={action} placeholder="e.g. GrantSubscription" onChange={(e) => { setAction(e.target.value); setPage(1); }} />
        </label>
        <label className="field">
          Since
          <input type="date" value={from} onChange={(e) => { setFrom(e.target.value); setPage(1); }} />
        </label>
      </div>
      {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
        <>
          <Table
            rows={list.data.items}
            rowKey={(e) => e.id}
            empty="Nothing recorded for these filters."
            caption="Audit entries"
            columns={[
              { header: "When", cell: (e) => formatDateTime(e.occurredAt) },
              { header: "Who", cell: (e) => <>{e.userEmail ?? e.userId} {e.platformOperator ? <Badge tone="warn">operator</Badge> : e.userRole ? <Badge>{e.userRole}</Badge> : null}</> },
              { header: "Action", cell: (e) => humanize(e.action) },
              { header: "Fields", cell: (e) => <span className="code">{fields(e.fields)}</span> },
              { header: "From", cell: (e) => e.clientAddress ?? "" },
            ]}
          />
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}
