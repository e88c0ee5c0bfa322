using System.Text.Json;

namespace PromoStack.Infrastructure.Stripe;

/// <summary>Reading Stripe objects by path, whatever the API version (absent, null or of another kind → null).</summary>
internal static class StripeJson
{
    public static string? Str(this JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Bool(this JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static DateTimeOffset? Time(this JsonElement element, params string[] path) =>
        Find(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static JsonElement? Find(JsonElement element, string[] path)
    {
        var current = element;
        foreach (var step in path)
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(step, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(step, out var next))
            {
                current = next;
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
