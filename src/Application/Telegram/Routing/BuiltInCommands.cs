namespace PromoStack.Application.Telegram.Routing;

/// <summary>
/// <c>/start</c>: a feature's deep link when the payload has its reserved prefix, else a deep link a handler takes
/// (journeys), else the welcome; it also re-subscribes.
/// </summary>
internal sealed class StartCommand(BotReplies replies, IEnumerable<IStartPayloadHandler> payloads, IEnumerable<IDeepLinkHandler> deepLinks) : IBotCommand
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

internal sealed class HelpCommand(BotReplies replies) : IBotCommand
{
    public string Name => "help";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken) =>
        await replies.ReplyAsync(context, await replies.SettingAsync("help_message", cancellationToken), cancellationToken);
}

/// <summary><c>/stop</c>: no more broadcasts for this user (until they send /start).</summary>
internal sealed class StopCommand(BotReplies replies, TimeProvider clock) : IBotCommand
{
    public string Name => "stop";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken)
    {
        context.User.Unsubscribe(clock.GetUtcNow());
        await replies.ReplyAsync(context, await replies.SettingAsync("stop_message", cancellationToken), cancellationToken);
    }
}
