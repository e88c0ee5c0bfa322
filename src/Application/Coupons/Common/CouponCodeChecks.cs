using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Decides whether a code (already normalised and matching the tenant's pattern) is valid, the way the tenant set:
/// any code of the pattern, the uploaded list, or the partner's API — answers shared by every instance through the
/// check cache (valid 10 min, invalid 1 min, no answer never cached; two checks of one code at once both record). A partner that does not answer is never
/// reported as "invalid".
/// </summary>
public sealed class CouponCodeChecks(IAppDbContext db, ITenantContext tenant, IPartnerCodeChecker partner, ICouponCodeCheckCache cache, TimeProvider clock)
{
    public async Task<CodeVerdict> CheckAsync(CouponSettings settings, string code, CancellationToken cancellationToken)
    {
        switch (settings.Validation)
        {
            case CodeValidation.Pattern:
                return new CodeVerdict(CodeStatus.Valid, PartnerCalled: false);
            case CodeValidation.CodeList:
                return new CodeVerdict(
                    await db.CouponCodes.AnyAsync(c => c.Code == code, cancellationToken) ? CodeStatus.Valid : CodeStatus.Invalid, PartnerCalled: false);
        }

        var now = clock.GetUtcNow();
        var cached = await db.CouponCodeChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (cached is not null && cached.IsFresh(now))
        {
            return new CodeVerdict(cached.Valid ? CodeStatus.Valid : CodeStatus.Invalid, PartnerCalled: false);
        }

        var answer = await partner.CheckAsync(settings.Partner!, code, cancellationToken);
        if (answer is PartnerAnswer.Valid or PartnerAnswer.Invalid)
        {
            await cache.RecordAsync(CouponCodeCheck.Answered(tenant.RequiredTenantId, code, answer == PartnerAnswer.Valid, clock.GetUtcNow()), cancellationToken);
        }

        return new CodeVerdict(
            answer switch
            {
                PartnerAnswer.Valid => CodeStatus.Valid,
                PartnerAnswer.Invalid => CodeStatus.Invalid,
                PartnerAnswer.TimedOut => CodeStatus.TimedOut,
                _ => CodeStatus.Unavailable,
            },
            PartnerCalled: true);
    }

    /// <summary>
    /// Whether a Telegram user asked for more checks in the last minute than the tenant allows (texts that were no
    /// code and checks refused for the limit do not count).
    /// </summary>
    public async Task<bool> OverLimitAsync(CouponSettings settings, long chatId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddMinutes(-1);
        var notCounted = new[] { CouponErrorTypes.Name(CouponErrorType.NotACode), CouponErrorTypes.Name(CouponErrorType.RateLimited) };
        var recent = await db.BotUsage.CountAsync(
            u => u.ChatId == chatId && u.TemplateSlug == null && u.CreatedAt > since && (u.ErrorType == null || !notCounted.Contains(u.ErrorType)),
            cancellationToken);
        return recent >= settings.ChecksPerMinute;
    }
}

/// <summary>The outcome of a check, and whether the partner was asked (for the usage record).</summary>
public sealed record CodeVerdict(CodeStatus Status, bool PartnerCalled)
{
    /// <summary>The usage record's error type for this outcome (null when valid).</summary>
    public CouponErrorType? Error => Status switch
    {
        CodeStatus.Valid => null,
        CodeStatus.Invalid => CouponErrorType.InvalidCode,
        CodeStatus.TimedOut => CouponErrorType.PartnerTimeout,
        _ => CouponErrorType.PartnerUnavailable,
    };
}

/// <summary>Valid, invalid, or not checked (the partner was down or too slow).</summary>
public enum CodeStatus
{
    Valid,
    Invalid,
    Unavailable,
    TimedOut,
}
