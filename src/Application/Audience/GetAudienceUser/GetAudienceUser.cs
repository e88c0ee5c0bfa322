using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Common;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Audience;

/// <summary>
/// One bot user in full: their subscriptions, their channel memberships and a timeline, newest first, of what
/// happened with them — journeys, payments and subscription changes, coupon images and checks, channel joins and
/// leaves, and every message the bots queued for them — at most <see cref="TimelineCap"/> entries.
/// </summary>
public sealed record GetAudienceUser(long TelegramUserId) : ITenantQuery<AudienceUserDetailDto>
{
    public const int TimelineCap = 100;
}

/// <param name="LastCouponCode">The code the coupon bot remembers for them.</param>
/// <param name="TimelineCapped">The timeline shows only the newest <see cref="GetAudienceUser.TimelineCap"/> entries.</param>
public sealed record AudienceUserDetailDto(
    AudienceUserDto User, string? LastCouponCode, DateTimeOffset? MessageBotLastSeenAt, DateTimeOffset? CouponFirstSeenAt, DateTimeOffset? CouponLastSeenAt,
    IReadOnlyList<AudienceSubscriptionDto> Subscriptions, IReadOnlyList<AudienceChannelDto> Channels, IReadOnlyList<TimelineEntryDto> Timeline, bool TimelineCapped);

public sealed record AudienceSubscriptionDto(
    int Id, string? Email, PlanType Plan, SubscriptionStatus Status, bool Renews, bool CancelAtPeriodEnd, DateTimeOffset? CurrentPeriodEnd,
    DateTimeOffset? FirstPaidAt, DateTimeOffset? EndedAt, CancellationReason? CancelReason, DateTimeOffset CreatedAt);

