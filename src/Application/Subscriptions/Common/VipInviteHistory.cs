using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A subscription's VIP invite links as <see cref="VipInvites"/> and <see cref="GuardVipJoins"/> left them in the
/// outbox (kept 30 days once sent, longer than a link lives) and the VIP channel's memberships: when each was made
/// and until when it works, whether its message reached the subscriber, who joined through it, whether it was revoked.
/// A link is never returned whole: it lets anyone in until used, expired or revoked.
/// </summary>
internal static class VipInviteHistory
{
    private const int HintLength = 3;

    /// <summary>The subscription's links, the newest first, at most <paramref name="limit"/>; <paramref name="owner"/> is its Telegram user.</summary>
    public static async Task<IReadOnlyList<VipInviteDto>> ListAsync(
        IAppDbContext db, int subscriptionId, long? owner, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var linkPrefix = VipInvites.LinkKeyPrefix(subscriptionId);
        var made = await db.TelegramOutbox.AsNoTracking()
            .Where(m => m.Kind == VipInvites.Kind && m.Method == "createChatInviteLink" && m.DedupeKey != null && m.DedupeKey.StartsWith(linkPrefix))
            .OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new { Key = m.DedupeKey!, m.Status, Link = m.ResultText })
            .ToListAsync(cancellationToken);
        if (made.Count == 0)
        {
            return [];
        }

        var messagePrefix = VipInvites.MessageKeyPrefix(subscriptionId);
        var delivered = (await db.TelegramOutbox.AsNoTracking()
                .Where(m => m.Kind == VipInvites.Kind && m.DedupeKey != null && m.DedupeKey.StartsWith(messagePrefix) && m.Status == OutboxStatus.Sent)
                .Select(m => m.DedupeKey!).ToListAsync(cancellationToken))
            .Select(key => key[messagePrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var links = made.Where(m => m.Link != null).Select(m => m.Link!).ToList();
        var joins = (await db.ChannelMemberships.AsNoTracking()
                .Where(m => m.ChannelKind == ChannelKind.Vip && m.InviteLink != null && links.Contains(m.InviteLink))
                .Select(m => new { Link = m.InviteLink!, m.TelegramUserId, m.JoinedAt }).ToListAsync(cancellationToken))
            .GroupBy(j => j.Link, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MinBy(j => j.JoinedAt)!, StringComparer.Ordinal);

        // Revoked when a new link replaced it, or when someone without access joined through it.
        string MisuseRevoke(long joiner) => GuardVipJoins.MisuseKey(subscriptionId, joiner, GuardVipJoins.RevokeStep);
        var revokeKeys = links.Select(VipInvites.RevokeKey).Concat(joins.Values.Select(j => MisuseRevoke(j.TelegramUserId))).ToList();
        var revoked = await db.TelegramOutbox.AsNoTracking()
            .Where(m => m.DedupeKey != null && revokeKeys.Contains(m.DedupeKey) && m.Status == OutboxStatus.Sent)
            .Select(m => new { Key = m.DedupeKey!, m.SentAt })
            .ToDictionaryAsync(m => m.Key, m => m.SentAt, StringComparer.Ordinal, cancellationToken);

        return [.. made.Select(m =>
        {
            var stamp = m.Key[linkPrefix.Length..];
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(stamp, NumberStyles.None, CultureInfo.InvariantCulture));
            var expiresAt = createdAt + VipInvites.LinkLifetime;
            if (m.Link is null)
            {
                var state = m.Status is OutboxStatus.Failed or OutboxStatus.Unknown or OutboxStatus.Cancelled ? VipInviteState.Failed : VipInviteState.Pending;
                return new VipInviteDto(createdAt, expiresAt, state, null, false, null, null, null);
            }

            var join = joins.GetValueOrDefault(m.Link);
            var revokedAt = revoked.GetValueOrDefault(VipInvites.RevokeKey(m.Link)) ?? (join is null ? null : revoked.GetValueOrDefault(MisuseRevoke(join.TelegramUserId)));
            var linkState = join is not null ? VipInviteState.Used
                : revokedAt is not null ? VipInviteState.Revoked
                : expiresAt <= now ? VipInviteState.Expired
                : VipInviteState.Active;
            return new VipInviteDto(
                createdAt, expiresAt, linkState, Hint(m.Link), delivered.Contains(stamp), join?.JoinedAt, join is null ? null : join.TelegramUserId == owner, revokedAt);
        })];
    }

    /// <summary><c>https://t.me/+AbCdEf123</c> → <c>https://t.me/+AbC…</c>: enough to tell links apart, too little to use one.</summary>
    public static string Hint(string link)
    {
        var token = link.LastIndexOf('/') + 1;
        if (token < link.Length && link[token] == '+')
        {
            token++;
        }

        // A quarter of the token at most, so even an odd short one is never given away.
        return $"{link[..(token + Math.Min(HintLength, (link.Length - token) / 4))]}…";
    }
}
