using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromoStack.WebApi.Errors;

/// <summary>
/// PostgreSQL cannot store the NUL character in text; a body string carrying one is a 400 for its field, never a
/// 500 when it reaches the database.
/// </summary>
public sealed class NulRejectingStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("The value contains a NUL character.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
