using PromoStack.Domain.Common;

namespace PromoStack.Domain.Telegram;

public sealed record UserJoinedChannel(string TenantId, long TelegramUserId, ChannelKind Channel, string? InviteLink) : IDomainEvent;

/// <summary>Stored and serialized as <c>vip</c> / <c>free</c>.</summary>
public enum ChannelKind
{
    Vip,
    Free,
}
