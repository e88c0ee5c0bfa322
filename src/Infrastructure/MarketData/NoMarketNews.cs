using PromoStack.Application.CrossPromo;
using PromoStack.Domain.Signals;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>No external news feed is configured: the morning post carries no headlines.</summary>
public sealed class NoMarketNews : IMarketNews
{
    public Task<IReadOnlyList<string>> HeadlinesAsync(Instrument instrument, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
