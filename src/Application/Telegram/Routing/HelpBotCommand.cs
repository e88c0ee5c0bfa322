namespace PromoStack.Application.Telegram;

internal sealed class HelpBotCommand(BotReplies replies) : IBotCommand
{
    public string Name => "help";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken) =>
        await replies.ReplyAsync(context, await replies.SettingAsync("help_message", cancellationToken), cancellationToken);
}
