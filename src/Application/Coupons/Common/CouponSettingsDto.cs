using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The tenant's coupon settings as the admin app shows them. The partner's API key header is never returned: only
/// whether one is stored and its masked hint.
/// </summary>
/// <param name="Saved">False until the settings are first saved; the values are then the defaults.</param>
public sealed record CouponSettingsDto(
    bool Saved, CodeValidation Validation, string CodePattern, PartnerApiDto? Partner, string LinkTemplate, int ChecksPerMinute, DateTimeOffset? UpdatedAt)
{
    public const int DefaultChecksPerMinute = 5;

    /// <summary>
    /// What a tenant that has saved nothing sees. Validation defaults to the code list, which is empty, so nothing is
    /// valid until the admin decides: partner validation cannot run without the partner's URL, and pattern validation
    /// would accept any text shaped like a code — a tenant that never chose it would have the bot hand out images for
    /// made-up codes. The link template is empty (to be filled in) and the pattern is the default.
    /// </summary>
    public static CouponSettingsDto Defaults { get; } =
        new(false, CodeValidation.CodeList, CouponCodePattern.Default, null, string.Empty, DefaultChecksPerMinute, null);

    public static CouponSettingsDto From(CouponSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new CouponSettingsDto(
            true, settings.Validation, settings.CodePattern, settings.Partner is { } partner ? PartnerApiDto.From(partner) : null, settings.LinkTemplate,
            settings.ChecksPerMinute, settings.UpdatedAt);
    }
}

/// <param name="HeaderValueSet">Whether an API key header value is stored (encrypted); the value itself is never shown.</param>
/// <param name="HeaderValueHint">The stored value masked (e.g. <c>…wxyz</c>), to recognise it.</param>
public sealed record PartnerApiDto(
    string UrlTemplate, string? HeaderName, bool HeaderValueSet, string? HeaderValueHint, IReadOnlyList<int> ValidStatuses, IReadOnlyList<int> InvalidStatuses,
    int TimeoutMs, int Attempts)
{
    public static PartnerApiDto From(PartnerApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new PartnerApiDto(
            api.UrlTemplate, api.HeaderName, api.EncryptedHeaderValue is not null, api.HeaderValueHint, api.ValidStatuses, api.InvalidStatuses, api.TimeoutMs,
            api.Attempts);
    }
}
