using Microsoft.Extensions.Options;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Connections;
using PromoStack.Infrastructure.Configuration;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>The Bot API through Telegram.Bot, against <c>Telegram__ApiBaseUrl</c> (a local fake in tests).</summary>
public sealed class TelegramBotApi(IHttpClientFactory httpClients, IOptions<TelegramOptions> options) : ITelegramBotApi
{
    public const string HttpClientName = "telegram";

    /// <summary>The update kinds the features handle.</summary>
    public static readonly UpdateType[] AllowedUpdates =
    [
        UpdateType.Message, UpdateType.CallbackQuery, UpdateType.ChatMember, UpdateType.MyChatMember,
        UpdateType.ChatJoinRequest, UpdateType.ChannelPost,
    ];

    public Task<BotIdentity> GetMeAsync(string token, CancellationToken cancellationToken) =>
        CallAsync(token, async bot =>
        {
            var me = await bot.GetMe(cancellationToken);
            return new BotIdentity(me.Id, me.Username ?? string.Empty);
        });

    public Task SetWebhookAsync(string token, Uri url, string secretToken, CancellationToken cancellationToken) =>
        CallAsync(token, async bot =>
        {
            await bot.SetWebhook(url.ToString(), allowedUpdates: AllowedUpdates, secretToken: secretToken, cancellationToken: cancellationToken);
            return true;
        });

    public Task DeleteWebhookAsync(string token, CancellationToken cancellationToken) =>
        CallAsync(token, async bot =>
        {
            await bot.DeleteWebhook(cancellationToken: cancellationToken);
            return true;
        });

    public Task<WebhookStatus> GetWebhookInfoAsync(string token, CancellationToken cancellationToken) =>
        CallAsync(token, async bot =>
        {
            var info = await bot.GetWebhookInfo(cancellationToken);
            return new WebhookStatus(
                string.IsNullOrEmpty(info.Url) ? null : info.Url, info.PendingUpdateCount, info.LastErrorMessage,
                info.LastErrorDate is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
        });

    public Task<long?> FindChatIdAsync(string token, string chatReference, CancellationToken cancellationToken) =>
        CallAsync(token, async bot =>
        {
            try
            {
                return (long?)(await bot.GetChat(Chat(chatReference), cancellationToken)).Id;
            }
            catch (ApiRequestException exception) when (exception.ErrorCode is 400 or 403)
            {
                return null;
            }
        });

    public Task<ChannelRights?> GetChannelRightsAsync(string token, string channelId, long botTelegramId, CancellationToken cancellationToken) =>
        CallAsync(token, async bot =>
        {
            try
            {
                var member = await bot.GetChatMember(Chat(channelId), botTelegramId, cancellationToken);
                return member switch
                {
                    ChatMemberOwner => new ChannelRights(true, true, true, true),
                    ChatMemberAdministrator admin => new ChannelRights(
                        admin.CanPostMessages, admin.CanEditMessages, admin.CanInviteUsers, admin.CanRestrictMembers),
                    _ => null,
                };
            }
            catch (ApiRequestException exception) when (exception.ErrorCode is 400 or 403)
            {
                // "chat not found" or "bot is not a member": the bot has no rights there.
                return (ChannelRights?)null;
            }
        });

    /// <summary>
    /// A client for one bot. Telegram.Bot's own 429 retry (which sleeps in real time inside the call) is off: the
    /// sender pauses the bot and the request is retried from the queue instead.
    /// </summary>
    public static TelegramBotClient Client(string token, TelegramOptions options, IHttpClientFactory httpClients) =>
        new(new TelegramBotClientOptions(token, options.ApiBaseUrl) { RetryThreshold = 0, RetryCount = 0 }, httpClients.CreateClient(HttpClientName));

    private static ChatId Chat(string channelId) => long.TryParse(channelId, out var id) ? new ChatId(id) : new ChatId(channelId);

    private async Task<T> CallAsync<T>(string token, Func<TelegramBotClient, Task<T>> call)
    {
        var bot = Client(token, options.Value, httpClients);
        try
        {
            return await call(bot);
        }
        catch (ApiRequestException exception) when (exception.ErrorCode is >= 400 and < 500 and not 429)
        {
            throw new TelegramRejectedException(exception.ErrorCode, exception.Message);
        }
        catch (ApiRequestException exception)
        {
            throw new TelegramUnavailableException($"Telegram failed ({exception.ErrorCode}): {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is RequestException or HttpRequestException or TaskCanceledException)
        {
            throw new TelegramUnavailableException("Telegram could not be reached; try again shortly.", exception);
        }
    }
}
