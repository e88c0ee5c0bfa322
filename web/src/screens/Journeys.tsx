import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router-dom";
import { data } from "../api/client";
import { useSession } from "../auth/session";
import { required, validate, type FieldErrors } from "../lib/fieldErrors";
import { formatDateTime } from "../lib/format";
import { Badge, Card, DemoBadge, ErrorBox, Field, Loading, PageTitle, Table } from "../ui/ui";
import { useAction } from "../ui/useAction";

export default function Journeys() {
  const { api, isAdmin } = useSession();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ["journeys"], queryFn: async () => data(await api.GET("/api/journeys")) });
  const [name, setName] = useState("");
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useAction(
    async () => data(await api.POST("/api/journeys", { body: { name: name.trim(), description: null, reentryPolicy: null, inactivityTimeoutMinutes: null } })),
    ["journeys"],
    (journey) => void navigate(`/journeys/${journey.id}`),
  );
  return (
    <>
      <PageTitle title="Journeys" subtitle="Conversations your bot runs: started by a deep link, a keyword or an event." />
      {isAdmin ? (
        <Card title="New journey">
          <form
            className="row"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const found = validate({ name }, { name: [required] });
              setClientErrors(found);
              if (Object.keys(found).length === 0) create.mutate(undefined);
            }}
          >
            <Field label="Name" name="name" errors={{ ...clientErrors, ...create.fieldErrors }}>
              {(p) => <input {...p} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <button type="submit" className="primary" disabled={create.isPending}>Create journey</button>
          </form>
          {create.isError && create.fieldErrors === undefined ? <ErrorBox error={create.error} /> : null}
        </Card>
      ) : null}
      <Card title="All journeys">
        {list.isPending ? <Loading /> : list.isError ? <ErrorBox error={list.error} /> : (
          <Table
            rows={list.data}
            rowKey={(j) => j.id}
            empty="No journey yet: create one above."
            caption="Journeys"
            columns={[
              { header: "Name", cell: (j) => <Link to={`/journeys/${j.id}`}>{j.name}</Link> },
              { header: "Status", cell: (j) => <><Badge tone={j.isActive ? "good" : "muted"}>{j.isActive ? "Live" : "Draft or stopped"}</Badge>{j.isDemo ? <> <DemoBadge /></> : null}</> },
              { header: "Steps", cell: (j) => j.steps, className: "num" },
              { header: "Running sessions", cell: (j) => j.runningSessions, className: "num" },
              { header: "Updated", cell: (j) => formatDateTime(j.updatedAt) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
