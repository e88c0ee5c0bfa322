using PromoStack.Domain.Common;

namespace PromoStack.Domain.Telegram;

/// <summary>One use of the coupon bot (its table is part of the schema; the coupon bot feature writes it).</summary>
public sealed class BotUsage : ITenantOwned
{
    private BotUsage(string tenantId, long chatId, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        ChatId = chatId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public long ChatId { get; private set; }
    public string? TemplateSlug { get; private set; }
    public string? CouponCode { get; private set; }
    public bool Success { get; private set; }
    public string? ErrorType { get; private set; }
    public string? DeviceType { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
