using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PromoStack.Application.Common.Security;

/// <summary>
/// A message's fields as the audit log records them: its public properties as a JSON object (camelCase names, enums
/// as the API writes them), with every secret masked and large values summarised. A secret is a property marked
/// <see cref="SecretAttribute"/>, or any property, dictionary key or JSON member whose name <see cref="LooksSecret"/>:
/// a text secret is kept as <see cref="SecretMask"/> shows it (<c>sk_live_…wxyz</c>; empty stays empty, null stays
/// null), any other value as <c>…</c>. Bytes (an uploaded image) become <c>&lt;1.2 MB PNG image&gt;</c>, a stream
/// <c>&lt;stream&gt;</c>, and a text longer than <see cref="MaxTextLength"/> (an uploaded file) <c>&lt;12.3 kB text&gt;</c>.
/// </summary>
public static class AuditFields
{
    /// <summary>The longest text kept whole: a Telegram message (what a broadcast sends) fits.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>What a secret that is not text is recorded as.</summary>
    public const string Hidden = "…";

    /// <summary>Words that make a name a secret's, compared without case, <c>_</c> or <c>-</c> (<c>api_key</c> is <c>apikey</c>).</summary>
    private static readonly string[] SecretWords =
    [
        "token", "secret", "password", "passwd", "passphrase", "credential", "apikey", "accesskey", "privatekey", "signingkey", "headervalue",
        "authorization", "cookie", "signature", "connectionstring",
    ];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
            new BytesSummary(),
            new StreamSummaries(),
            new DefinedJsonElement(),
        },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { MaskMarkedSecrets } },
    };

    /// <summary>The fields of <paramref name="message"/> as a JSON object, ready to store.</summary>
    public static string Of(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fields = JsonSerializer.SerializeToNode(message, message.GetType(), Options) as JsonObject ?? [];
        Scrub(fields);
        return fields.ToJsonString();
    }

    /// <summary>Whether a property, key or member of this name holds a secret (a token, a key, a password, a header value…).</summary>
    public static bool LooksSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretWords.Any(word => plain.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>&lt;1.2 MB PNG image&gt;</c>, <c>&lt;340 B binary&gt;</c>.</summary>
    public static string Describe(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var kind = ImageKind(bytes) is { } image ? $"{image} image" : "binary";
        return $"<{Size(bytes.Length)} {kind}>";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1000.0:0.#} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.#} MB"),
    };

    private static string? ImageKind(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        _ => null,
    };

    /// <summary>Properties marked <see cref="SecretAttribute"/> are written masked, whatever their names.</summary>
    private static void MaskMarkedSecrets(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.AttributeProvider?.IsDefined(typeof(SecretAttribute), inherit: true) == true))
        {
            property.CustomConverter = property.PropertyType == typeof(string)
                ? new MaskedText()
                : (JsonConverter)Activator.CreateInstance(typeof(HiddenValue<>).MakeGenericType(property.PropertyType))!;
        }
    }

    /// <summary>Masks what the names say is secret and summarises long texts, throughout the tree.</summary>
    private static void Scrub(JsonNode node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Select(member => member.Key).ToList())
                {
                    if (members[name] is not { } value)
                    {
                        continue;
                    }

                    if (LooksSecret(name))
                    {
                        members[name] = Masked(value);
                    }
                    else if (Summarised(value) is { } summary)
                    {
                        members[name] = summary;
                    }
                    else
                    {
                        Scrub(value);
                    }
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not { } item)
                    {
                        continue;
                    }

                    if (Summarised(item) is { } summary)
                    {
                        items[i] = summary;
                    }
                    else
                    {
                        Scrub(item);
                    }
                }

                break;
        }
    }

    private static JsonNode Masked(JsonNode value) =>
        JsonValue.Create(value.GetValueKind() == JsonValueKind.String ? MaskText(value.GetValue<string>()) : Hidden)!;

    private static JsonNode? Summarised(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > MaxTextLength } text
            ? JsonValue.Create($"<{Size(Encoding.UTF8.GetByteCount(text))} text>")!
            : null;

    private static string MaskText(string secret) => secret.Length == 0 ? secret : SecretMask.Mask(secret);

    private sealed class MaskedText : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(MaskText(value));
    }

    private sealed class HiddenValue<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Hidden);
    }

    private sealed class BytesSummary : JsonConverter<byte[]>
    {
        public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) => writer.WriteStringValue(Describe(value));
    }

    private sealed class StreamSummaries : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeof(Stream).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StreamSummary<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class StreamSummary<T> : JsonConverter<T>
        where T : Stream
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.CanSeek ? $"<{Size(value.Length)} stream>" : "<stream>");
    }

    /// <summary>An absent JSON value (a <see cref="JsonElement"/> never set) is written as null instead of failing.</summary>
    private sealed class DefinedJsonElement : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
        {
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }
}
