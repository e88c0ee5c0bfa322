using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>
/// Decides a request to join one of the tenant's channels (e.g. the subscriptions feature approves a paying user).
/// Without a handler that takes it, a request stays pending for the channel's admins.
/// </summary>
public interface IJoinRequestHandler
{
    Task<bool> TryHandleAsync(string tenantId, ChannelKind channel, JoinRequested request, CancellationToken cancellationToken);
}
