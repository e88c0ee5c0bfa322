using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Signals;

public sealed record GetSignal(int Id) : ITenantQuery<SignalDetailDto>;

internal sealed class GetSignalHandler(IAppDbContext db, SignalPostHistory posts, TypeAdapterConfig mappings) : IQueryHandler<GetSignal, SignalDetailDto>
{
    public async ValueTask<SignalDetailDto> Handle(GetSignal query, CancellationToken cancellationToken)
    {
        var signal = await db.ForexSignals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
                     ?? throw new NotFoundException("Signal", query.Id);
        return new SignalDetailDto(signal.Adapt<SignalDto>(mappings), signal.IndicatorsUsed, await posts.ListAsync(signal, cancellationToken));
    }
}
