using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>Stored as <c>partner</c>, <c>code_list</c>, <c>pattern</c>: how a code is judged valid.</summary>
public enum CodeValidation
{
    /// <summary>The partner's HTTP API answers for each code.</summary>
    Partner,

    /// <summary>A list of valid codes the tenant uploaded (CSV).</summary>
    CodeList,

    /// <summary>Any code matching the pattern (no partner; e.g. the demo, or a partner without an API).</summary>
    Pattern,
}

/// <summary>
/// A tenant's coupon settings: what text is a code, how a code is validated, the personal link affiliates get, and
/// how many checks a user may ask for per minute.
/// </summary>
public sealed class CouponSettings : ITenantOwned
{
    public const int LinkTemplateMaxLength = 500;
    public const string CodePlaceholder = "{code}";

    private CouponSettings(string tenantId, DateTimeOffset updatedAt)
    {
        TenantId = tenantId;
        CodePattern = CouponCodePattern.Default;
        LinkTemplate = string.Empty;
        UpdatedAt = updatedAt;
    }

    public string TenantId { get; private set; }
    public CodeValidation Validation { get; private set; }
    public string CodePattern { get; private set; }

    /// <summary>The partner's API (for <see cref="CodeValidation.Partner"/>); its header value is encrypted.</summary>
    public PartnerApi? Partner { get; private set; }

    /// <summary>The personal link, e.g. <c>https://partner.example/buy?promo={code}</c> (the code URL-encoded).</summary>
    public string LinkTemplate { get; private set; }

    public int ChecksPerMinute { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static CouponSettings Create(string tenantId, CouponSettingsValues values, DateTimeOffset now)
    {
        var settings = new CouponSettings(tenantId, now);
        settings.Change(values, now);
        return settings;
    }

    public void Change(CouponSettingsValues values, DateTimeOffset now)
    {
        if (CouponCodePattern.Problem(values.CodePattern) is { } problem)
        {
            throw new DomainException(problem);
        }

        if (values.Validation == CodeValidation.Partner && values.Partner is null)
        {
            throw new DomainException("Partner validation needs the partner's API.");
        }

        if (LinkProblem(values.LinkTemplate) is { } linkProblem)
        {
            throw new DomainException(linkProblem);
        }

        if (values.ChecksPerMinute is < 1 or > 60)
        {
            throw new DomainException("Checks per minute are 1 to 60.");
        }

        Validation = values.Validation;
        CodePattern = values.CodePattern;
        Partner = values.Partner;
        LinkTemplate = values.LinkTemplate;
        ChecksPerMinute = values.ChecksPerMinute;
        UpdatedAt = now;
    }

    /// <summary>The affiliate's personal link: the template with the code URL-encoded in place of <c>{code}</c>.</summary>
    public string LinkFor(string code) => LinkTemplate.Replace(CodePlaceholder, Uri.EscapeDataString(code), StringComparison.Ordinal);

    public CouponCodePattern Pattern() => CouponCodePattern.Parse(CodePattern);

    /// <summary>Returns null when the link template is an absolute https URL with <c>{code}</c>, else the reason.</summary>
    public static string? LinkProblem(string? template)
    {
        if (string.IsNullOrWhiteSpace(template) || template.Length > LinkTemplateMaxLength || !template.Contains(CodePlaceholder, StringComparison.Ordinal))
        {
            return $"The link template is a URL of at most {LinkTemplateMaxLength} characters with {CodePlaceholder} where the code goes.";
        }

        return ExampleUrl(template) is null ? "The link template is an absolute http(s) URL." : null;
    }

    /// <summary>
    /// The URL a template (a link or the partner's API) makes with a sample code in place of <c>{code}</c>, or null
    /// when it is no absolute http(s) URL with <c>{code}</c> of at most <see cref="LinkTemplateMaxLength"/> characters.
    /// </summary>
    public static Uri? ExampleUrl(string? template) =>
        template is { Length: > 0 and <= LinkTemplateMaxLength }
        && template.Contains(CodePlaceholder, StringComparison.Ordinal)
        && Uri.TryCreate(template.Replace(CodePlaceholder, "CODE", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
            ? uri
            : null;
}

/// <summary>The values an admin sets (validated by <see cref="CouponSettings.Change"/>).</summary>
public sealed record CouponSettingsValues(CodeValidation Validation, string CodePattern, PartnerApi? Partner, string LinkTemplate, int ChecksPerMinute);

/// <summary>
/// The partner's code-check API: a URL template with <c>{code}</c> (fixed query parameters such as a product id
/// written into it), an optional header carrying an API key (encrypted; <see cref="HeaderValueHint"/> is its masked
/// form), which statuses mean valid and which invalid (anything else — 429, 5xx, timeouts — means unavailable), and
/// the per-attempt timeout and attempts, bounded so a check ends well within Telegram's patience.
/// </summary>
public sealed record PartnerApi
{
    public const int MaxTimeoutMs = 10_000;
    public const int MaxAttempts = 3;

    /// <summary>All attempts' timeouts together: the affiliate is waiting for the answer.</summary>
    public const int MaxTotalMs = 15_000;

    public PartnerApi(
        string urlTemplate, string? headerName, string? encryptedHeaderValue, string? headerValueHint,
        IReadOnlyList<int> validStatuses, IReadOnlyList<int> invalidStatuses, int timeoutMs, int attempts)
    {
        if (CouponSettings.ExampleUrl(urlTemplate) is null)
        {
            throw new DomainException("The partner URL is an absolute http(s) URL with {code} where the code goes.");
        }

        if (validStatuses.Count == 0 || validStatuses.Concat(invalidStatuses).Any(s => s is < 100 or > 599) || validStatuses.Intersect(invalidStatuses).Any())
        {
            throw new DomainException("Valid and invalid statuses are HTTP statuses (100–599), at least one valid, none in both lists.");
        }

        if (timeoutMs is < 500 or > MaxTimeoutMs || attempts is < 1 or > MaxAttempts || (long)timeoutMs * attempts > MaxTotalMs)
        {
            throw new DomainException($"A check has a timeout of 500 to {MaxTimeoutMs} ms per attempt and 1 to {MaxAttempts} attempts, 15 s at most in all.");
        }

        if ((headerName is null) != (encryptedHeaderValue is null))
        {
            throw new DomainException("An API key header has a name and a value.");
        }

        UrlTemplate = urlTemplate;
        HeaderName = headerName;
        EncryptedHeaderValue = encryptedHeaderValue;
        HeaderValueHint = headerValueHint;
        ValidStatuses = [.. validStatuses.Distinct().Order()];
        InvalidStatuses = [.. invalidStatuses.Distinct().Order()];
        TimeoutMs = timeoutMs;
        Attempts = attempts;
    }

    public static readonly IReadOnlyList<int> DefaultValidStatuses = [200, 201, 202, 203, 204];
    public static readonly IReadOnlyList<int> DefaultInvalidStatuses = [400, 404, 422];
    public const int DefaultTimeoutMs = 4000;
    public const int DefaultAttempts = 2;

    public string UrlTemplate { get; }
    public string? HeaderName { get; }
    public string? EncryptedHeaderValue { get; }
    public string? HeaderValueHint { get; }
    public IReadOnlyList<int> ValidStatuses { get; }
    public IReadOnlyList<int> InvalidStatuses { get; }
    public int TimeoutMs { get; }
    public int Attempts { get; }

    /// <summary>The check's URL for a code (URL-encoded).</summary>
    public Uri UrlFor(string code) => new(UrlTemplate.Replace(CouponSettings.CodePlaceholder, Uri.EscapeDataString(code), StringComparison.Ordinal));
}
