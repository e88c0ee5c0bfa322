namespace PromoStack.Domain.Coupons;

/// <summary>
/// Why an attempt failed, stored in <c>bot_usage.error_type</c>. The first four are the user's doing (a mistake or
/// too many tries); the rest are failures of the partner or of the tenant's setup, which alerts and analytics count
/// apart.
/// </summary>
public enum CouponErrorType
{
    InvalidCode,
    NotACode,
    RateLimited,
    TemplateNotFound,
    PartnerUnavailable,
    PartnerTimeout,
    NoTemplates,
    RenderFailed,
}

/// <summary>The stored names of <see cref="CouponErrorType"/> and which side each is on.</summary>
public static class CouponErrorTypes
{
    public static string Name(CouponErrorType type) => type switch
    {
        CouponErrorType.InvalidCode => "invalid_code",
        CouponErrorType.NotACode => "not_a_code",
        CouponErrorType.RateLimited => "rate_limited",
        CouponErrorType.TemplateNotFound => "template_not_found",
        CouponErrorType.PartnerUnavailable => "partner_unavailable",
        CouponErrorType.PartnerTimeout => "partner_timeout",
        CouponErrorType.NoTemplates => "no_templates",
        _ => "render_failed",
    };

    public static readonly IReadOnlyList<string> Names = Enum.GetValues<CouponErrorType>().Select(Name).ToList();

    public static CouponErrorType? Parse(string? name) =>
        Enum.GetValues<CouponErrorType>().Cast<CouponErrorType?>().FirstOrDefault(t => Name(t!.Value) == name);

    /// <summary>The user's doing (a mistyped code, chatter, too many tries, a template removed under them), not a system failure.</summary>
    public static bool IsUserMistake(CouponErrorType type) =>
        type is CouponErrorType.InvalidCode or CouponErrorType.NotACode or CouponErrorType.RateLimited or CouponErrorType.TemplateNotFound;
}
