using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

internal static class SignalView
{
    public static SignalDto Of(ForexSignal s) => new(
        s.Id, s.Symbol, s.Strategy, s.Direction, s.Timeframe, s.Status, s.Source, s.EntryPrice, s.StopLoss, s.CurrentStop, s.TakeProfit1, s.TakeProfit2,
        s.TakeProfit3, s.TargetsHit, s.ExitPrice, s.ResultPips, s.ResultR, s.CloseReason, s.Partials, s.TelegramMessageId, s.CreatedAt, s.ClosedAt);
}
