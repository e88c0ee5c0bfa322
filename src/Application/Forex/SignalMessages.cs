using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Forex;

public sealed record SignalDto(
    int Id, string Symbol, string Strategy, SignalDirection Direction, string Timeframe, SignalStatus Status, SignalSource Source,
    decimal EntryPrice, decimal StopLoss, decimal CurrentStop, decimal? TakeProfit1, decimal? TakeProfit2, decimal? TakeProfit3, int TargetsHit,
    decimal? ExitPrice, decimal? ResultPips, decimal? ResultR, SignalCloseReason? CloseReason, string Partials, int? TelegramMessageId,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

public sealed record SignalDetailDto(SignalDto Signal, string IndicatorsUsed);

public sealed record SignalPage(IReadOnlyList<SignalDto> Items, int Total, int Page, int PageSize);

/// <summary>The tenant's signals, newest first; demo signals only when asked for.</summary>
public sealed record ListSignals(
    SignalStatus? Status = null, SignalDirection? Direction = null, string? Strategy = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    bool IncludeDemo = false, int Page = 1, int PageSize = 50) : ITenantQuery<SignalPage>;

public sealed record GetSignal(int Id) : ITenantQuery<SignalDetailDto>;

/// <summary>Closes an open signal at <see cref="Price"/> (the market price when omitted).</summary>
public sealed record CloseSignal(int Id, decimal? Price) : ITenantCommand<SignalDto>;

internal sealed class ListSignalsValidator : AbstractValidator<ListSignals>
{
    public ListSignalsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Direction).IsInEnum();
        RuleFor(q => q.Strategy).Must(s => s is null || ForexSettings.Strategies.Contains(s) || s == "manual")
            .WithMessage($"Must be one of {string.Join(", ", ForexSettings.Strategies)}, manual.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("Must be after 'from'.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

internal sealed class CloseSignalValidator : AbstractValidator<CloseSignal>
{
    public CloseSignalValidator() => RuleFor(c => c.Price).GreaterThan(0).When(c => c.Price is not null);
}

internal sealed class ListSignalsHandler(IAppDbContext db) : IQueryHandler<ListSignals, SignalPage>
{
    public async ValueTask<SignalPage> Handle(ListSignals query, CancellationToken cancellationToken)
    {
        var signals = db.ForexSignals.AsNoTracking();
        if (!query.IncludeDemo)
        {
            signals = signals.Where(s => s.Source == SignalSource.Live);
        }

        if (query.Status is { } status)
        {
            signals = signals.Where(s => s.Status == status);
        }

        if (query.Direction is { } direction)
        {
            signals = signals.Where(s => s.Direction == direction);
        }

        if (query.Strategy is { } strategy)
        {
            signals = signals.Where(s => s.Strategy == strategy);
        }

        if (query.From is { } from)
        {
            signals = signals.Where(s => s.CreatedAt >= from);
        }

        if (query.To is { } to)
        {
            signals = signals.Where(s => s.CreatedAt < to);
        }

        var total = await signals.CountAsync(cancellationToken);
        var page = await signals.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new SignalPage([.. page.Select(SignalView.Of)], total, query.Page, query.PageSize);
    }
}

internal sealed class GetSignalHandler(IAppDbContext db) : IQueryHandler<GetSignal, SignalDetailDto>
{
    public async ValueTask<SignalDetailDto> Handle(GetSignal query, CancellationToken cancellationToken)
    {
        var signal = await db.ForexSignals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
                     ?? throw new NotFoundException("Signal", query.Id);
        return new SignalDetailDto(SignalView.Of(signal), signal.IndicatorsUsed);
    }
}

internal sealed class CloseSignalHandler(IAppDbContext db, IMarketData market, TimeProvider clock) : ICommandHandler<CloseSignal, SignalDto>
{
    public async ValueTask<SignalDto> Handle(CloseSignal command, CancellationToken cancellationToken)
    {
        var signal = await db.ForexSignals.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
                     ?? throw new NotFoundException("Signal", command.Id);
        if (!signal.IsOpen)
        {
            throw new ConflictException($"Signal {command.Id} is already {signal.Status}.");
        }

        var price = command.Price ?? Math.Round(await market.LatestPriceAsync(signal.Instrument, cancellationToken), signal.Instrument.PriceDecimals);
        signal.Close(SignalCloseReason.Manual, price, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SignalView.Of(signal);
    }
}

internal static class SignalView
{
    public static SignalDto Of(ForexSignal s) => new(
        s.Id, s.Symbol, s.Strategy, s.Direction, s.Timeframe, s.Status, s.Source, s.EntryPrice, s.StopLoss, s.CurrentStop, s.TakeProfit1, s.TakeProfit2,
        s.TakeProfit3, s.TargetsHit, s.ExitPrice, s.ResultPips, s.ResultR, s.CloseReason, s.Partials, s.TelegramMessageId, s.CreatedAt, s.ClosedAt);
}
