using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromoStack.WebApi.Errors;

/// <summary>
/// The API's JSON rules. <see cref="Shape"/> is applied to MVC's serializer and to the one the OpenAPI document
/// describes types with, so the document says what the API does: enums as snake_case names (never numbers), numbers
/// only as JSON numbers (a quoted number is a 400 for its field; the generated client says <c>number</c>, not
/// <c>number | string</c>). <see cref="Configure"/> adds the reading rules that do not change any type's shape.
/// </summary>
public static class ApiJson
{
    public static void Shape(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        Shape(options);
        options.Converters.Add(new NulRejectingStringConverter());
        options.MaxDepth = 32;
    }
}
