using PromoStack.Domain.Common;

namespace PromoStack.Domain.Telegram;

/// <summary>Stored as <c>member</c> / <c>left</c>.</summary>
public enum MembershipStatus
{
    Member,
    Left,
}

/// <summary>A Telegram user's membership of one of the tenant's channels (VIP or FREE), as Telegram reported it.</summary>
public sealed class ChannelMembership : AggregateRoot, ITenantOwned
{
    private ChannelMembership(string tenantId, ChannelKind channelKind, long telegramUserId, DateTimeOffset joinedAt)
    {
        TenantId = tenantId;
        ChannelKind = channelKind;
        TelegramUserId = telegramUserId;
        JoinedAt = joinedAt;
        UpdatedAt = joinedAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public ChannelKind ChannelKind { get; private set; }
    public long TelegramUserId { get; private set; }
    public string? Username { get; private set; }
    public MembershipStatus Status { get; private set; }
    public string? InviteLink { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Sample data the demo seeds (<c>is_demo</c>): listed like the rest so every screen has something to show, but never
    /// counted in the tenant's real figures, nor in the audience of a broadcast or campaign.
    /// </summary>
    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;

    public static ChannelMembership Joined(string tenantId, ChannelKind channel, long telegramUserId, string? username, string? inviteLink, DateTimeOffset now)
    {
        var membership = new ChannelMembership(tenantId, channel, telegramUserId, now) { Username = username, InviteLink = inviteLink };
        var joined = new UserJoinedChannel(tenantId, telegramUserId, channel, inviteLink);
        membership.Raise(() => joined);
        return membership;
    }

    /// <summary>A join of someone who had left; a repeated report of a current member changes nothing.</summary>
    public void Join(string? username, string? inviteLink, DateTimeOffset now)
    {
        Username = username ?? Username;
        if (Status == MembershipStatus.Member)
        {
            return;
        }

        Status = MembershipStatus.Member;
        InviteLink = inviteLink;
        JoinedAt = now;
        LeftAt = null;
        UpdatedAt = now;
        var joined = new UserJoinedChannel(TenantId, TelegramUserId, ChannelKind, inviteLink);
        Raise(() => joined);
    }

    /// <summary>Left or was removed; a repeated report of someone already gone changes nothing.</summary>
    public void Leave(DateTimeOffset now)
    {
        if (Status == MembershipStatus.Left)
        {
            return;
        }

        Status = MembershipStatus.Left;
        LeftAt = now;
        UpdatedAt = now;
    }
}
