// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { components } from "../api/schema";
import { TelegramMessage } from "./TelegramMessage";

type Content = components["schemas"]["MessageContentDto"];

const content = (overrides: Partial<Content>): Content => ({ kind: "text", text: null, caption: null, parseMode: "HTML", buttons: [], images: 0, ...overrides });
const render = (value: Content | null, of: number | null = null) => renderToStaticMarkup(<TelegramMessage content={value} of={of} />);

describe("TelegramMessage", () => {
  it("renders an HTML text through the safe renderer", () => {
    const out = render(content({ text: `<b>BUY</b> gold <img src=x onerror="alert(1)">` }));
    expect(out).toContain("<strong>BUY</strong> gold");
    expect(out).not.toMatch(/onerror|<img/);
  });

  it("shows a plain text as it is, tags included", () => {
    expect(render(content({ text: "<b>not bold</b>", parseMode: null }))).toContain("&lt;b&gt;not bold&lt;/b&gt;");
  });

  it("lays out the keyboard row by row, URL buttons as links and callback buttons with their data", () => {
    const out = render(content({
      text: "Pick",
      buttons: [[{ text: "Join", url: "https://t.me/x", callbackData: null }], [{ text: "Yes", url: null, callbackData: "a:1" }, { text: "No", url: "javascript:alert(1)", callbackData: null }]],
    }));
    expect(out.match(/class="tg-row"/g)).toHaveLength(2);
    expect(out).toContain(`href="https://t.me/x"`);
    expect(out).toContain("sends “a:1”");
    expect(out).not.toContain("javascript:");
  });

  it("says a photo is a photo and shows its caption", () => {
    const out = render(content({ kind: "photo", caption: "Chart of <i>today</i>", images: 1 }));
    expect(out).toContain("📷 Photo, captioned:");
    expect(out).toContain("<em>today</em>");
  });

  it("names the message a reply answers, and withholds a person's message", () => {
    expect(render(content({ kind: "reply", text: "TP1 hit" }), 12)).toContain("Reply to message #12");
    expect(render(null)).toContain("only admins see it");
  });
});
