namespace PromoStack.Application.Telegram;

/// <summary><c>/stop</c>: no more broadcasts for this user (until they send /start).</summary>
internal sealed class StopBotCommand(BotReplies replies, TimeProvider clock) : IBotCommand
{
    public string Name => "stop";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken)
    {
        context.User.Unsubscribe(clock.GetUtcNow());
        await replies.ReplyAsync(context, await replies.SettingAsync("stop_message", cancellationToken), cancellationToken);
    }
}
