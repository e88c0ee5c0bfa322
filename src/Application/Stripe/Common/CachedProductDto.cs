namespace PromoStack.Application.Stripe;

public sealed record CachedProductDto(string Id, string Name, string? Description, bool Active, DateTimeOffset SyncedAt, IReadOnlyList<CachedPriceDto> Prices);

public sealed record CachedPriceDto(
    string Id, string Currency, long? UnitAmount, string? RecurringInterval, int? RecurringIntervalCount, string? Nickname, bool Active);
