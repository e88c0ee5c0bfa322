using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// The Bot API calls that manage a bot (identity, webhook, rights). Each call names the bot by its token. Failures
/// are either <see cref="TelegramRejectedException"/> (Telegram answered no: a bad token, a missing right) or
/// <see cref="TelegramUnavailableException"/> (Telegram could not be reached or failed).
/// </summary>
public interface ITelegramBotApi
{
    Task<BotIdentity> GetMeAsync(string token, CancellationToken cancellationToken);

    /// <summary>Registers the webhook with its secret token and the update kinds the features need.</summary>
    Task SetWebhookAsync(string token, Uri url, string secretToken, CancellationToken cancellationToken);

    Task DeleteWebhookAsync(string token, CancellationToken cancellationToken);

    Task<WebhookStatus> GetWebhookInfoAsync(string token, CancellationToken cancellationToken);

    /// <summary>The numeric id of a chat named by <c>@username</c> (null when the bot cannot see it).</summary>
    Task<long?> FindChatIdAsync(string token, string chatReference, CancellationToken cancellationToken);

    /// <summary>What the bot may do in a channel (null when it is not an administrator there).</summary>
    Task<ChannelRights?> GetChannelRightsAsync(string token, string channelId, long botTelegramId, CancellationToken cancellationToken);
}

public sealed record WebhookStatus(string? Url, int PendingUpdateCount, string? LastErrorMessage, DateTimeOffset? LastErrorDate);

public sealed record ChannelRights(bool CanPostMessages, bool CanEditMessages, bool CanInviteUsers, bool CanRestrictMembers)
{
    public bool HasAllTheFeaturesNeed => CanPostMessages && CanEditMessages && CanInviteUsers && CanRestrictMembers;
}

/// <summary>Telegram answered with an error: <see cref="Description"/> is its reason (e.g. "Unauthorized").</summary>
public sealed class TelegramRejectedException(int errorCode, string description)
    : OutsideServiceRejectedException($"Telegram refused the request ({errorCode}): {description}")
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;
}

/// <summary>Telegram could not be reached, timed out or failed on its side.</summary>
public sealed class TelegramUnavailableException(string message, Exception? inner = null) : OutsideServiceUnavailableException(message, inner);
