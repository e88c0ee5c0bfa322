using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// A rendered image waiting to be sent to Telegram (the outbox refers to it; the bytes are not queued in the outbox
/// row). Kept a day so "send as file" can reuse it, then removed.
/// </summary>
public sealed class CouponRender : ITenantOwned
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private CouponRender(string tenantId, string fileName, byte[] png, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        FileName = fileName;
        Png = png;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; }
    public string FileName { get; private set; }
    public byte[] Png { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CouponRender Of(string tenantId, string fileName, byte[] png, DateTimeOffset now) =>
        png.Length == 0 ? throw new DomainException("A render has an image.") : new(tenantId, Guard.NotBlank(fileName, "File name", 200), png, now);
}
