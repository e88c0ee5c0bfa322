using PromoStack.Domain.Broadcasts;

namespace PromoStack.Application.Broadcasts;

public sealed record BroadcastDto(
    int Id, string Message, string? Photo, IReadOnlyList<BroadcastButton> Buttons, BroadcastAudience Audience, string Status, BroadcastProgress Progress,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

public sealed record BroadcastButton(string? Text, string? Url);

public sealed record BroadcastProgress(int Recipients, int Sent, int Failed, int Blocked, int Skipped, int Pending);
