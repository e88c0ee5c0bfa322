using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PromoStack.Application.Import;

/// <summary>
/// One row of the original database, by column name. Naive timestamps are read in the source's time zone
/// (<see cref="SourceClock"/>); a column the source's version lacks reads as null. A value of the wrong type is a
/// <see cref="SourceFormatException"/>, which quarantines the row.
/// </summary>
public sealed class SourceRow(string table, IReadOnlyDictionary<string, object?> values, SourceClock clock)
{
    /// <summary>Columns of the original that hold secrets (or carry them, as a webhook URL with its secret in the path): never copied in clear.</summary>
    public static readonly IReadOnlySet<string> SecretColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        "bot_token", "webhook_secret", "webhook_url", "config_json", "api_hash", "phone", "secret_token_hash",
    };

    public string Table { get; } = table;

    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public bool Has(string column) => Values.TryGetValue(column, out var value) && value is not null;

    public string? Text(string column) => Values.GetValueOrDefault(column) switch
    {
        null => null,
        string text => text,
        Guid id => id.ToString(),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public string RequiredText(string column) =>
        Text(column) is { Length: > 0 } text ? text : throw new SourceFormatException($"{column} is empty.");

    public long? Long(string column) => Values.GetValueOrDefault(column) switch
    {
        null => null,
        long l => l,
        int i => i,
        short s => s,
        decimal d when d == decimal.Truncate(d) => (long)d,
        string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw new SourceFormatException($"{column} is not a whole number: {other}."),
    };

    public int? Int(string column) => Long(column) is { } value
        ? value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new SourceFormatException($"{column} is out of range: {value}.")
        : null;

    public decimal? Decimal(string column) => Values.GetValueOrDefault(column) switch
    {
        null => null,
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw new SourceFormatException($"{column} is not a number: {other}."),
    };

    public bool? Bool(string column) => Values.GetValueOrDefault(column) switch
    {
        null => null,
        bool b => b,
        string text when bool.TryParse(text.Trim(), out var parsed) => parsed,
        var other => throw new SourceFormatException($"{column} is not true or false: {other}."),
    };

    public Guid? Guid(string column) => Values.GetValueOrDefault(column) switch
    {
        null => null,
        Guid id => id,
        string text when System.Guid.TryParse(text, out var parsed) => parsed,
        var other => throw new SourceFormatException($"{column} is not a uuid: {other}."),
    };

    /// <summary>A naive timestamp of the source, as the instant it meant.</summary>
    public DateTimeOffset? Time(string column) => Values.GetValueOrDefault(column) switch
    {
        null => null,
        DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc, TimeSpan.Zero),
        DateTime naive => clock.Instant(naive),
        DateTimeOffset instant => instant,
        var other => throw new SourceFormatException($"{column} is not a timestamp: {other}."),
    };

    /// <summary>A jsonb or JSON text column as a JSON object; null when empty; anything else is a format error.</summary>
    public JsonObject? Object(string column)
    {
        var text = Text(column);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new SourceFormatException($"{column} is JSON but not an object.");
        }
        catch (JsonException exception)
        {
            throw new SourceFormatException($"{column} is not valid JSON (at byte {exception.BytePositionInLine}).");
        }
    }

    /// <summary>The row as JSON for the quarantine, with every value of a secret column masked.</summary>
    public string ToJson() => ToJson(SecretColumns);

    /// <inheritdoc cref="ToJson()"/>
    public string ToJson(IReadOnlySet<string> secretColumns)
    {
        var json = new JsonObject();
        foreach (var (column, value) in Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json[column] = value switch
            {
                null => null,
                _ when secretColumns.Contains(column) => "(secret, not copied)",
                DateTime naive => naive.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
                bool b => b,
                long or int or short or decimal or double => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
                _ => Text(column),
            };
        }

        return json.ToJsonString();
    }
}

/// <summary>A value of the original that does not have the shape its column promises.</summary>
public sealed class SourceFormatException(string message) : Exception(message);

/// <summary>How the original's naive timestamps are read: as wall-clock time in one zone (UTC unless told otherwise).</summary>
public sealed class SourceClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Instant(DateTime naive)
    {
        var unspecified = DateTime.SpecifyKind(naive, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
