using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Telegram;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The coupon bot's steps: take a code (only text that looks like one; chatter gets a hint, never a partner call),
/// check it, remember it for the chat in the database, show the templates in one album and one keyboard, pick a
/// size, render and send the image with the personal link. Every attempt is recorded in <c>bot_usage</c>. State
/// lives in PostgreSQL only (the remembered code, the renders), so any instance can take the next step, before or
/// after a restart. Replies go out through the outbox at interactive priority, at least once.
/// </summary>
public sealed class CouponConversation(
    IAppDbContext db, ITenantContext tenant, CouponCodeChecks checks, ICouponRenderer renderer, ICouponImageStore store, ITelegramOutbox outbox,
    BotReplies replies, TimeProvider clock)
{
    /// <summary>Templates per album and keyboard (an album holds at most 10 photos).</summary>
    public const int PageSize = SendStoredAlbum.MaxImages;

    public const int PreviewSide = 540;

    private const int ButtonTextMax = 48;

    /// <summary>Images (previews included) one chat may have made in a minute: three full pages of previews.</summary>
    public const int RendersPerMinute = 3 * PageSize;

    public async Task TakeCodeAsync(BotMessageContext context, string text, CancellationToken cancellationToken)
    {
        var settings = await db.CouponSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var pattern = settings?.Pattern() ?? CouponCodePattern.DefaultPattern;
        if (!pattern.TryMatch(text, out var code))
        {
            Record(context, new CouponAttempt(code, null, null, CouponErrorType.NotACode));
            await replies.ReplyAsync(context, CouponBotTexts.NotACode, cancellationToken);
            return;
        }

        if (settings is null)
        {
            Record(context, new CouponAttempt(code, null, null, CouponErrorType.PartnerUnavailable));
            await replies.ReplyAsync(context, CouponBotTexts.NotReady, cancellationToken);
            return;
        }

        if (await checks.OverLimitAsync(settings, context.ChatId, cancellationToken))
        {
            Record(context, new CouponAttempt(code, null, null, CouponErrorType.RateLimited));
            await replies.ReplyAsync(context, CouponBotTexts.SlowDown, cancellationToken);
            return;
        }

        var verdict = await checks.CheckAsync(settings, code, cancellationToken);
        Record(context, new CouponAttempt(code, null, null, verdict.Error, verdict.PartnerCalled));
        switch (verdict.Status)
        {
            case CodeStatus.Valid:
                context.User.RememberCouponCode(code);
                await ShowTemplatesAsync(context, code, 0, cancellationToken);
                break;
            case CodeStatus.Invalid:
                await replies.ReplyAsync(context, CouponBotTexts.Invalid(code), cancellationToken);
                break;
            default:
                await replies.ReplyAsync(context, CouponBotTexts.Unavailable, cancellationToken);
                break;
        }
    }

    /// <summary><c>/generate</c>: the templates again for the remembered code.</summary>
    public Task GenerateAsync(BotMessageContext context, CancellationToken cancellationToken) =>
        context.User.LastCouponCode is { } code
            ? ShowTemplatesAsync(context, code, 0, cancellationToken)
            : replies.ReplyAsync(context, CouponBotTexts.NeedCode, cancellationToken);

    /// <summary>
    /// One page of the templates offered on Telegram: previews (with the user's code on them) in one album, then one
    /// keyboard; a single template is one photo with its button. No templates is the tenant's failure, recorded.
    /// </summary>
    public async Task ShowTemplatesAsync(BotMessageContext context, string code, int page, CancellationToken cancellationToken)
    {
        var templates = await db.CouponTemplates.AsNoTracking().Where(t => t.TelegramEnabled)
            .OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        if (templates.Count == 0)
        {
            Record(context, new CouponAttempt(code, null, null, CouponErrorType.NoTemplates));
            await replies.ReplyAsync(context, CouponBotTexts.NoTemplates(code), cancellationToken);
            return;
        }

        if (await TooManyRendersAsync(context, code, cancellationToken))
        {
            return;
        }

        page = Math.Clamp(page, 0, (templates.Count - 1) / PageSize);
        var shown = templates.Skip(page * PageSize).Take(PageSize).ToList();
        var keyboard = new List<IReadOnlyList<InlineButton>>();
        for (var i = 0; i < shown.Count; i++)
        {
            keyboard.Add(CouponBotButtons.Row(new InlineButton(ButtonText(page * PageSize + i + 1, shown[i].Name), CallbackData: CouponBotButtons.Template(shown[i].Id))));
        }

        var navigation = new List<InlineButton>();
        if (page > 0)
        {
            navigation.Add(new InlineButton("‹ Previous", CallbackData: CouponBotButtons.Page(page - 1)));
        }

        if ((page + 1) * PageSize < templates.Count)
        {
            navigation.Add(new InlineButton("More ›", CallbackData: CouponBotButtons.Page(page + 1)));
        }

        if (navigation.Count > 0)
        {
            keyboard.Add(navigation);
        }

        var previews = await PreviewsAsync(context, shown, code, cancellationToken);
        var text = CouponBotTexts.PickTemplate(code);
        if (previews is [var single])
        {
            await SendAsync(context, "templates", new SendStoredImage(context.ChatId, single, text, keyboard), cancellationToken);
            return;
        }

        if (previews is { Count: >= SendStoredAlbum.MinImages })
        {
            await SendAsync(
                context, "album",
                new SendStoredAlbum(context.ChatId, [.. previews.Select((id, i) => new AlbumImage(id, $"{page * PageSize + i + 1}. {TelegramHtml.Escape(shown[i].Name)}"))]),
                cancellationToken);
        }

        await SendAsync(context, "templates", new SendText(context.ChatId, text, keyboard), cancellationToken);
    }

    /// <summary>A template chosen: its size picker, or the image straight away when it has one size.</summary>
    public async Task<string?> ChooseTemplateAsync(BotMessageContext context, int templateId, CouponSize? size, CancellationToken cancellationToken)
    {
        if (context.User.LastCouponCode is not { } code)
        {
            await replies.ReplyAsync(context, CouponBotTexts.NeedCode, cancellationToken);
            return null;
        }

        var template = await db.CouponTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId && t.TelegramEnabled, cancellationToken);
        var variant = size is { } chosen ? template?.Variant(chosen) : template?.Variants is [var only] ? only : null;
        if (template is null || (size is not null && variant is null))
        {
            Record(context, new CouponAttempt(code, template?.Slug, size, CouponErrorType.TemplateNotFound));
            await replies.ReplyAsync(context, CouponBotTexts.TemplateGone, cancellationToken);
            return null;
        }

        if (variant is null)
        {
            IReadOnlyList<IReadOnlyList<InlineButton>> sizes =
                [.. template.Variants.Select(v => CouponBotButtons.Row(new InlineButton(CouponSizes.Label(v.Size), CallbackData: CouponBotButtons.Size(template.Id, v.Size))))];
            await replies.ReplyAsync(context, CouponBotTexts.PickSize(template), sizes, cancellationToken);
            return null;
        }

        if (await TooManyRendersAsync(context, code, cancellationToken))
        {
            return null;
        }

        await MakeImageAsync(context, template, variant, code, cancellationToken);
        return CouponBotTexts.Making;
    }

    /// <summary>"Send as file": the lossless PNG of a render made for this chat (and no other).</summary>
    public async Task SendFileAsync(BotMessageContext context, long renderId, CancellationToken cancellationToken)
    {
        var exists = await db.CouponRenders.AnyAsync(r => r.Id == renderId && r.ChatId == context.ChatId && r.ContentType == "image/png", cancellationToken);
        if (!exists)
        {
            await replies.ReplyAsync(context, CouponBotTexts.FileExpired, cancellationToken);
            return;
        }

        await SendAsync(context, "file", new SendStoredImage(context.ChatId, renderId, AsDocument: true), cancellationToken);
    }

    public async Task CancelAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        context.User.ForgetCouponCode();
        await replies.ReplyAsync(context, CouponBotTexts.Cancelled, cancellationToken);
    }

    private async Task MakeImageAsync(BotMessageContext context, CouponTemplate template, CouponTemplateVariant variant, string code, CancellationToken cancellationToken)
    {
        byte[] png;
        try
        {
            png = await renderer.RenderPngAsync(CouponRenders.Request(tenant.RequiredTenantId, template, variant, code, store), cancellationToken);
        }
        catch (CouponRenderException)
        {
            Record(context, new CouponAttempt(code, template.Slug, variant.Size, CouponErrorType.RenderFailed));
            await replies.ReplyAsync(context, CouponBotTexts.RenderFailed, cancellationToken);
            return;
        }

        var render = CouponRender.Png(tenant.RequiredTenantId, context.ChatId, CouponRenders.FileName(template, variant.Size, code), png, clock.GetUtcNow());
        db.CouponRenders.Add(render);
        await db.SaveChangesAsync(cancellationToken);
        await SendAsync(
            context, "image",
            new SendStoredImage(
                context.ChatId, render.Id, CouponBotTexts.Caption(template, variant.Size, code),
                [CouponBotButtons.Row(new InlineButton(CouponBotTexts.SendAsFile, CallbackData: CouponBotButtons.File(render.Id)))]),
            cancellationToken);
        if (await db.CouponSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { LinkTemplate.Length: > 0 } settings)
        {
            await SendAsync(context, "link", new SendText(context.ChatId, CouponBotTexts.Link(settings.LinkFor(code))), cancellationToken);
        }

        Record(context, new CouponAttempt(code, template.Slug, variant.Size, null));
    }

    /// <summary>Previews of the page's templates as stored JPEGs; none when one cannot be made (the keyboard still goes).</summary>
    private async Task<IReadOnlyList<long>?> PreviewsAsync(
        BotMessageContext context, IReadOnlyList<CouponTemplate> templates, string code, CancellationToken cancellationToken)
    {
        var renders = new List<CouponRender>();
        try
        {
            foreach (var template in templates)
            {
                var variant = template.PreviewVariant;
                var jpeg = await renderer.RenderPreviewJpegAsync(
                    CouponRenders.Request(tenant.RequiredTenantId, template, variant, code, store), PreviewSide, cancellationToken);
                renders.Add(CouponRender.Jpeg(tenant.RequiredTenantId, context.ChatId, CouponRenders.FileName(template, variant.Size, code, "jpg"), jpeg, clock.GetUtcNow()));
            }
        }
        catch (CouponRenderException)
        {
            return null;
        }

        db.CouponRenders.AddRange(renders);
        await db.SaveChangesAsync(cancellationToken);
        return [.. renders.Select(r => r.Id)];
    }

    /// <summary>
    /// Rendering costs CPU: a chat that made <see cref="RendersPerMinute"/> images in the last minute (by tapping
    /// <c>/generate</c> or the pages again and again) is asked to slow down, and the refusal is recorded.
    /// </summary>
    private async Task<bool> TooManyRendersAsync(BotMessageContext context, string code, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddMinutes(-1);
        if (await db.CouponRenders.CountAsync(r => r.ChatId == context.ChatId && r.CreatedAt > since, cancellationToken) < RendersPerMinute)
        {
            return false;
        }

        Record(context, new CouponAttempt(code, null, null, CouponErrorType.RateLimited));
        await replies.ReplyAsync(context, CouponBotTexts.SlowDown, cancellationToken);
        return true;
    }

    private Task SendAsync(BotMessageContext context, string part, OutgoingMessage message, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            message,
            new OutboxOptions(context.Bot, $"coupon:{context.BotTelegramId}:{context.UpdateId}:{part}", $"coupon_{part}", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);

    private void Record(BotMessageContext context, CouponAttempt attempt) =>
        db.BotUsage.Add(BotUsage.InTelegram(tenant.RequiredTenantId, context.ChatId, attempt, clock.GetUtcNow()));

    private static string ButtonText(int number, string name) =>
        $"{number}. {TextCut.WithEllipsis(name, ButtonTextMax)}";
}
