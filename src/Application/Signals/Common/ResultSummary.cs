using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Application.Signals;

public sealed record ResultSummary(int Signals, int Wins, int Losses, double WinRate, decimal Pips, decimal AverageR);

public sealed record DayResult(DateOnly Day, ResultSummary Result);

public sealed record EquityPointDto(DateTimeOffset Time, decimal Pips);
