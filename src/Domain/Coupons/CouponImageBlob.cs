using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// A template image held in PostgreSQL, the default image store (images are few and small; nothing else to run).
/// </summary>
public sealed class CouponImageBlob : ITenantOwned
{
    private CouponImageBlob(string tenantId, string key, string contentType, byte[] content, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Key = key;
        ContentType = contentType;
        Content = content;
        CreatedAt = createdAt;
    }

    public string TenantId { get; private set; }
    public string Key { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CouponImageBlob Of(string tenantId, string key, string contentType, byte[] content, DateTimeOffset now) =>
        new(tenantId, Guard.NotBlank(key, "Key", 200), Guard.NotBlank(contentType, "Content type", 64), content, now);
}
