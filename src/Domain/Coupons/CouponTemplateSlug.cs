using System.Text;
using System.Text.RegularExpressions;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// A template's slug: lower-case letters, digits and single hyphens, no hyphen at either end (never the original's
/// <c>10k-giveaway-</c>), unique per tenant. Derived from the name when not given.
/// </summary>
public static partial class CouponTemplateSlug
{
    public const int MaxLength = 60;

    [GeneratedRegex(@"\A[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Returns null when the slug is acceptable, otherwise the reason.</summary>
    public static string? Problem(string? slug) =>
        string.IsNullOrEmpty(slug) ? "A slug is required."
        : slug.Length > MaxLength ? $"A slug has at most {MaxLength} characters."
        : Pattern().IsMatch(slug) ? null
        : "A slug has only lower-case letters, digits and single hyphens between them (no hyphen at either end).";

    /// <summary><c>"Black Friday: 20 % off!"</c> → <c>black-friday-20-off</c>; accents are dropped, not kept as hyphens.</summary>
    public static string Derive(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                     && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }
}
