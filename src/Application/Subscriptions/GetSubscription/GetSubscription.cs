using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;

namespace PromoStack.Application.Subscriptions;

public sealed record GetSubscription(int Id) : ITenantQuery<SubscriptionDto>;

internal sealed class GetSubscriptionHandler(IAppDbContext db, PersonalData personal, TypeAdapterConfig mappings) : IQueryHandler<GetSubscription, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(GetSubscription query, CancellationToken cancellationToken) =>
        (await db.TelegramSubscriptions.Where(s => s.Id == query.Id).ProjectToType<SubscriptionDto>(mappings).SingleOrDefaultAsync(cancellationToken)
         ?? throw new NotFoundException("Subscription", query.Id)).MaskedFor(personal);
}
