import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { data } from "../api/client";
import type { components } from "../api/schema";
import { useSession } from "../auth/session";
import { formatDateTime, humanize } from "../lib/format";
import { TelegramHtml } from "../lib/telegramHtml";
import { Badge, Card, ErrorBox, Loading, PageTitle } from "../ui/ui";
import { useAction } from "../ui/useAction";
import { AdminImage } from "./CouponImage";

type Role = components["schemas"]["BotRole"];
type Message = components["schemas"]["SandboxMessageDto"];

function Bubble({ message, onButton }: { message: Message; onButton: (callbackData: string) => void }) {
  const mine = message.from === "user";
  return (
    <div className={mine ? "bubble mine" : "bubble"}>
      {message.images.map((image, i) =>
        image.url?.startsWith("/api/") ? <AdminImage key={i} path={image.url} alt="Image from the bot" /> : image.url ? <img key={i} src={image.url} alt="Image from the bot" /> : <span key={i} className="muted">[Telegram file]</span>,
      )}
      {message.html ? <TelegramHtml html={message.html} /> : message.text ?? (message.callbackData ? <em>pressed “{message.callbackData}”</em> : null)}
      {message.buttons.length > 0 ? (
        <div className="buttons">
          {message.buttons.flat().map((b) =>
            b.url ? (
              <a key={b.text + b.url} className="button" href={b.url} target="_blank" rel="noopener noreferrer">{b.text} ↗</a>
            ) : (
              <button key={b.text + (b.callbackData ?? "")} type="button" onClick={() => b.callbackData && onButton(b.callbackData)}>{b.text}</button>
            ),
          )}
        </div>
      ) : null}
      <div className="muted" style={{ fontSize: "0.75rem" }}>
        {formatDateTime(message.at)} · {message.status === "sent" || message.status === "processed" ? "✓" : humanize(message.status)}
        {message.error ? <span className="field-error"> {message.error}</span> : null}
      </div>
    </div>
  );
}

/**
 * Talk to your sandbox bots from the browser (Development only): each message goes through the same inbox and routing
 * as a Telegram webhook, and the bot's replies are read from the outbox, buttons included.
 */
export default function Sandbox() {
  const { api } = useSession();
  const [role, setRole] = useState<Role>("message_bot");
  const [text, setText] = useState("");
  const end = useRef<HTMLDivElement>(null);
  const chat = useQuery({
    queryKey: ["sandbox", role],
    queryFn: async () => data(await api.GET("/api/sandbox/{role}/messages", { params: { path: { role } } })),
    refetchInterval: 1_500,
  });
  const send = useAction(
    async (body: { text: string | null; callbackData: string | null }) => data(await api.POST("/api/sandbox/{role}/messages", { params: { path: { role } }, body })),
    ["sandbox"],
    () => setText(""),
  );
  const count = chat.data?.items.length ?? 0;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [count]);
  return (
    <>
      <PageTitle title="Sandbox chat" subtitle="Try /start, a journey's deep link (/start CODE), /vip or a coupon code with your sandbox bots — no Telegram account needed." />
      <Card
        title={chat.data?.botUsername ? `@${chat.data.botUsername}` : humanize(role)}
        actions={
          <label className="check">
            Bot
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="message_bot">Message bot</option>
              <option value="coupon_bot">Coupon bot</option>
              <option value="signal_bot">Signal bot</option>
            </select>
          </label>
        }
      >
        {chat.isError ? <ErrorBox error={chat.error} /> : null}
        {chat.isPending ? <Loading /> : (
          <div className="tg" role="log" aria-live="polite" aria-label="Conversation">
            {chat.data?.items.map((m) => <Bubble key={m.id} message={m} onButton={(callbackData) => send.mutate({ text: null, callbackData })} />)}
            {count === 0 ? <p className="muted">Say something to the bot, e.g. /start.</p> : null}
            <div ref={end} />
          </div>
        )}
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (text.trim()) send.mutate({ text, callbackData: null }); }}>
          <label className="field">
            <span className="sr-only">Message</span>
            <input value={text} placeholder="Message" onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={send.isPending || text.trim() === ""}>Send</button>
        </form>
        {send.isError ? <ErrorBox error={send.error} /> : null}
        <Badge tone="info">Sandbox bots reach no Telegram: replies are recorded as sent.</Badge>
      </Card>
    </>
  );
}
