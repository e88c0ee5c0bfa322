using System.Text.RegularExpressions;
using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>Colours as <c>#RRGGBB</c> (upper case); <c>#RGB</c> is accepted and expanded.</summary>
public static partial class HexColor
{
    [GeneratedRegex(@"\A#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    public static string Normalise(string? value, string name)
    {
        if (!IsValid(value))
        {
            throw new DomainException($"{name} is a colour like #FFFFFF.");
        }

        var hex = value!.Trim()[1..].ToUpperInvariant();
        return hex.Length == 3 ? $"#{hex[0]}{hex[0]}{hex[1]}{hex[1]}{hex[2]}{hex[2]}" : $"#{hex}";
    }
}
