using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// An image made for one chat and waiting to be sent to Telegram (the outbox refers to it by id; the bytes are not
/// queued in the outbox row): a rendered coupon image (PNG) or a preview (JPEG). Only that chat may ask for it again
/// ("send as file"); it is kept a day, then removed.
/// </summary>
public sealed class CouponRender : ITenantOwned
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private CouponRender(string tenantId, long chatId, string fileName, string contentType, byte[] content, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        ChatId = chatId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; }
    public long ChatId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CouponRender Png(string tenantId, long chatId, string fileName, byte[] png, DateTimeOffset now) =>
        Of(tenantId, chatId, fileName, "image/png", png, now);

    public static CouponRender Jpeg(string tenantId, long chatId, string fileName, byte[] jpeg, DateTimeOffset now) =>
        Of(tenantId, chatId, fileName, "image/jpeg", jpeg, now);

    private static CouponRender Of(string tenantId, long chatId, string fileName, string contentType, byte[] content, DateTimeOffset now) =>
        content.Length == 0 ? throw new DomainException("A render has an image.") : new(tenantId, chatId, Guard.NotBlank(fileName, "File name", 200), contentType, content, now);
}
