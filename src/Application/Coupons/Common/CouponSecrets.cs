namespace PromoStack.Application.Coupons;

/// <summary>Purposes of the secrets the coupon feature stores.</summary>
public static class CouponSecrets
{
    /// <summary>The value of the header carrying the partner API's key.</summary>
    public const string PartnerHeader = "coupons.partner-header";
}
