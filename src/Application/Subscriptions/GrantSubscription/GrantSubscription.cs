using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// VIP by hand: a subscription for <see cref="Email"/> on <see cref="Plan"/> until <see cref="EndsAt"/> (one period
/// from now when omitted; lifetime has no end). It does not renew. An existing subscription of that email is reactivated.
/// </summary>
public sealed record GrantSubscription(string Email, PlanType Plan, long? TelegramUserId, DateTimeOffset? EndsAt) : ITenantCommand<SubscriptionDto>;

internal sealed class GrantSubscriptionValidator : AbstractValidator<GrantSubscription>
{
    public GrantSubscriptionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320).EmailAddress();
        RuleFor(c => c.Plan).IsInEnum();
        RuleFor(c => c.TelegramUserId).GreaterThan(0).When(c => c.TelegramUserId is not null);
        RuleFor(c => c.EndsAt).Null().When(c => c.Plan == PlanType.Lifetime).WithMessage("A lifetime plan has no end.");
        RuleFor(c => c.EndsAt).GreaterThan(_ => clock.GetUtcNow()).When(c => c.EndsAt is not null).WithMessage("The end must be in the future.");
    }
}

internal sealed class GrantSubscriptionHandler(IAppDbContext db, ITenantContext tenant, PersonalData personal, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<GrantSubscription, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(GrantSubscription command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = command.Email.Trim().ToLowerInvariant();
        var subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscription is { GrantsAccess: true })
        {
            throw new ConflictException($"{email} already has an active subscription (#{subscription.Id}).");
        }

        if (subscription is null)
        {
            subscription = TelegramSubscription.Begin(tenant.RequiredTenantId, email, command.Plan, now);
            db.TelegramSubscriptions.Add(subscription);
        }
        else
        {
            subscription.ChangePlan(command.Plan, now);
        }

        if (command.TelegramUserId is { } telegramUserId)
        {
            subscription.LinkTelegramUser(telegramUserId, null, await FreeLeads.UserIds(db).ContainsAsync(telegramUserId, cancellationToken));
        }

        var end = command.Plan switch
        {
            PlanType.Lifetime => (DateTimeOffset?)null,
            PlanType.Annual => command.EndsAt ?? now.AddYears(1),
            _ => command.EndsAt ?? now.AddMonths(1),
        };
        subscription.Activate(end, now, renews: false);
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Adapt<SubscriptionDto>(mappings).MaskedFor(personal);
    }
}
