namespace PromoStack.Domain.Telegram;

/// <summary>The settings a tenant may give its bots (<c>bot_config</c>), each with its default and limit.</summary>
public static class BotSettings
{
    /// <summary>Telegram's limit for one text message.</summary>
    public const int MessageMaxLength = 4096;

    public static IReadOnlyList<BotSettingDefinition> All { get; } =
    [
        new("welcome_message", "Reply to /start", "Welcome! You will get our updates here. Send /help to see what I can do."),
        new("help_message", "Reply to /help", "/vip — VIP plans\n/status — your VIP subscription\n/cancel — stop your VIP renewal\n/stop — stop receiving our messages (/start to come back)"),
        new("stop_message", "Reply to /stop (the user stops receiving broadcasts)", "Done: you will not receive our messages any more. Send /start to come back."),
        new("default_reply", "Reply to a message no command, conversation or keyword handles", "Sorry, I did not understand that. Send /help to see what I can do."),
    ];

    public static BotSettingDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}

public sealed record BotSettingDefinition(string Key, string Description, string DefaultValue, int MaxLength = BotSettings.MessageMaxLength);
