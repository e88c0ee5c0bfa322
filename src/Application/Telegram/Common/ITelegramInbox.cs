namespace PromoStack.Application.Telegram;

/// <summary>The durable inbox of updates.</summary>
public interface ITelegramInbox
{
    /// <summary>Stores the update once; false when this bot's update id was already stored.</summary>
    Task<bool> RecordAsync(string tenantId, long botTelegramId, UpdateEnvelope envelope, string json, CancellationToken cancellationToken);
}

/// <summary>What an update's JSON says about where it belongs, before it is stored.</summary>
public sealed record UpdateEnvelope(long UpdateId, string Kind, long? ChatId);

/// <summary>Reads Bot API JSON with Telegram.Bot's own serializer options.</summary>
public interface ITelegramUpdateReader
{
    /// <summary>The envelope of a handled update kind; null for a kind no feature handles. Throws on malformed JSON.</summary>
    UpdateEnvelope? ReadEnvelope(string json);

    IncomingUpdate Read(string json);
}

/// <summary>The JSON of an update could not be read.</summary>
public sealed class MalformedUpdateException(string message, Exception? inner = null) : Exception(message, inner);
