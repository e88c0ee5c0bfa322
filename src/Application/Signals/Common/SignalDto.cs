using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

public sealed record SignalDto(
    int Id, string Symbol, string Strategy, SignalDirection Direction, string Timeframe, SignalStatus Status, SignalSource Source,
    decimal EntryPrice, decimal StopLoss, decimal CurrentStop, decimal? TakeProfit1, decimal? TakeProfit2, decimal? TakeProfit3, int TargetsHit,
    decimal? ExitPrice, decimal? ResultPips, decimal? ResultR, SignalCloseReason? CloseReason, string Partials, int? TelegramMessageId,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, decimal? OriginalResultPips);

/// <summary>A signal, the indicator values it was opened on, and the messages posted for it, oldest first.</summary>
public sealed record SignalDetailDto(SignalDto Signal, string IndicatorsUsed, IReadOnlyList<SignalPostDto> Posts);
