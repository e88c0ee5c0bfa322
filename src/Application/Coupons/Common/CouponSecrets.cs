namespace PromoStack.Application.Coupons;

/// <summary>Purposes of the secrets the coupon settings store (a ciphertext of one kind can never be read as another).</summary>
public static class CouponSecrets
{
    /// <summary>The value of the partner API's key header (<see cref="Domain.Coupons.PartnerApi.EncryptedHeaderValue"/>).</summary>
    public const string PartnerHeaderValue = "coupons.partner-header-value";
}
