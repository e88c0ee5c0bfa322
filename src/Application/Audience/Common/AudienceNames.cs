using System.Text.Json;

namespace PromoStack.Application.Audience;

/// <summary>An enum value as the API writes it (<c>snake_case</c>), for the timeline's free-text fields.</summary>
internal static class AudienceNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
