using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;

namespace PromoStack.Application.Tests.Audit;

/// <summary>
/// Over every message of the Application: which ones the audit log records, and that none of them records a secret.
/// Each audited message is built with a distinct sample value in every field, nested records included, and recorded;
/// a field that is a secret — by a wider net of names than the masking's own, or by review — must not show its value.
/// </summary>
public sealed partial class AuditedMessagesTests
{
    /// <summary>The queries recorded like changes: the exports and lists of personal data, and the operators' look-in.</summary>
    private static readonly string[] AuditedQueries =
    [
        "ExportCampaignEntries", "ExportCouponFailures", "ExportJourneyAnswers", "ListCampaignEntries", "ListFreeLeads", "ListJourneySessions",
        "ListSubscriptions", "ListTenantHealth", "ListTenants", "LookInsideTenant",
    ];

    /// <summary>Words of a field's name that make the test treat it as a secret, wider than <see cref="AuditFields.LooksSecret"/>.</summary>
    private static readonly HashSet<string> SecretishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "tokens", "secret", "secrets", "password", "passwd", "passphrase", "pass", "key", "keys", "apikey", "credential", "credentials",
        "signature", "auth", "authorization", "cookie", "header", "pin", "otp", "private", "connection", "dsn", "cert", "certificate",
    };

    /// <summary>Fields reviewed as secrets although their names do not say so; each carries <see cref="SecretAttribute"/>.</summary>
    private static readonly HashSet<string> ReviewedSecrets = ["ImportOriginal.From"];

    /// <summary>Fields the wider net catches that are reviewed as no secret, with why.</summary>
    private static readonly Dictionary<string, string> ReviewedNotSecret = new()
    {
        ["PartnerApiInput.HeaderName"] = "the name of the partner's header, e.g. X-Api-Key; its value is HeaderValue",
        ["TelegramDeliveryGaveUp.DedupeKey"] = "which queued Telegram call gave up (e.g. broadcast:12:345), an idempotency key, not a credential",
    };

    private static IEnumerable<Type> Messages() =>
        typeof(AuditedMessages).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t));

    public static TheoryData<string> AuditedMessageNames() => [.. Messages().Where(AuditedMessages.Includes).Select(t => t.FullName!).Order()];

    [Fact]
    public void EveryCommand_IsAudited()
    {
        var commands = Messages().Where(t => typeof(IBaseCommand).IsAssignableFrom(t)).ToList();

        commands.Should().Contain(t => t.Name == "SaveConnection").And.Contain(t => t.Name == "GrantSubscription");
        commands.Should().OnlyContain(t => AuditedMessages.Includes(t));
    }

    [Fact]
    public void OfTheQueries_OnlyThoseHandingOutPersonalDataOrLookingAcrossTenants_AreAudited() =>
        Messages().Where(t => !typeof(IBaseCommand).IsAssignableFrom(t) && !typeof(IAuditedRequest).IsAssignableFrom(t) && AuditedMessages.Includes(t)).Select(t => t.Name)
            .Should().BeEquivalentTo(AuditedQueries);

    [Fact]
    public void ReviewedSecrets_AreMarked() =>
        ReviewedSecrets.Should().OnlyContain(field => Property(field).IsDefined(typeof(SecretAttribute)));

    [Theory]
    [MemberData(nameof(AuditedMessageNames))]
    public void AnAuditedMessage_IsRecorded_WithoutAnySecretOfIt(string messageName)
    {
        var type = Messages().Single(t => t.FullName == messageName);
        var samples = new Samples();
        var message = samples.Of(type, depth: 0) ?? throw new InvalidOperationException($"No sample of {type.Name}.");

        var json = AuditFields.Of(message);

        JsonDocument.Parse(json).RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        foreach (var (field, value) in samples.Texts.Where(s => IsSecret(s.Field)))
        {
            json.Should().NotContain(value, $"{field} is a secret");
        }

        foreach (var (field, value) in samples.Texts.Where(s => !IsSecret(s.Field)))
        {
            json.Should().Contain(value, $"{field} is no secret, so the entry says what it was");
        }
    }

    private static bool IsSecret(string field)
    {
        if (ReviewedSecrets.Contains(field))
        {
            return true;
        }

        var words = Words().Matches(field.Split('.')[^1]).Select(m => m.Value);
        return !ReviewedNotSecret.ContainsKey(field) && words.Any(SecretishWords.Contains);
    }

    private static PropertyInfo Property(string field)
    {
        var (typeName, name) = (field.Split('.')[0], field.Split('.')[1]);
        return typeof(AuditedMessages).Assembly.GetTypes().Single(t => t.Name == typeName).GetProperty(name)!;
    }

    [GeneratedRegex("[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex Words();

    /// <summary>Builds sample instances: each text a distinct value, each record from its widest public constructor.</summary>
    private sealed class Samples
    {
        private int _next;

        /// <summary>Every text put in a field (<c>Type.Property</c>) with its value.</summary>
        public List<(string Field, string Value)> Texts { get; } = [];

        public object? Of(Type type, int depth, string? field = null)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                var text = $"sample{++_next:D3}-{field}-value";
                Texts.Add((field ?? "?", text));
                return text;
            }

            if (Simple(underlying) is { } simple)
            {
                return simple;
            }

            if (underlying == typeof(byte[]))
            {
                return new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4 };
            }

            if (underlying == typeof(JsonElement))
            {
                return JsonDocument.Parse("""{"type":"sample"}""").RootElement.Clone();
            }

            if (depth > 4 || underlying.Namespace?.StartsWith("PromoStack", StringComparison.Ordinal) != true && !underlying.IsGenericType)
            {
                return null;
            }

            return Collection(underlying, depth, field) ?? Record(underlying, depth);
        }

        private static object? Simple(Type type) => type switch
        {
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ when type == typeof(bool) => true,
            _ when type == typeof(int) => 7,
            _ when type == typeof(long) => 7L,
            _ when type == typeof(decimal) => 7m,
            _ when type == typeof(double) => 7d,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 12, 5),
            _ when type == typeof(TimeOnly) => new TimeOnly(10, 0),
            _ => null,
        };

        private object? Collection(Type type, int depth, string? field)
        {
            if (!type.IsGenericType)
            {
                return null;
            }

            var arguments = type.GetGenericArguments();
            var definition = type.GetGenericTypeDefinition();
            if (arguments.Length == 2 && arguments[0] == typeof(string)
                && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                dictionary[$"entry{++_next:D3}"] = Of(arguments[1], depth + 1, field);
                return dictionary;
            }

            if (arguments.Length == 1 && type.IsAssignableFrom(arguments[0].MakeArrayType()))
            {
                var array = Array.CreateInstance(arguments[0], 1);
                array.SetValue(Of(arguments[0], depth + 1, field), 0);
                return array;
            }

            return null;
        }

        private object? Record(Type type, int depth)
        {
            if (type.IsAbstract || type.IsInterface)
            {
                return null;
            }

            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            if (constructor is null)
            {
                return Activator.CreateInstance(type);
            }

            var arguments = constructor.GetParameters()
                .Select(p => Of(p.ParameterType, depth + 1, $"{type.Name}.{char.ToUpperInvariant(p.Name![0])}{p.Name[1..]}"))
                .ToArray();
            return constructor.Invoke(arguments);
        }
    }
}
