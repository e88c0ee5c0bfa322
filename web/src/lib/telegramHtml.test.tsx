// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { TelegramHtml } from "./telegramHtml";

const html = (value: string) => renderToStaticMarkup(<TelegramHtml html={value} />);

describe("TelegramHtml", () => {
  it("keeps Telegram's formatting", () => {
    expect(html("<b>Hi</b> <i>there</i> <code>X</code>")).toBe("<strong>Hi</strong> <em>there</em> <code>X</code>");
  });

  it("never lets a script, handler or javascript: link through", () => {
    const out = html(`<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">go</a><b onclick="x()">b</b>`);
    expect(out).not.toMatch(/onerror|onclick|<script|javascript:|<img/);
    expect(out).toContain("go");
  });

  it("keeps safe links, opening outside the app", () => {
    expect(html(`<a href="https://t.me/x">join</a>`)).toBe(`<a href="https://t.me/x" target="_blank" rel="noopener noreferrer">join</a>`);
  });

  it("shows escaped text as text", () => {
    expect(html("a &lt;b&gt; c")).toBe("a &lt;b&gt; c");
  });
});
