using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>
/// How a signal is taken off: the percentage closed at each target (the last target reached closes whatever is
/// left), and where the stop goes after TP1 and TP2.
/// </summary>
public sealed record ExitPlan(int Tp1Percent, int Tp2Percent, int Tp3Percent, bool BreakevenAfterTp1 = true, bool TrailToTp1AfterTp2 = true)
{
    public static ExitPlan Default { get; } = new(50, 30, 20);

    public ExitPlan Validated()
    {
        if (Tp1Percent < 0 || Tp2Percent < 0 || Tp3Percent < 0 || Tp1Percent + Tp2Percent + Tp3Percent != 100)
        {
            throw new DomainException("The partial closes must be non-negative percentages that add up to 100.");
        }

        return this;
    }

    /// <summary>Stored as <c>50/30/20</c>.</summary>
    public string Partials => $"{Tp1Percent}/{Tp2Percent}/{Tp3Percent}";

    /// <summary>The fraction closed at target <paramref name="level"/>, given how many targets the signal has.</summary>
    public decimal FractionAt(int level, int targets) =>
        level == targets ? 1m - ClosedBefore(level) : level switch { 1 => Tp1Percent, 2 => Tp2Percent, _ => Tp3Percent } / 100m;

    /// <summary>The fraction already closed once targets 1..<paramref name="level"/>−1 were hit.</summary>
    public decimal ClosedBefore(int level) => level switch
    {
        <= 1 => 0m,
        2 => Tp1Percent / 100m,
        _ => (Tp1Percent + Tp2Percent) / 100m,
    };

    public static ExitPlan Parse(string partials, bool breakevenAfterTp1 = true, bool trailToTp1AfterTp2 = true)
    {
        var parts = partials.Split('/');
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, out _)))
        {
            throw new DomainException($"Partial closes are written like 50/30/20, not '{partials}'.");
        }

        return new ExitPlan(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]), breakevenAfterTp1, trailToTp1AfterTp2).Validated();
    }
}
