import type { ReactNode } from "react";

/** The tags Telegram's HTML parse mode knows; anything else is shown as its text. */
const allowed = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "blockquote", "tg-spoiler", "span"]);

export function safeHref(href: string | null): string | undefined {
  if (href === null) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" || url.protocol === "tg:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function render(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) {
    return node.textContent;
  }
  if (!(node instanceof Element)) {
    return null;
  }
  const children = Array.from(node.childNodes).map(render);
  const tag = node.tagName.toLowerCase();
  if (!allowed.has(tag)) {
    return <span key={key}>{children}</span>;
  }
  switch (tag) {
    case "b":
    case "strong":
      return <strong key={key}>{children}</strong>;
    case "i":
    case "em":
      return <em key={key}>{children}</em>;
    case "u":
    case "ins":
      return <u key={key}>{children}</u>;
    case "s":
    case "strike":
    case "del":
      return <s key={key}>{children}</s>;
    case "code":
      return <code key={key}>{children}</code>;
    case "pre":
      return <pre key={key}>{children}</pre>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "a": {
      const href = safeHref(node.getAttribute("href"));
      return href === undefined ? <span key={key}>{children}</span> : <a key={key} href={href} target="_blank" rel="noopener noreferrer">{children}</a>;
    }
    default:
      return <span key={key}>{children}</span>;
  }
}

/**
 * A bot message's Telegram HTML as React elements: the parse mode's tags kept, anything else reduced to its text, links
 * only to http(s) and tg: — never injected as HTML, since the text carries users' names and answers.
 */
export function TelegramHtml({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return <>{Array.from(doc.body.childNodes).map(render)}</>;
}
