using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>
/// The last signal check of a tenant: when, on which candle, and what came of it (a signal, or why none). One row per
/// tenant; a candle is checked once, however many instances tick.
/// </summary>
public sealed class ForexCheckState : ITenantOwned
{
    private ForexCheckState(string tenantId) => TenantId = tenantId;

    public string TenantId { get; private set; }
    public DateTimeOffset CheckedAt { get; private set; }
    public DateTimeOffset? LastCandleAt { get; private set; }
    public string Outcome { get; private set; } = "none";
    public string? Reason { get; private set; }
    public int? SignalId { get; private set; }

    public static ForexCheckState For(string tenantId) => new(tenantId);

    public void Record(DateTimeOffset checkedAt, DateTimeOffset? candle, string outcome, string? reason, int? signalId = null)
    {
        CheckedAt = checkedAt;
        LastCandleAt = candle ?? LastCandleAt;
        Outcome = Guard.NotBlank(outcome, "Outcome", 32);
        Reason = reason is null ? null : TextCut.AtMost(reason, 500);
        SignalId = signalId;
    }
}
