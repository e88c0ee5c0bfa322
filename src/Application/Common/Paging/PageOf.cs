namespace PromoStack.Application.Common.Paging;

/// <summary>One page of a list: its items, how many match in all, and which page of what size this is.</summary>
public record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
