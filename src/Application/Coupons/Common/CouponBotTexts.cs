using PromoStack.Application.Telegram;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>What the coupon bot says (Telegram HTML; every user-provided or admin-provided part escaped).</summary>
public static class CouponBotTexts
{
    public const string Welcome =
        "👋 <b>Welcome!</b> Send me your discount code and I will make your promo images with it.\n\nExample: <code>SAVE20</code>";

    public const string NotACode = "That does not look like a code. Send just the code, e.g. <code>SAVE20</code> — or /help.";

    public const string Unavailable = "⏳ I can't check codes right now. Please try again in a minute.";

    public const string NotReady = "⏳ This bot is not ready yet. Please try again later.";

    public const string SlowDown = "✋ Slow down: that is a lot of codes in a minute. Wait a moment, then try again.";

    public const string NeedCode = "Send me your code first (e.g. <code>SAVE20</code>).";

    public const string TemplateGone = "That template is no longer available. Send /generate to see the current ones.";

    public const string RenderFailed = "⚠️ I couldn't make that image. Please try again in a moment.";

    public const string FileExpired = "That image has expired. Tap a template again to make a new one.";

    public const string Cancelled = "Done: I have forgotten your code. Send a new one any time.";

    public const string Help =
        "<b>How it works</b>\n1. Send your discount code.\n2. Pick a template (and a size).\n3. Get your image and your personal link.\n\n"
        + "/generate — templates for your last code\n/cancel — forget your code\n/help — this message";

    public const string SendAsFile = "📎 Send as PNG file";

    public const string Making = "Making your image…";

    public static string Invalid(string code) => $"❌ <b>{TelegramHtml.Escape(code)}</b> is not a valid code. Check it and send it again.";

    public static string PickTemplate(string code) => $"✅ <b>{TelegramHtml.Escape(code)}</b> is valid. Pick a template:";

    public static string NoTemplates(string code) =>
        $"✅ <b>{TelegramHtml.Escape(code)}</b> is valid, but there are no templates yet. Please try again later.";

    public static string PickSize(CouponTemplate template) => $"<b>{TelegramHtml.Escape(template.Name)}</b>: pick a size.";

    public static string Caption(CouponTemplate template, CouponSize size, string code) =>
        $"<b>{TelegramHtml.Escape(template.Name)}</b> · {CouponSizes.Label(size)}\nCode: <code>{TelegramHtml.Escape(code)}</code>";

    public static string Link(string url) =>
        $"🔗 Your personal link:\n<a href=\"{TelegramHtml.Escape(url)}\">{TelegramHtml.Escape(url)}</a>\n\n/generate — another image · /help";
}
