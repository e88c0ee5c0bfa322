using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// The partner's last answer for a code, shared by every instance: a valid code is trusted for 10 minutes, an
/// invalid one for 1 minute (so a code the partner just activated is not refused for long). An unavailable partner
/// is never cached.
/// </summary>
public sealed class CouponCodeCheck : ITenantOwned
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan InvalidFor = TimeSpan.FromMinutes(1);

    private CouponCodeCheck(string tenantId, string code)
    {
        TenantId = tenantId;
        Code = code;
    }

    public string TenantId { get; private set; }
    public string Code { get; private set; }
    public bool Valid { get; private set; }
    public DateTimeOffset CheckedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static CouponCodeCheck Answered(string tenantId, string code, bool valid, DateTimeOffset now)
    {
        var check = new CouponCodeCheck(tenantId, Guard.NotBlank(code, "Code", CouponCodePattern.MaxCodeLength));
        check.Answer(valid, now);
        return check;
    }

    private void Answer(bool valid, DateTimeOffset now)
    {
        Valid = valid;
        CheckedAt = now;
        ExpiresAt = now + (valid ? ValidFor : InvalidFor);
    }

    public bool IsFresh(DateTimeOffset now) => ExpiresAt > now;
}
