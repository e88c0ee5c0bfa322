using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>Asks the partner's API whether a code is valid, within the API's timeout and attempts.</summary>
public interface IPartnerCodeChecker
{
    Task<PartnerAnswer> CheckAsync(PartnerApi api, string code, CancellationToken cancellationToken);
}

/// <summary>The partner's answer: valid, invalid, or no answer (down, refusing, or too slow).</summary>
public enum PartnerAnswer
{
    Valid,
    Invalid,
    Unavailable,
    TimedOut,
}
