using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>A valid code of the tenant's uploaded list (for <see cref="CodeValidation.CodeList"/>).</summary>
public sealed class CouponCodeListEntry : ITenantOwned
{
    private CouponCodeListEntry(string tenantId, string code, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Code = code;
        CreatedAt = createdAt;
    }

    public string TenantId { get; private set; }
    public string Code { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CouponCodeListEntry Of(string tenantId, string normalisedCode, DateTimeOffset now) =>
        new(tenantId, Guard.NotBlank(normalisedCode, "Code", CouponCodePattern.MaxCodeLength), now);
}
