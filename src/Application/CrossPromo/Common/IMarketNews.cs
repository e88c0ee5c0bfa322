using PromoStack.Domain.Signals;

namespace PromoStack.Application.CrossPromo;

/// <summary>
/// Headlines for the morning post from an external news feed. None is configured yet (<c>NoMarketNews</c>): the post
/// is then made from the tenant's own data only; a feed plugs in here without touching the composition.
/// </summary>
public interface IMarketNews
{
    /// <summary>Up to <paramref name="count"/> short plain-text headlines about <paramref name="instrument"/>, newest first.</summary>
    Task<IReadOnlyList<string>> HeadlinesAsync(Instrument instrument, int count, CancellationToken cancellationToken);
}
