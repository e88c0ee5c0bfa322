import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { humanize } from "../lib/format";
import { Badge, Card, ErrorBox, Loading, PageTitle } from "../ui/ui";

type Step = components["schemas"]["SetupStep"];

/** Where in the app each item is fixed. */
const screenOf: Record<Step, string> = {
  signal_bot: "/bots",
  message_bot: "/bots",
  channels: "/bots",
  stripe_keys: "/vip/stripe",
  stripe_webhook: "/vip/stripe",
  prices: "/vip/stripe",
  cross_promo: "/growth",
  first_journey: "/journeys",
  coupon_partner: "/coupons/settings",
};

export default function Setup() {
  const { api } = useSession();
  const setup = useQuery({ queryKey: ["setup"], queryFn: async () => data(await api.GET("/api/setup")) });
  if (setup.isPending) return <Loading />;
  if (setup.isError) return <ErrorBox error={setup.error} />;
  const { items, nextStep, stripeWebhook } = setup.data;
  const done = items.filter((i) => i.done).length;
  return (
    <>
      <PageTitle title="Setup" subtitle={`${done} of ${items.length} done. Each item is checked for real, against Telegram, Stripe and your settings.`} />
      <Card title="Checklist">
        <ol className="checklist">
          {items.map((item) => (
            <li key={item.key} aria-current={item.key === nextStep ? "step" : undefined}>
              <span className="mark" aria-hidden="true">{item.done ? "✅" : item.key === nextStep ? "👉" : "⬜"}</span>
              <div className="stack">
                <strong>
                  {item.title} {item.done ? <Badge tone="good">Done</Badge> : item.key === nextStep ? <Badge tone="info">Next</Badge> : item.optional ? <Badge>Optional</Badge> : <Badge tone="warn">To do</Badge>}
                  {item.adminOnly ? <> <Badge>Admin</Badge></> : null}
                </strong>
                <span className="muted">{item.detail}</span>
                {!item.done && item.fixHint ? <span>{item.fixHint}</span> : null}
                {!item.done ? <Link to={screenOf[item.key]}>Go to {humanize(screenOf[item.key].split("/")[1] ?? "")}</Link> : null}
              </div>
            </li>
          ))}
        </ol>
      </Card>
      <Card title="Stripe webhook">
        <p>In Stripe's dashboard (Developers → Webhooks → Add endpoint), paste this URL:</p>
        <p className="code">{stripeWebhook.url}</p>
        <p>and enable these events:</p>
        <ul>
          {stripeWebhook.events.map((e) => <li key={e}><span className="code">{e}</span></li>)}
        </ul>
        <p className="muted">Then copy the endpoint's signing secret into VIP → Stripe.</p>
      </Card>
    </>
  );
}
