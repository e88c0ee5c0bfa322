using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.Domain.Telegram;

/// <summary>
/// One attempt at the coupon bot or the web generator: a code check (no template) or an image (a template and
/// size), its success or <see cref="CouponErrorType"/>, and the device. Web attempts have no chat: they carry a
/// keyed hash of the client instead, so unique users can be counted without storing addresses.
/// </summary>
public sealed class BotUsage : ITenantOwned
{
    public const int CodeMaxLength = 64;

    private BotUsage(string tenantId, long? chatId, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        ChatId = chatId;
        CreatedAt = createdAt;
        DeviceType = DeviceTypes.Name(Coupons.DeviceType.Unknown);
        Source = CouponChannel.Telegram;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public long? ChatId { get; private set; }
    public string? TemplateSlug { get; private set; }
    public string? CouponCode { get; private set; }
    public bool Success { get; private set; }
    public string? ErrorType { get; private set; }
    public string DeviceType { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The size of the image made or asked for; null for a code check.</summary>
    public CouponSize? Size { get; private set; }

    public CouponChannel Source { get; private set; }

    /// <summary>For web attempts: a keyed hash of the client (address and User-Agent), never the address itself.</summary>
    public string? WebClient { get; private set; }

    /// <summary>Whether the partner was asked (a cache hit or a rejected text is not a partner call).</summary>
    public bool PartnerCalled { get; private set; }

    public static BotUsage InTelegram(string tenantId, long chatId, CouponAttempt attempt, DateTimeOffset now) =>
        Record(new BotUsage(tenantId, chatId, now), attempt);

    public static BotUsage OnWeb(string tenantId, string webClient, DeviceType device, CouponAttempt attempt, DateTimeOffset now)
    {
        var usage = Record(new BotUsage(tenantId, null, now), attempt);
        usage.Source = CouponChannel.Web;
        usage.WebClient = Guard.NotBlank(webClient, "Web client", 64);
        usage.DeviceType = DeviceTypes.Name(device);
        return usage;
    }

    private static BotUsage Record(BotUsage usage, CouponAttempt attempt)
    {
        usage.CouponCode = attempt.Code is { Length: > 0 } code ? TextCut.AtMost(code, CodeMaxLength) : null;
        usage.TemplateSlug = attempt.TemplateSlug;
        usage.Size = attempt.Size;
        usage.Success = attempt.Error is null;
        usage.ErrorType = attempt.Error is { } error ? CouponErrorTypes.Name(error) : null;
        usage.PartnerCalled = attempt.PartnerCalled;
        return usage;
    }
}

/// <summary>What one attempt was: the code (as typed, normalised), the template and size if any, and how it ended.</summary>
public sealed record CouponAttempt(string? Code, string? TemplateSlug, CouponSize? Size, CouponErrorType? Error, bool PartnerCalled = false);
