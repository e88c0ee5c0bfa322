using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>
/// A traded symbol and its pip: the one place a pip is defined (the old system changed its definition over time and
/// its totals stopped adding up).
/// </summary>
public sealed record Instrument(string Symbol, decimal PipSize, int PriceDecimals)
{
    public static readonly Instrument XauUsd = new("XAU/USD", 0.10m, 2);
    public static readonly Instrument EurUsd = new("EUR/USD", 0.0001m, 5);
    public static readonly Instrument GbpUsd = new("GBP/USD", 0.0001m, 5);
    public static readonly Instrument UsdJpy = new("USD/JPY", 0.01m, 3);

    /// <summary>The symbol a tenant trades unless it chooses another.</summary>
    public static Instrument Default => XauUsd;

    public static IReadOnlyList<Instrument> All { get; } = [XauUsd, EurUsd, GbpUsd, UsdJpy];

    public static Instrument For(string symbol) =>
        All.FirstOrDefault(i => i.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainException($"Unknown instrument '{symbol}'. Known: {string.Join(", ", All.Select(i => i.Symbol))}.");

    public decimal ToPips(decimal priceDistance) => priceDistance / PipSize;

    /// <summary>A price computed in <c>double</c>, as stored and shown: a decimal at the instrument's precision.</summary>
    public decimal Price(double value) => Math.Round((decimal)value, PriceDecimals, MidpointRounding.AwayFromZero);
}
