using PromoStack.Domain.Common;

namespace PromoStack.Domain.Telegram;

public sealed record UserLeftChannel(string TenantId, long TelegramUserId, ChannelKind Channel, string? InviteLink) : IDomainEvent;
