using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>Ends an active subscription now (reason <c>revoked</c>).</summary>
public sealed record RevokeSubscription(int Id) : ITenantCommand<SubscriptionDto>, ICallsOutsideServices;

/// <remarks>
/// A subscription Stripe bills is cancelled in Stripe first: it stops the charges, and a later renewal could otherwise
/// give back the access taken. If Stripe fails, nothing changes here (503, try again).
/// </remarks>
internal sealed class RevokeSubscriptionHandler(
    IAppDbContext db, ITenantStripe tenantStripe, IStripeGateway stripe, PersonalData personal, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<RevokeSubscription, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(RevokeSubscription command, CancellationToken cancellationToken)
    {
        var subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
                           ?? throw new NotFoundException("Subscription", command.Id);
        if (!subscription.GrantsAccess)
        {
            throw new ConflictException($"Subscription {command.Id} is {subscription.Status.ToString().ToLowerInvariant()}: there is no access to revoke.");
        }

        if (subscription.StripeSubscriptionId is { } stripeId && await tenantStripe.ForCurrentTenantAsync(cancellationToken) is { } access)
        {
            await stripe.CancelSubscriptionAsync(access, stripeId, cancellationToken);
        }

        subscription.Cancel(CancellationReason.Revoked, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Adapt<SubscriptionDto>(mappings).MaskedFor(personal);
    }
}
