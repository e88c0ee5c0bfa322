using System.Text.Json.Serialization;

namespace PromoStack.Application.Common.Paging;

/// <summary>One page of a list: its items, how many match in all, and which page (from 1) of what size this is.</summary>
public record Page<T>(IReadOnlyList<T> Items, int Total, [property: JsonPropertyName("page")] int Number, int PageSize);
