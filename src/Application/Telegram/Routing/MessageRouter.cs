namespace PromoStack.Application.Telegram;

/// <summary>
/// Routes a private text message, in this order: a command (any text starting with <c>/</c>), a confirmation the
/// bot asked for, the user's waiting journey, keyword triggers, and last the default reply.
/// </summary>
public sealed class MessageRouter(IEnumerable<IBotCommand> commands, IEnumerable<IConversationHandler> conversations, BotReplies replies)
{
    public async Task RouteAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        if (context.Text.StartsWith('/'))
        {
            var (name, argument) = ParseCommand(context.Text);
            if (commands.FirstOrDefault(c => c.Name == name) is { } command)
            {
                await command.HandleAsync(context, argument, cancellationToken);
                return;
            }
        }
        else
        {
            foreach (var handler in conversations.OrderBy(h => h.Stage))
            {
                if (await handler.TryHandleAsync(context, cancellationToken))
                {
                    return;
                }
            }
        }

        await replies.ReplyAsync(context, await replies.SettingAsync("default_reply", cancellationToken), cancellationToken);
    }

    /// <summary><c>/Start@my_bot  ref_1</c> → (<c>start</c>, <c>ref_1</c>).</summary>
    public static (string Name, string? Argument) ParseCommand(string text)
    {
        var parts = text[1..].Split((char[])[' ', '\n', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = parts.Length == 0 ? string.Empty : parts[0].Split('@')[0].ToLowerInvariant();
        return (name, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }
}
