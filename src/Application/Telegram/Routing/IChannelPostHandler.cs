using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>
/// Sees every post in one of the tenant's channels (e.g. cross-promotion picks VIP posts to tease in the FREE
/// channel). Every handler gets every post.
/// </summary>
public interface IChannelPostHandler
{
    Task HandleAsync(string tenantId, ChannelKind channel, ChannelPosted post, CancellationToken cancellationToken);
}
