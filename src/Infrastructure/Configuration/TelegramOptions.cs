namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Telegram__*</c>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The Bot API server (a local Bot API server, or a fake in tests).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How many updates one private chat may send a bot at once before it is throttled (<c>Telegram__ChatBurst</c>).</summary>
    public int ChatBurst { get; set; } = 20;

    /// <summary>The rate one private chat's updates are handled at once its burst is spent (<c>Telegram__ChatUpdatesPerMinute</c>).</summary>
    public int ChatUpdatesPerMinute { get; set; } = 30;
}
