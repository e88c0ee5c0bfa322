namespace PromoStack.Application.Telegram;

/// <summary>A feature's reaction to its messages (of <see cref="Kind"/>) that could not be delivered.</summary>
public interface IDeliveryFailureHandler
{
    string Kind { get; }

    Task HandleAsync(string? dedupeKey, string reason, CancellationToken cancellationToken);
}
