using PromoStack.Application.Common.Exceptions;

namespace PromoStack.Application.Coupons;

/// <summary>The partner did not answer whether a code is valid (down, refusing, too slow): a 503, try again in a minute.</summary>
public sealed class CouponPartnerUnavailableException(string message) : OutsideServiceUnavailableException(message);
