using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Application.Signals;

public sealed record ForexCheckResult(string Outcome, string? Reason, DateTimeOffset CheckedAt, DateTimeOffset? Candle, SignalDto? Signal);