/// <param name="Channel"><c>vip</c> or <c>free</c>.</param>
/// <param name="Status"><c>member</c> or <c>left</c>.</param>
public sealed record AudienceChannelDto(ChannelKind Channel, MembershipStatus Status, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

/// <summary>One thing that happened with the user.</summary>
/// <param name="Type">
/// <c>first_seen</c>, <c>unsubscribed</c>, <c>journey_started</c>, <c>journey_finished</c>, <c>subscription_created</c>,
/// <c>subscription_paid</c>, <c>subscription_ended</c>, <c>channel_joined</c>, <c>channel_left</c>, <c>coupon_image</c>,
/// <c>coupon_check</c> or <c>message</c>.
/// </param>
/// <param name="Title">What it was: the journey's name, the plan, the channel, the template, the message's kind.</param>
/// <param name="Detail">More: an end reason, a code, a message's text (cut to 200 characters).</param>
/// <param name="Status">Its state: the session's, the subscription's, success or the coupon error, the delivery's.</param>
/// <param name="Reference">What it belongs to: a session id, a subscription id, an outbox id.</param>
public sealed record TimelineEntryDto(DateTimeOffset At, string Type, string Title, string? Detail, string? Status, string? Reference);

internal sealed class GetAudienceUserHandler(IAppDbContext db) : IQueryHandler<GetAudienceUser, AudienceUserDetailDto>
{
    private const int Cap = GetAudienceUser.TimelineCap;
    private const int TextExcerpt = 200;

    public async ValueTask<AudienceUserDetailDto> Handle(GetAudienceUser query, CancellationToken cancellationToken)
    {
        var id = query.TelegramUserId;
        var dto = await db.BotUsers.AsNoTracking().Where(u => u.ChatId == id).Select(AudienceUserDto.From(db)).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new NotFoundException("Bot user", id);
        var user = await db.BotUsers.AsNoTracking().Where(u => u.ChatId == id)
            .Select(u => new { u.LastCouponCode, u.MessageBotLastSeenAt, u.CouponFirstSeenAt, u.CouponLastSeenAt })
            .SingleAsync(cancellationToken);

        var subscriptions = await db.TelegramSubscriptions.AsNoTracking().Where(s => s.TelegramUserId == id)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new AudienceSubscriptionDto(
                s.Id, s.Email, s.PlanType, s.Status, s.Renews, s.CancelAtPeriodEnd, s.CurrentPeriodEnd, s.FirstPaidAt, s.EndedAt, s.CancelReason, s.CreatedAt))
            .ToListAsync(cancellationToken);
        var channels = await db.ChannelMemberships.AsNoTracking().Where(m => m.TelegramUserId == id).OrderBy(m => m.ChannelKind)
            .Select(m => new AudienceChannelDto(m.ChannelKind, m.Status, m.JoinedAt, m.LeftAt))
            .ToListAsync(cancellationToken);

        List<List<TimelineEntryDto>> sources =
        [
            await JourneysAsync(id, cancellationToken),
            await CouponsAsync(id, cancellationToken),
            await MessagesAsync(id, cancellationToken),
        ];
        var timeline = sources.SelectMany(s => s)
            .Concat(Own(dto))
            .Concat(subscriptions.SelectMany(Entries))
            .Concat(channels.SelectMany(Entries))
            .OrderByDescending(e => e.At).ThenBy(e => e.Type, StringComparer.Ordinal)
            .ToList();
        var capped = timeline.Count > Cap || sources.Any(s => s.Count >= Cap);
        return new AudienceUserDetailDto(
            dto, user.LastCouponCode, user.MessageBotLastSeenAt, user.CouponFirstSeenAt, user.CouponLastSeenAt, subscriptions, channels, [.. timeline.Take(Cap)], capped);
    }

    private static IEnumerable<TimelineEntryDto> Own(AudienceUserDto user)
    {
        yield return new TimelineEntryDto(user.JoinedAt, "first_seen", "Met one of the bots", null, null, null);
        if (user.UnsubscribedAt is { } at)
        {
            yield return new TimelineEntryDto(at, "unsubscribed", "Sent /stop", null, null, null);
        }
    }

    private static IEnumerable<TimelineEntryDto> Entries(AudienceSubscriptionDto s)
    {
        var plan = AudienceNames.Of(s.Plan);
        var reference = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new TimelineEntryDto(s.CreatedAt, "subscription_created", plan, s.Email, AudienceNames.Of(s.Status), reference);
        if (s.FirstPaidAt is { } paid)
        {
            yield return new TimelineEntryDto(paid, "subscription_paid", plan, s.CurrentPeriodEnd is { } end ? $"until {end:O}" : null, AudienceNames.Of(s.Status), reference);
        }

        if (s.EndedAt is { } ended)
        {
            yield return new TimelineEntryDto(ended, "subscription_ended", plan, s.CancelReason is { } reason ? AudienceNames.Of(reason) : null, AudienceNames.Of(s.Status), reference);
        }
    }

    private static IEnumerable<TimelineEntryDto> Entries(AudienceChannelDto m)
    {
        var channel = AudienceNames.Of(m.Channel);
        yield return new TimelineEntryDto(m.JoinedAt, "channel_joined", channel, null, AudienceNames.Of(m.Status), null);
        if (m.LeftAt is { } left)
        {
            yield return new TimelineEntryDto(left, "channel_left", channel, null, AudienceNames.Of(m.Status), null);
        }
    }

    private async Task<List<TimelineEntryDto>> JourneysAsync(long id, CancellationToken cancellationToken)
    {
        var sessions = await db.JourneyUserSessions.AsNoTracking().Where(s => s.TelegramChatId == id)
            .OrderByDescending(s => s.StartedAt).Take(Cap)
            .Select(s => new
            {
                s.Id, s.StartedAt, s.CompletedAt, s.Status, s.EndReason,
                Journey = db.Journeys.Where(j => j.Id == s.JourneyId).Select(j => j.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. sessions.SelectMany(s => (IEnumerable<TimelineEntryDto>)
            [
                new TimelineEntryDto(s.StartedAt, "journey_started", s.Journey ?? "A journey", null, AudienceNames.Of(s.Status), s.Id.ToString()),
                .. s.CompletedAt is { } at
                    ? [new TimelineEntryDto(at, "journey_finished", s.Journey ?? "A journey", s.EndReason, AudienceNames.Of(s.Status), s.Id.ToString())]
                    : Array.Empty<TimelineEntryDto>(),
            ]),
        ];
    }

    private async Task<List<TimelineEntryDto>> CouponsAsync(long id, CancellationToken cancellationToken)
    {
        var attempts = await db.BotUsage.AsNoTracking().Where(u => u.ChatId == id)
            .OrderByDescending(u => u.CreatedAt).Take(Cap)
            .Select(u => new { u.Id, u.CreatedAt, u.TemplateSlug, u.CouponCode, u.Success, u.ErrorType })
            .ToListAsync(cancellationToken);
        return
        [
            .. attempts.Select(a => new TimelineEntryDto(
                a.CreatedAt, a.TemplateSlug is null ? "coupon_check" : "coupon_image", a.TemplateSlug ?? "Code check", a.CouponCode,
                a.Success ? "success" : a.ErrorType, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
    }

    private async Task<List<TimelineEntryDto>> MessagesAsync(long id, CancellationToken cancellationToken)
    {
        var messages = await db.TelegramOutbox.AsNoTracking().Where(m => m.ChatId == id)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Cap)
            .Select(m => new { m.Id, m.CreatedAt, m.Kind, m.Method, m.Payload, m.Status, m.BotRole })
            .ToListAsync(cancellationToken);
        return
        [
            .. messages.Select(m => new TimelineEntryDto(
                m.CreatedAt, "message", $"{m.Kind} ({m.BotRole}, {m.Method})",
                OutboxContent.Read(m.Payload).PlainText is { } text ? TextCut.AtMost(text, TextExcerpt) : null,
                AudienceNames.Of(m.Status), m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
    }
}
