using System.Text.RegularExpressions;

namespace PromoStack.Domain.Tenants;

/// <summary>
/// A tenant's id is its slug (e.g. <c>entrylab</c>): it appears in URLs (<c>/api/public/{tenant}</c>,
/// <c>/api/stripe/webhook/{tenant}</c>) so it is lowercase, URL-safe and never one of the reserved words.
/// </summary>
public static partial class TenantSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private static readonly HashSet<string> Reserved =
    [
        "admin", "api", "app", "docs", "health", "openapi", "platform", "public", "promostack", "static", "www",
        "system", "root", "null", "undefined",
    ];

    [GeneratedRegex(@"\A[a-z][a-z0-9]*(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Returns null when the slug is acceptable, otherwise the reason it is not.</summary>
    public static string? Problem(string? slug)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return "A slug is required.";
        }

        if (slug.Length is < MinLength or > MaxLength)
        {
            return $"A slug has {MinLength} to {MaxLength} characters.";
        }

        if (!Pattern().IsMatch(slug))
        {
            return "A slug starts with a letter and has only lowercase letters, digits and single hyphens between them.";
        }

        return Reserved.Contains(slug) ? $"'{slug}' is reserved." : null;
    }
}
