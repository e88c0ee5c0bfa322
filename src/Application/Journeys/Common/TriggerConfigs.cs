using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public static partial class TriggerConfigs
{
    public const string DeepLink = "deep_link";
    public const string Keyword = "keyword";
    public const string Event = "event";

    public const string JoinedFreeChannel = "joined_free_channel";
    public const string JoinedVip = "joined_vip";
    public const string PaymentSucceeded = "payment_succeeded";
    public const string SubscriptionCancelled = "subscription_cancelled";

    public static readonly string[] Events = [JoinedFreeChannel, JoinedVip, PaymentSucceeded, SubscriptionCancelled];

    /// <summary>The typed trigger, or errors naming the field; <paramref name="reservedPrefixes"/> are other features' deep links.</summary>
    public static TriggerDefinition? Parse(string? type, JsonElement config, IReadOnlyCollection<string> reservedPrefixes, List<FlowError> errors)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("config", "The config must be an object."));
            return null;
        }

        string? Text(string field)
        {
            if (config.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
            {
                return value.GetString()!.Trim();
            }

            errors.Add(new($"config.{field}", $"'{field}' is required."));
            return null;
        }

        void Only(params string[] fields)
        {
            foreach (var extra in config.EnumerateObject().Select(p => p.Name).Where(n => !fields.Contains(n)))
            {
                errors.Add(new($"config.{extra}", $"A {type} trigger has no field '{extra}'."));
            }
        }

        switch (type)
        {
            case DeepLink:
                Only("code");
                if (Text("code") is not { } code)
                {
                    return null;
                }

                if (!CodePattern().IsMatch(code))
                {
                    errors.Add(new("config.code", "A deep-link code is 1 to 64 of A-Z, a-z, 0-9, _ and - (what Telegram allows after ?start=)."));
                    return null;
                }

                if (reservedPrefixes.FirstOrDefault(p => code.StartsWith(p, StringComparison.Ordinal)) is { } reserved)
                {
                    errors.Add(new("config.code", $"Codes starting with '{reserved}' are taken by another feature of the bot."));
                    return null;
                }

                return new DeepLinkTrigger(code);
            case Keyword:
                Only("keyword", "match");
                var keyword = Text("keyword");
                var match = config.TryGetProperty("match", out var m) ? m.ValueKind == JsonValueKind.String ? m.GetString() : "?" : "word";
                if (match is not ("word" or "exact"))
                {
                    errors.Add(new("config.match", "'match' is word (the keyword anywhere as a whole word) or exact (the whole message)."));
                    return null;
                }

                if (keyword is { Length: > 64 })
                {
                    errors.Add(new("config.keyword", "A keyword is at most 64 characters."));
                    return null;
                }

                if (keyword is { } k && k.StartsWith('/'))
                {
                    errors.Add(new("config.keyword", "A keyword cannot start with '/': that is a command."));
                    return null;
                }

                return keyword is null ? null : new KeywordTrigger(keyword, match == "exact");
            case Event:
                Only("event");
                if (Text("event") is not { } name)
                {
                    return null;
                }

                if (!Events.Contains(name))
                {
                    errors.Add(new("config.event", $"The event is one of: {string.Join(", ", Events)}."));
                    return null;
                }

                return new EventTrigger(name);
            default:
                errors.Add(new("type", "The trigger type is deep_link, keyword or event."));
                return null;
        }
    }

    public static string ToJson(TriggerDefinition trigger) => (trigger switch
    {
        DeepLinkTrigger d => new JsonObject { ["code"] = d.Code },
        KeywordTrigger k => new JsonObject { ["keyword"] = k.Keyword, ["match"] = k.Exact ? "exact" : "word" },
        EventTrigger e => new JsonObject { ["event"] = e.Event },
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    }).ToJsonString();

    /// <summary>A stored trigger (written by <see cref="ToJson"/>).</summary>
    public static TriggerDefinition FromStored(JourneyTrigger trigger)
    {
        using var config = JsonDocument.Parse(trigger.TriggerConfig);
        var errors = new List<FlowError>();
        return Parse(trigger.TriggerType, config.RootElement, [], errors)
               ?? throw new InvalidOperationException($"Stored trigger {trigger.Id} does not parse.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}

/// <summary>A trigger, typed: a deep-link code, a keyword (whole word or exact), or one of the foundation's events.</summary>
public abstract record TriggerDefinition
{
    public abstract string Type { get; }

    /// <summary>Two active triggers with the same identity collide (only one journey can own a code, keyword or event).</summary>
    public abstract string Identity { get; }
}

public sealed record DeepLinkTrigger(string Code) : TriggerDefinition
{
    public override string Type => TriggerConfigs.DeepLink;

    public override string Identity => $"deep_link:{Code}";
}

public sealed record KeywordTrigger(string Keyword, bool Exact) : TriggerDefinition
{
    public override string Type => TriggerConfigs.Keyword;

    public override string Identity => $"keyword:{Keyword.ToLowerInvariant()}";

    public bool Matches(string text) => Exact ? Keywords.IsExactly(text, Keyword) : Keywords.ContainsWord(text, Keyword);
}

public sealed record EventTrigger(string Event) : TriggerDefinition
{
    public override string Type => TriggerConfigs.Event;

    public override string Identity => $"event:{Event}";
}
