using System.Collections.Frozen;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>Enum members stored as snake_case strings (<c>WaitingDelay</c> ↔ <c>waiting_delay</c>), or upper snake case.</summary>
public static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => SnakeCase(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static string Lower(TEnum value) => Names[value];

    public static string Upper(TEnum value) => Names[value].ToUpperInvariant();

    public static TEnum Parse(string value) =>
        Values.TryGetValue(value, out var parsed) ? parsed : throw new FormatException($"'{value}' is not a {typeof(TEnum).Name}.");

    public static ValueConverter<TEnum, string> LowerConverter() => new(v => Lower(v), s => Parse(s));

    public static ValueConverter<TEnum, string> UpperConverter() => new(v => Upper(v), s => Parse(s));

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
