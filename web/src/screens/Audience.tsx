import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, NavLink, Route, Routes, useParams } from "react-router-dom";
import { data } from "../api/client";
import { useSession } from "../auth/session";
import { formatDate, formatDateTime, humanize } from "../lib/format";
import { Badge, Card, DemoBadge, ErrorBox, Loading, PageTitle, Pager, Stat, Table } from "../ui/ui";

type Filter = "" | "vip" | "free_lead" | "blocked" | "unsubscribed" | "coupon_user";

function Users() {
  const { api } = useSession();
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<Filter>("");
  const [joinedFrom, setJoinedFrom] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const summary = useQuery({ queryKey: ["audience", "summary"], queryFn: async () => data(await api.GET("/api/audience/summary")) });
  const users = useQuery({
    queryKey: ["audience", search, filter, joinedFrom, cursor],
    queryFn: async () =>
      data(
        await api.GET("/api/audience/users", {
          params: {
            query: {
              pageSize: 25,
              ...(search ? { search } : {}),
              ...(filter === "vip" ? { vip: true } : filter === "free_lead" ? { freeLead: true } : filter === "blocked" ? { blockedBy: "message_bot" } : filter === "unsubscribed" ? { unsubscribed: true } : filter === "coupon_user" ? { couponUser: true } : {}),
              ...(joinedFrom ? { joinedFrom: new Date(joinedFrom).toISOString() } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
  });
  const reset = () => setCursors([null]);
  const s = summary.data;
  const chips: [Filter, string, number | undefined][] = [
    ["", "Everyone", s?.users], ["vip", "VIP", s?.vip], ["free_lead", "Free leads", s?.freeLeads], ["blocked", "Blocked the bot", s?.blockedMessageBot],
    ["unsubscribed", "Unsubscribed", s?.unsubscribed], ["coupon_user", "Coupon users", s?.couponUsers],
  ];
  return (
    <>
      <div className="card-actions" role="group" aria-label="Filters">
        {chips.map(([value, label, n]) => (
          <button key={value} type="button" aria-pressed={filter === value} className={filter === value ? "primary" : undefined} onClick={() => { setFilter(value); reset(); }}>
            {label}{n === undefined ? "" : ` (${n})`}
          </button>
        ))}
      </div>
      <Card title="Bot users">
        <div className="row">
          <label className="field">
            Search
            <input type="search" value={search} placeholder="Name, @username or Telegram id" onChange={(e) => { setSearch(e.target.value); reset(); }} />
          </label>
          <label className="field">
            Joined since
            <input type="date" value={joinedFrom} onChange={(e) => { setJoinedFrom(e.target.value); reset(); }} />
          </label>
        </div>
        {users.isPending ? <Loading /> : users.isError ? <ErrorBox error={users.error} /> : (
          <>
            <Table
              rows={users.data.items}
              rowKey={(u) => u.telegramUserId}
              empty="Nobody matches."
              caption="Bot users"
              columns={[
                { header: "User", cell: (u) => <Link to={`/audience/${u.telegramUserId}`}>{[u.firstName, u.lastName].filter(Boolean).join(" ") || u.username || u.telegramUserId}</Link> },
                { header: "Username", cell: (u) => (u.username ? `@${u.username}` : "—") },
                { header: "Status", cell: (u) => (
                  <span className="card-actions">
                    {u.vip ? <Badge tone="good">VIP</Badge> : u.freeLead ? <Badge tone="info">Free lead</Badge> : null}
                    {u.blockedMessageBot ? <Badge tone="bad">Blocked</Badge> : null}
                    {u.unsubscribedAt ? <Badge tone="warn">Unsubscribed</Badge> : null}
                    {u.couponUser ? <Badge>Coupons</Badge> : null}
                    {u.isDemo ? <DemoBadge /> : null}
                  </span>
                ) },
                { header: "Joined", cell: (u) => formatDate(u.joinedAt) },
                { header: "Last seen", cell: (u) => formatDateTime(u.lastSeenAt) },
              ]}
            />
            <nav className="pager" aria-label="Pages">
              <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>Previous</button>
              <button type="button" disabled={!users.data.nextCursor} onClick={() => setCursors([...cursors, users.data.nextCursor ?? null])}>Next</button>
            </nav>
          </>
        )}
      </Card>
    </>
  );
}

function UserDetail() {
  const { api } = useSession();
  const id = Number(useParams()["id"]);
  const detail = useQuery({ queryKey: ["audience-user", id], queryFn: async () => data(await api.GET("/api/audience/users/{telegramUserId}", { params: { path: { telegramUserId: id } } })) });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBox error={detail.error} />;
  const d = detail.data;
  const u = d.user;
  return (
    <>
      <p><Link to="/audience">← All users</Link></p>
      <Card title={[u.firstName, u.lastName].filter(Boolean).join(" ") || u.username || String(u.telegramUserId)}>
        <div className="stats">
          <Stat label="Telegram id" value={u.telegramUserId} note={u.username ? `@${u.username}` : undefined} />
          <Stat label="Joined" value={formatDate(u.joinedAt)} note={`last seen ${formatDateTime(u.lastSeenAt)}`} />
          <Stat label="VIP" value={u.vip ? "Yes" : "No"} note={d.subscriptions.length > 0 ? `${d.subscriptions.length} subscription(s)` : undefined} />
          <Stat label="Coupon code" value={d.lastCouponCode ?? "—"} />
        </div>
      </Card>
      <Card title="Channels">
        <Table rows={d.channels} rowKey={(c) => c.channel + c.joinedAt} empty="Not in the VIP or FREE channel." columns={[
          { header: "Channel", cell: (c) => humanize(c.channel) },
          { header: "Status", cell: (c) => <Badge tone={c.status === "member" ? "good" : "muted"}>{humanize(c.status)}</Badge> },
          { header: "Joined", cell: (c) => formatDateTime(c.joinedAt) },
          { header: "Left", cell: (c) => formatDateTime(c.leftAt) },
        ]} />
      </Card>
      <Card title="Timeline">
        <Table rows={d.timeline} rowKey={(t) => t.type + t.at + (t.reference ?? "")} empty="Nothing yet." caption="Timeline" columns={[
          { header: "When", cell: (t) => formatDateTime(t.at) },
          { header: "What", cell: (t) => <><Badge>{humanize(t.type)}</Badge> {t.title}</> },
          { header: "Detail", cell: (t) => t.detail ?? "" },
          { header: "Status", cell: (t) => (t.status ? humanize(t.status) : "") },
        ]} />
        {d.timelineCapped ? <p className="muted">Showing the latest entries only.</p> : null}
      </Card>
    </>
  );
}

function VipMembers() {
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const members = useQuery({ queryKey: ["vip-members", page], queryFn: async () => data(await api.GET("/api/audience/vip-members", { params: { query: { page, pageSize: 25 } } })) });
  if (members.isPending) return <Loading />;
  if (members.isError) return <ErrorBox error={members.error} />;
  return (
    <Card title="VIP channel members">
      <Table rows={members.data.items} rowKey={(m) => m.subscriptionId} empty="No VIP member yet." caption="VIP members" columns={[
        { header: "Member", cell: (m) => <Link to={`/audience/${m.telegramUserId}`}>{m.username ? `@${m.username}` : [m.firstName, m.lastName].filter(Boolean).join(" ") || m.telegramUserId}</Link> },
        { header: "Email", cell: (m) => m.email ?? "—" },
        { header: "Plan", cell: (m) => humanize(m.plan) },
        { header: "In channel", cell: (m) => <Badge tone={m.inVipChannel ? "good" : "warn"}>{m.inVipChannel ? "Yes" : "Not joined"}</Badge> },
        { header: "Paid until", cell: (m) => (m.plan === "lifetime" ? "lifetime" : formatDate(m.currentPeriodEnd)) },
      ]} />
      <Pager page={members.data.page} pageSize={members.data.pageSize} total={members.data.total} onPage={setPage} />
    </Card>
  );
}

export default function Audience() {
  return (
    <>
      <PageTitle title="Audience" subtitle="Everyone who talked to your bots (personal data: admins only)." />
      <nav className="tabs" aria-label="Audience">
        <NavLink to="/audience" end>Bot users</NavLink>
        <NavLink to="/audience/vip-members">VIP members</NavLink>
      </nav>
      <Routes>
        <Route index element={<Users />} />
        <Route path="vip-members" element={<VipMembers />} />
        <Route path=":id" element={<UserDetail />} />
      </Routes>
    </>
  );
}
