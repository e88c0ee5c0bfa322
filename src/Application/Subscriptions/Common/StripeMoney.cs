using System.Globalization;

namespace PromoStack.Application.Subscriptions;

/// <summary>Stripe amounts (minor units) as people read them.</summary>
internal static class StripeMoney
{
    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    public static string Format(long minorUnits, string currency)
    {
        var code = currency.ToLowerInvariant();
        var amount = ZeroDecimal.Contains(code)
            ? minorUnits.ToString("N0", CultureInfo.InvariantCulture)
            : (minorUnits / 100m).ToString("N2", CultureInfo.InvariantCulture);
        return code switch
        {
            "usd" => $"${amount}",
            "eur" => $"€{amount}",
            "gbp" => $"£{amount}",
            _ => $"{amount} {code.ToUpperInvariant()}",
        };
    }

    /// <summary><c>/month</c>, <c>/3 months</c>, or <c> once</c> for a one-time price.</summary>
    public static string Per(string? interval, int? count) => interval is null
        ? " once"
        : count is > 1 ? $" / {count} {interval}s" : $"/{interval}";
}
