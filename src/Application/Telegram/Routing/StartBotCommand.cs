namespace PromoStack.Application.Telegram;

/// <summary>
/// <c>/start</c>: a feature's deep link when the payload has its reserved prefix, else a deep link a handler takes
/// (journeys), else the welcome; it also re-subscribes.
/// </summary>
internal sealed class StartBotCommand(BotReplies replies, IEnumerable<IStartPayloadHandler> payloads, IEnumerable<IDeepLinkHandler> deepLinks) : IBotCommand
{
    public string Name => "start";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken)
    {
        context.User.Resubscribe();
        var owner = argument is null
            ? null
            : payloads.Where(p => argument.StartsWith(p.Prefix, StringComparison.Ordinal)).MaxBy(p => p.Prefix.Length);
        if (owner is not null)
        {
            await owner.HandleAsync(context, argument!, cancellationToken);
            return;
        }

        if (argument is not null)
        {
            foreach (var deepLink in deepLinks)
            {
                if (await deepLink.TryHandleAsync(context, argument, cancellationToken))
                {
                    return;
                }
            }
        }

        await replies.ReplyAsync(context, await replies.SettingAsync("welcome_message", cancellationToken), cancellationToken);
    }
}
