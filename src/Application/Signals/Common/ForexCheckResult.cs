namespace PromoStack.Application.Signals;

public sealed record ForexCheckResult(string Outcome, string? Reason, DateTimeOffset CheckedAt, DateTimeOffset? Candle, SignalDto? Signal);
