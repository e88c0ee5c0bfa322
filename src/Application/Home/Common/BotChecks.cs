using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Home;

/// <summary>
/// What Telegram says right now about the tenant's real bots (a sandbox bot never reaches it): where each bot's
/// webhook points and its last delivery error, and the signal bot's rights in each of its channels — as the
/// connection test asks. PromoStack stores none of this, so it is asked live, every bot and channel at once; an answer
/// is remembered for <see cref="RememberedFor"/> per connection (a reconnected bot is asked again), a failure for
/// <see cref="FailureRememberedFor"/>, and Telegram gets <see cref="AnswerWithin"/> before a bot is reported unchecked.
/// </summary>
internal sealed class BotChecks(ITelegramBotApi telegram, ISecretProtector secrets, IPublicUrls urls, IMemoryCache cache)
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FailureRememberedFor = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    /// <summary>The checks of the real bots among <paramref name="connections"/>, by role.</summary>
    public async Task<IReadOnlyDictionary<BotRole, BotCheck>> CheckAsync(IEnumerable<TenantBotConnection> connections, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(connections.Where(c => !c.IsSandbox).Select(c => RememberedAsync(c, cancellationToken)));
        return checks.ToDictionary(c => c.Role);
    }

    private async Task<BotCheck> RememberedAsync(TenantBotConnection connection, CancellationToken cancellationToken)
    {
        var key = (nameof(BotChecks), connection.TenantId, connection.BotRole, connection.UpdatedAt);
        if (cache.TryGetValue(key, out BotCheck? remembered) && remembered is not null)
        {
            return remembered;
        }

        var check = await AskAsync(connection, cancellationToken);
        cache.Set(key, check, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = check.Failure is null ? RememberedFor : FailureRememberedFor,
            Size = 1,
        });
        return check;
    }

    private async Task<BotCheck> AskAsync(TenantBotConnection connection, CancellationToken cancellationToken)
    {
        var token = secrets.Unprotect(ConnectionSecrets.Token, connection.BotToken);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(AnswerWithin);
        var webhook = telegram.GetWebhookInfoAsync(token, budget.Token);
        var channels = new[] { (Kind: ChannelKind.Vip, Id: connection.ChannelId), (Kind: ChannelKind.Free, Id: connection.FreeChannelId) }
            .Where(c => c.Id is not null)
            .Select(async c => new ChannelCheck(c.Kind, c.Id!, await telegram.GetChannelRightsAsync(token, c.Id!, connection.BotTelegramId, budget.Token)))
            .ToList();
        try
        {
            await Task.WhenAll(channels.Cast<Task>().Append(webhook));
        }
        catch (TelegramRejectedException rejected)
        {
            return BotCheck.Failed(connection, BotCheckFailure.Refused, $"Telegram refused the bot's token ({rejected.ErrorCode}: {rejected.Description}).");
        }
        catch (Exception unavailable) when (unavailable is TelegramUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return BotCheck.Failed(connection, BotCheckFailure.Unreachable, budget.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"Telegram did not answer within {AnswerWithin.TotalSeconds:0} s.")
                : unavailable.Message);
        }

        var status = await webhook;
        return new BotCheck(
            connection.BotRole, connection.BotUsername, null, null, status, status.Url == urls.TelegramWebhook(connection.PublicId).ToString(),
            [.. channels.Select(c => c.Result)]);
    }
}

/// <summary>Why Telegram could not say how a bot stands.</summary>
internal enum BotCheckFailure
{
    /// <summary>Telegram refused the bot's token (revoked or changed in @BotFather).</summary>
    Refused,

    /// <summary>Telegram could not be reached, failed, or did not answer in time.</summary>
    Unreachable,
}

/// <summary>How one real bot stands with Telegram; when <see cref="Failure"/> is set, nothing else is known.</summary>
/// <param name="WebhookHere">Telegram delivers the bot's updates to this API (its webhook URL is the connection's).</param>
/// <param name="Channels">The signal bot's configured channels, each with its rights there.</param>
internal sealed record BotCheck(
    BotRole Role, string? Username, BotCheckFailure? Failure, string? FailureReason, WebhookStatus? Webhook, bool WebhookHere,
    IReadOnlyList<ChannelCheck> Channels)
{
    public string Name => Username is { Length: > 0 } name ? $"@{name}" : $"The {BotRoleNames.Of(Role).Replace('_', ' ')}";

    public static BotCheck Failed(TenantBotConnection connection, BotCheckFailure failure, string reason) =>
        new(connection.BotRole, connection.BotUsername, failure, reason, null, false, []);
}

/// <summary>The bot's rights in one channel (null rights: it is not an administrator there).</summary>
internal sealed record ChannelCheck(ChannelKind Kind, string ChannelId, ChannelRights? Rights)
{
    /// <summary>Every right the features need: post and edit (signals), invite and ban (VIP access), as the connection test requires.</summary>
    public bool Ok => Rights is { HasAllTheFeaturesNeed: true };

    public string Channel => Kind == ChannelKind.Vip ? "VIP channel" : "FREE channel";

    /// <summary>What is wrong, e.g. "is not an administrator of the VIP channel"; null when nothing is.</summary>
    public string? Problem => Rights is not { } rights
        ? $"is not an administrator of the {Channel} ({ChannelId})"
        : Ok
            ? null
            : $"may not {string.Join(", ", Missing(rights))} in the {Channel} ({ChannelId})";

    private static IEnumerable<string> Missing(ChannelRights rights) =>
        new[]
        {
            (rights.CanPostMessages, "post messages"), (rights.CanEditMessages, "edit messages"),
            (rights.CanInviteUsers, "invite users"), (rights.CanRestrictMembers, "ban users"),
        }.Where(r => !r.Item1).Select(r => r.Item2);
}
