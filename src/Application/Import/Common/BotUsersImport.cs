using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Import;

/// <summary>
/// Bot users (with the coupon code each last used) and the coupon bot's usage. The original's usage error types
/// become this product's: <c>invalid_coupon</c> → <c>invalid_code</c>, <c>validation_error</c> →
/// <c>partner_unavailable</c> (the partner could not be asked), <c>templates_error</c> → <c>no_templates</c>,
/// <c>template_not_found</c> and <c>no_variants</c> → <c>template_not_found</c>, <c>image_url_missing</c> and
/// <c>generation_failed</c> → <c>render_failed</c>.
/// </summary>
internal static class BotUsersImport
{
    public static async Task RunAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        var chats = session.Merge ? (await session.Db.BotUsers.AsNoTracking().Select(u => u.ChatId).ToListAsync(cancellationToken)).ToHashSet() : [];
        await foreach (var row in session.RowsAsync("bot_users", "bot_users", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("chat_id") ?? "?";
            if (chats.Contains(row.Long("chat_id") ?? 0))
            {
                session.AlreadyHere(row, "bot_users", "this chat");
                continue;
            }

            try
            {
                var first = row.Time("first_used") ?? session.Now;
                var user = BotUser.FirstSeen(session.TenantId, row.Long("chat_id") ?? throw new SourceFormatException("No chat id."),
                    row.Text("username"), row.Text("first_name"), row.Text("last_name"), first);
                if (row.Time("last_used") is { } last && last > first)
                {
                    user.Seen(row.Text("username"), row.Text("first_name"), row.Text("last_name"), last);
                }

                if (row.Text("last_coupon_code") is { Length: > 0 } code)
                {
                    user.RememberCouponCode(TextCut.AtMost(code.Trim().ToUpperInvariant(), BotUsage.CodeMaxLength));
                }

                await session.AddAsync(row, key, user, "bot_users", u => u.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "bot_users", exception.Message);
            }
        }

        await foreach (var row in session.RowsAsync("bot_usage", "bot_usage", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            try
            {
                var success = row.Bool("success") ?? throw new SourceFormatException("No success flag.");
                CouponErrorType? error = success ? null : Error(row.Text("error_type"));
                var code = row.Text("coupon_code");
                var attempt = new CouponAttempt(
                    code is null ? null : TextCut.AtMost(code, BotUsage.CodeMaxLength), row.Text("template_slug") is { } slug ? TextCut.AtMost(slug, 100) : null, null, error);
                var usage = BotUsage.InTelegram(session.TenantId, row.Long("chat_id") ?? throw new SourceFormatException("No chat id."), attempt, row.Time("created_at") ?? session.Now);
                await session.AddAsync(row, key, usage, "bot_usage", u => u.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "bot_usage", exception.Message);
            }
        }
    }

    private static CouponErrorType Error(string? type) => type switch
    {
        "invalid_coupon" => CouponErrorType.InvalidCode,
        "validation_error" => CouponErrorType.PartnerUnavailable,
        "templates_error" => CouponErrorType.NoTemplates,
        "template_not_found" or "no_variants" => CouponErrorType.TemplateNotFound,
        "image_url_missing" or "generation_failed" => CouponErrorType.RenderFailed,
        _ => throw new SourceFormatException($"Unknown error type '{type}'."),
    };
}
