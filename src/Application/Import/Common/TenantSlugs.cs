using System.Text;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Import;

/// <summary>
/// PromoStack ids for the original's tenant ids. A valid slug is kept; any other is made one (lower case, runs of
/// other characters become one hyphen, a leading letter, 3 to 40 characters, not a reserved word): the original's
/// <c>tenant_3fa9c2d1</c> becomes <c>tenant-3fa9c2d1</c>. Two ids that would meet get a number.
/// </summary>
public static class TenantSlugs
{
    public static IReadOnlyDictionary<string, string> For(IEnumerable<string> sourceIds)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in sourceIds.Distinct(StringComparer.Ordinal).OrderBy(id => TenantSlug.Problem(id) is null ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal))
        {
            var slug = Candidate(id);
            var unique = slug;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{slug[..Math.Min(slug.Length, TenantSlug.MaxLength - 1 - n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)]}-{n}";
            }

            slugs[id] = unique;
        }

        return slugs;
    }

    private static string Candidate(string id)
    {
        if (TenantSlug.Problem(id) is null)
        {
            return id;
        }

        var text = new StringBuilder();
        foreach (var c in id.Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        if (slug.Length == 0 || !char.IsAsciiLetterLower(slug[0]))
        {
            slug = "t-" + slug;
        }

        slug = slug.Length > TenantSlug.MaxLength ? slug[..TenantSlug.MaxLength].TrimEnd('-') : slug;
        while (slug.Length < TenantSlug.MinLength)
        {
            slug += "-x";
        }

        return TenantSlug.Problem(slug) is null ? slug : slug + "-team";
    }
}
