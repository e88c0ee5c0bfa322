using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Stripe;
using PromoStack.Application.Telegram.Leads;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <param name="Email">The subscriber's email (unique in the tenant); null until paid, or when another subscription holds the payer's.</param>
/// <param name="PayerEmail">The email the payer gave at checkout (as Stripe reports it).</param>
/// <param name="PaymentFailureReason">Why a pending checkout is not paid yet (a delayed payment method failed).</param>
/// <remarks>Emails and the Telegram username are masked for members, the Telegram and Stripe ids left out (admins see them in full).</remarks>
public sealed record SubscriptionDto(
    int Id, string? Email, string? PayerEmail, PlanType Plan, SubscriptionStatus Status, long? TelegramUserId, string? TelegramUsername, bool Renews, bool CancelAtPeriodEnd,
    DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? PastDueSince, CancellationReason? CancelReason, bool IsConverted, string? StripeCustomerId,
    string? StripeSubscriptionId, string? PaymentFailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record SubscriptionPage(IReadOnlyList<SubscriptionDto> Items, int Total, int Page, int PageSize);

/// <summary>The tenant's subscriptions, newest first, filtered by status and plan, searched by email or Telegram username.</summary>
public sealed record ListSubscriptions(SubscriptionStatus? Status, PlanType? Plan, string? Search, int Page = 1, int PageSize = 50) : ITenantQuery<SubscriptionPage>;

public sealed record GetSubscription(int Id) : ITenantQuery<SubscriptionDto>;

/// <summary>
/// VIP by hand: a subscription for <see cref="Email"/> on <see cref="Plan"/> until <see cref="EndsAt"/> (one period
/// from now when omitted; lifetime has no end). It does not renew. An existing subscription of that email is reactivated.
/// </summary>
public sealed record GrantSubscription(string Email, PlanType Plan, long? TelegramUserId, DateTimeOffset? EndsAt) : ITenantCommand<SubscriptionDto>;

/// <summary>Ends an active subscription now (reason <c>revoked</c>).</summary>
public sealed record RevokeSubscription(int Id) : ITenantCommand<SubscriptionDto>, ICallsOutsideServices;

internal sealed class ListSubscriptionsValidator : AbstractValidator<ListSubscriptions>
{
    public ListSubscriptionsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Plan).IsInEnum();
        RuleFor(q => q.Search).MaximumLength(320);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

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

internal sealed class ListSubscriptionsHandler(IAppDbContext db, PersonalData personal) : IQueryHandler<ListSubscriptions, SubscriptionPage>
{
    public async ValueTask<SubscriptionPage> Handle(ListSubscriptions query, CancellationToken cancellationToken)
    {
        var rows = db.TelegramSubscriptions.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(s => s.Status == status);
        }

        if (query.Plan is { } plan)
        {
            rows = rows.Where(s => s.PlanType == plan);
        }

        if (query.Search is { Length: > 0 } search)
        {
            // Emails are stored in lower case; a Telegram username matches in any case. Wildcards in the search are literal.
            var literal = search.Trim().TrimStart('@').ToLowerInvariant()
                .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var pattern = $"%{literal}%";
            rows = rows.Where(s => EF.Functions.Like(s.Email!, pattern, "\\") || EF.Functions.Like(s.PayerEmail!, pattern, "\\")
                                   || (s.TelegramUsername != null && EF.Functions.Like(s.TelegramUsername.ToLower(), pattern, "\\")));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new SubscriptionPage([.. page.Select(s => SubscriptionView.Of(s, personal))], total, query.Page, query.PageSize);
    }
}

internal sealed class GetSubscriptionHandler(IAppDbContext db, PersonalData personal) : IQueryHandler<GetSubscription, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(GetSubscription query, CancellationToken cancellationToken) =>
        SubscriptionView.Of(await db.TelegramSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
                            ?? throw new NotFoundException("Subscription", query.Id), personal);
}

internal sealed class GrantSubscriptionHandler(IAppDbContext db, ITenantContext tenant, PersonalData personal, TimeProvider clock) : ICommandHandler<GrantSubscription, SubscriptionDto>
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
        return SubscriptionView.Of(subscription, personal);
    }
}

/// <remarks>
/// A subscription Stripe bills is cancelled in Stripe first: it stops the charges, and a later renewal could otherwise
/// give back the access taken. If Stripe fails, nothing changes here (503, try again).
/// </remarks>
internal sealed class RevokeSubscriptionHandler(IAppDbContext db, ISecretProtector secrets, IStripeGateway stripe, PersonalData personal, TimeProvider clock)
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

        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (subscription.StripeSubscriptionId is { } stripeId && settings?.SecretKey is { } key)
        {
            await stripe.CancelSubscriptionAsync(new StripeAccess(secrets.Unprotect(StripeSecrets.SecretKey, key), settings.StripeAccountId), stripeId, cancellationToken);
        }

        subscription.Cancel(CancellationReason.Revoked, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionView.Of(subscription, personal);
    }
}

internal static class SubscriptionView
{
    public static SubscriptionDto Of(TelegramSubscription s, PersonalData personal) => new(
        s.Id, personal.Email(s.Email), personal.Email(s.PayerEmail), s.PlanType, s.Status, personal.Id(s.TelegramUserId), personal.Name(s.TelegramUsername), s.Renews,
        s.CancelAtPeriodEnd, s.CurrentPeriodEnd, s.PastDueSince, s.CancelReason, s.IsConverted, personal.Id(s.StripeCustomerId), personal.Id(s.StripeSubscriptionId),
        s.PaymentFailureReason, s.CreatedAt, s.UpdatedAt);
}
