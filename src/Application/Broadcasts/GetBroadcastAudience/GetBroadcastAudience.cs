using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Broadcasts;

namespace PromoStack.Application.Broadcasts;

/// <summary>
/// How many people a broadcast to <see cref="Audience"/> (<c>all</c>, <c>vip</c>, <c>free_leads</c> or
/// <c>coupon_users</c>, as a broadcast names it; <c>all</c> when absent) created now would go to, counted as the sender
/// picks them.
/// </summary>
public sealed record GetBroadcastAudience(string? Audience) : ITenantQuery<BroadcastAudienceDto>
{
    /// <summary>The audience a name stands for (its wire name, e.g. <c>free_leads</c>); null for no audience's.</summary>
    internal static BroadcastAudience? Named(string name) =>
        Enum.GetValues<BroadcastAudience>().Where(a => JsonNamingPolicy.SnakeCaseLower.ConvertName(a.ToString()) == name).Select(a => (BroadcastAudience?)a).SingleOrDefault();
}

/// <param name="Recipients">
/// The people in the audience, whether or not its bot can write to them: the message bot's users (<c>all</c>), the
/// Telegram users of active subscriptions (<c>vip</c>), every free lead, also those only in the FREE channel
/// (<c>free_leads</c>), the coupon bot's users (<c>coupon_users</c>).
/// </param>
/// <param name="Reachable">
/// Of them, those its bot can write to (they started it, and neither blocked it nor unsubscribed): exactly whom a
/// broadcast created now is sent to, its <c>progress.recipients</c> once the sender fixes them.
/// </param>
public sealed record BroadcastAudienceDto(BroadcastAudience Audience, int Recipients, int Reachable);

internal sealed class GetBroadcastAudienceValidator : AbstractValidator<GetBroadcastAudience>
{
    public GetBroadcastAudienceValidator() =>
        RuleFor(q => q.Audience).Must(name => GetBroadcastAudience.Named(name!) is not null).When(q => q.Audience is not null)
            .WithMessage("One of all, vip, free_leads, coupon_users.");
}

internal sealed class GetBroadcastAudienceHandler(IAppDbContext db) : IQueryHandler<GetBroadcastAudience, BroadcastAudienceDto>
{
    public async ValueTask<BroadcastAudienceDto> Handle(GetBroadcastAudience query, CancellationToken cancellationToken)
    {
        var audience = GetBroadcastAudience.Named(query.Audience ?? "all") ?? BroadcastAudience.All;
        return new BroadcastAudienceDto(
            audience,
            await BroadcastAudiences.Everyone(db, audience).Distinct().CountAsync(cancellationToken),
            await BroadcastAudiences.Reachable(db, audience).Distinct().CountAsync(cancellationToken));
    }
}
