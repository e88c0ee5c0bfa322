namespace PromoStack.Application.CrossPromo;

/// <summary>What a post carries in <c>crosspromo_jobs.payload</c>: the local date it is for, or the signal.</summary>
internal sealed record CrossPromoPayload(string? LocalDate, int? SignalId);
