using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

/// <summary>Closes an open signal at <see cref="Price"/> (the market price when omitted).</summary>
public sealed record CloseSignal(int Id, decimal? Price) : ITenantCommand<SignalDto>;

internal sealed class CloseSignalValidator : AbstractValidator<CloseSignal>
{
    public CloseSignalValidator() => RuleFor(c => c.Price).GreaterThan(0).When(c => c.Price is not null);
}

internal sealed class CloseSignalHandler(IAppDbContext db, IMarketData market, TypeAdapterConfig mappings, TimeProvider clock) : ICommandHandler<CloseSignal, SignalDto>
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
        return signal.Adapt<SignalDto>(mappings);
    }
}
