using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using PromoStack.Domain.Common;

namespace PromoStack.Infrastructure.Events;

/// <summary>
/// Every domain event type of the Domain assembly, stored under its type name (<c>SignalTargetHit</c>) with a JSON
/// payload in camelCase and enums in snake_case, as documented in <c>docs/EVENTS.md</c>.
/// </summary>
public static class DomainEventTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private static readonly FrozenDictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name);

    public static IReadOnlyCollection<Type> All => ByName.Values;

    public static string NameOf(IDomainEvent domainEvent) =>
        ByName.ContainsKey(domainEvent.GetType().Name)
            ? domainEvent.GetType().Name
            : throw new UnknownDomainEventException($"{domainEvent.GetType().FullName} is not a domain event of the Domain assembly.");

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);

    public static IDomainEvent Deserialize(string name, string payload) =>
        ByName.TryGetValue(name, out var type)
            ? (IDomainEvent)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new JsonException($"Empty {name} payload."))
            : throw new UnknownDomainEventException($"Unknown domain event type '{name}'.");
}

/// <summary>A stored event names a type this build does not know.</summary>
public sealed class UnknownDomainEventException(string message) : Exception(message);
