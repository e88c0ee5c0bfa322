using Microsoft.EntityFrameworkCore;

namespace PromoStack.Application.Common.Paging;

public static class Paging
{
    /// <summary>The page <paramref name="query"/> asks for of an ordered query, with the count of all its rows.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, IPagedQuery query, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, total, query.Page, query.PageSize);
    }
}
