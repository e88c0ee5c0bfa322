using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Records the partner's answer for a code in the shared cache, in one statement of the caller's transaction that
/// inserts or overwrites (two instances checking the same code at once both succeed; the later answer stays), for
/// the answer's tenant.
/// </summary>
public interface ICouponCodeCheckCache
{
    Task RecordAsync(CouponCodeCheck answer, CancellationToken cancellationToken);
}
