import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { NavLink, Route, Routes } from "react-router-dom";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { formatDateTime, humanize } from "../lib/format";
import { TelegramMessage } from "../ui/TelegramMessage";
import { Badge, Card, ErrorBox, Loading, PageTitle, Pager, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";
import AuditLog from "./AuditLog";
import { outboxTone } from "./outboxTone";

type OutboxStatus = components["schemas"]["OutboxStatus"];

function Outbox() {
  const { api, isAdmin } = useSession();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<OutboxStatus | "">("");
  const list = useQuery({
    queryKey: ["outbox", page, status],
    queryFn: async () => data(await api.GET("/api/telegram/outbox", { params: { query: { page, pageSize: 25, ...(status ? { status } : {}) } } })),
    refetchInterval: 10_000,
  });
  const retry = useAction(async (id: number) => api.POST("/api/telegram/outbox/{id}/retry", { params: { path: { id } } }), ["outbox"]);
  return (
    <Card title="Messages to Telegram">
      <div className="row">
        <label className="field">
          Status
          <select value={status} onChange={(e) => { setStatus(e.target.value as OutboxStatus | ""); setPage(1); }}>
            <option value="">Any</option>
            {(Object.keys(outboxTone) as OutboxStatus[]).map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </label>
      </div>
      {retry.isError ? <ErrorBox error={retry.error} /> : null}
      {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
        <>
          <Table
            rows={list.data.items}
            rowKey={(m) => m.id}
            empty="No message matches."
            caption="Outbox"
            columns={[
              { header: "#", cell: (m) => m.id },
              { header: "When", cell: (m) => formatDateTime(m.createdAt) },
              { header: "Bot", cell: (m) => humanize(m.bot) },
              { header: "Kind", cell: (m) => humanize(m.kind) },
              { header: "Chat", cell: (m) => m.chatId ?? "A person" },
              { header: "Message", cell: (m) => <TelegramMessage content={m.content} of={m.dependsOnId} /> },
              { header: "Status", cell: (m) => <Badge tone={outboxTone[m.status]}>{humanize(m.status)}</Badge> },
              { header: "Attempts", cell: (m) => m.attempts, className: "num" },
              { header: "Last error", cell: (m) => m.lastError ?? "" },
              { header: "Retry", hideHeader: true, cell: (m) => (isAdmin && (m.status === "failed" || m.status === "unknown") ? <button type="button" onClick={() => retry.mutate(m.id)}>Retry</button> : null) },
            ]}
          />
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}

export default function Activity() {
  const { isAdmin } = useSession();
  return (
    <>
      <PageTitle title="Activity" subtitle="What the bots sent, and who changed what." />
      <nav className="tabs" aria-label="Activity">
        <NavLink to="/activity" end>Outbox</NavLink>
        {isAdmin ? <NavLink to="/activity/audit">Audit log</NavLink> : null}
      </nav>
      <Routes>
        <Route index element={<Outbox />} />
        <Route path="audit" element={<AuditLog />} />
      </Routes>
    </>
  );
}
