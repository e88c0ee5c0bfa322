import type { components } from "../api/schema";
import { safeHref, TelegramHtml } from "../lib/telegramHtml";

type Content = components["schemas"]["MessageContentDto"];
type Button = components["schemas"]["InlineButton"];

function media(content: Content): string | null {
  switch (content.kind) {
    case "photo":
      return "📷 Photo";
    case "document":
      return "📎 Image sent as a file";
    case "album":
      return `🖼 Album of ${content.images} photos`;
    default:
      return null;
  }
}

/** What a message refers to, by its outbox number. */
function relation(kind: Content["kind"], of: number | null | undefined): string | null {
  const target = of === null || of === undefined ? "another message" : `message #${of}`;
  switch (kind) {
    case "reply":
      return `↩ Reply to ${target}`;
    case "edit":
      return `✎ Edit of ${target}`;
    case "copy":
      return `⧉ Copy of ${target}`;
    case "forward":
      return `↪ Forward of ${target}`;
    case "notice":
      return "Notice shown after a button press";
    default:
      return null;
  }
}

function Body({ html, parseMode }: { html: string; parseMode: string | null }) {
  return <div className="tg-text">{parseMode === "HTML" ? <TelegramHtml html={html} /> : html}</div>;
}

function KeyboardButton({ button }: { button: Button }) {
  const href = safeHref(button.url ?? null);
  if (href !== undefined) {
    return (
      <a className="tg-button" href={href} target="_blank" rel="noopener noreferrer">
        {button.text} ↗<small>{href}</small>
      </a>
    );
  }
  return (
    <span className="tg-button">
      {button.text}
      {button.callbackData ? <small>sends “{button.callbackData}”</small> : null}
    </span>
  );
}

/**
 * A bot's message as its chat shows it: a photo's or an album's mark and caption, the text (Telegram HTML through the
 * safe renderer, plain text as it is), and the inline keyboard row by row. `of` is the outbox message a reply, an
 * edit or a copy refers to.
 */
export function TelegramMessage({ content, of }: { content: Content | null | undefined; of?: number | null }) {
  if (content === null || content === undefined) {
    return <p className="muted">Sent to a person: only admins see it.</p>;
  }
  if (content.kind === "none") {
    return <p className="muted">Nothing shown in a chat.</p>;
  }
  const related = relation(content.kind, of);
  const mark = media(content);
  const html = content.text ?? content.caption;
  return (
    <div className="bubble tg-message">
      {related === null ? null : <div className="muted tg-meta">{related}</div>}
      {mark === null ? null : <div className="tg-media">{mark}{content.caption ? ", captioned:" : ""}</div>}
      {html === null ? null : <Body html={html} parseMode={content.parseMode} />}
      {content.buttons.length > 0 ? (
        <div className="tg-keyboard" role="group" aria-label="Buttons">
          {content.buttons.map((row, r) => (
            <div key={r} className="tg-row">
              {row.map((button, b) => <KeyboardButton key={b} button={button} />)}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
