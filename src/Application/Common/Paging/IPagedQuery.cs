namespace PromoStack.Application.Common.Paging;

/// <summary>A list query that returns one <see cref="Page{T}"/>: pages count from 1.</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}
