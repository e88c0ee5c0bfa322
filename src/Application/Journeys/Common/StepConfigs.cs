using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>
/// Step configs between their JSON (API and <c>journey_steps.config</c>) and the Domain's typed steps. Parsing is
/// strict: unknown fields, wrong types and out-of-range values are errors naming the field; what is stored is the
/// canonical JSON written back from the typed step.
/// </summary>
public static partial class StepConfigs
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMinutes(1);

    private static readonly Dictionary<StepType, string[]> Fields = new()
    {
        [StepType.Message] = ["name", "next", "text", "buttons", "photo"],
        [StepType.Question] = ["name", "next", "text", "answer_key", "validation", "options", "retry_prompt", "max_retries"],
        [StepType.Delay] = ["name", "next", "seconds", "min_seconds", "max_seconds"],
        [StepType.WaitForReply] = ["name", "next", "timeout_seconds", "timeout_action", "timeout_message", "answer_key", "branches"],
    };

    public static string TypeName(StepType type) => type switch
    {
        StepType.WaitForReply => "wait_for_reply",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static StepType? ParseType(string? name) => name switch
    {
        "message" => StepType.Message,
        "question" => StepType.Question,
        "delay" => StepType.Delay,
        "wait_for_reply" => StepType.WaitForReply,
        _ => null,
    };

    /// <summary>The typed step, or the errors (field paths under <paramref name="at"/>, e.g. <c>steps[1]</c>).</summary>
    public static StepDefinition? Parse(Guid id, string? typeName, JsonElement config, string at, List<FlowError> errors)
    {
        if (ParseType(typeName) is not { } type)
        {
            errors.Add(new($"{at}.type", "The step type must be message, question, delay or wait_for_reply."));
            return null;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new($"{at}.config", "The config must be an object."));
            return null;
        }

        var reader = new ConfigReader(config, $"{at}.config", errors);
        foreach (var field in config.EnumerateObject().Select(p => p.Name).Where(n => !Fields[type].Contains(n)))
        {
            errors.Add(new($"{at}.config.{field}", $"A {TypeName(type)} step has no field '{field}'."));
        }

        var before = errors.Count;
        var name = reader.Name("name", optional: true);
        var next = reader.Name("next", optional: true);
        StepDefinition? step = type switch
        {
            StepType.Message => Message(id, name, next, reader),
            StepType.Question => Question(id, name, next, reader),
            StepType.Delay => Delay(id, name, next, reader),
            _ => WaitForReply(id, name, next, reader),
        };
        return errors.Count == before ? step : null;
    }

    /// <summary>The stored (canonical) config JSON of a step.</summary>
    public static string ToJson(StepDefinition step)
    {
        var o = new JsonObject();
        Put(o, "name", step.Name);
        Put(o, "next", step.Next);
        switch (step)
        {
            case MessageStep m:
                o["text"] = m.Text;
                if (m.Buttons.Count > 0)
                {
                    o["buttons"] = new JsonArray([.. m.Buttons.Select(b => (JsonNode)new JsonObject { ["text"] = b.Text, ["url"] = b.Url })]);
                }

                Put(o, "photo", m.Photo);
                break;
            case QuestionStep q:
                o["text"] = q.Text;
                o["answer_key"] = q.AnswerKey;
                o["validation"] = q.Validation.ToString().ToLowerInvariant();
                if (q.Options.Count > 0)
                {
                    o["options"] = new JsonArray([.. q.Options.Select(x => (JsonNode)JsonValue.Create(x))]);
                }

                o["retry_prompt"] = q.RetryPrompt;
                o["max_retries"] = q.MaxRetries;
                break;
            case DelayStep d when d.Min == d.Max:
                o["seconds"] = (long)d.Min.TotalSeconds;
                break;
            case DelayStep d:
                o["min_seconds"] = (long)d.Min.TotalSeconds;
                o["max_seconds"] = (long)d.Max.TotalSeconds;
                break;
            case WaitForReplyStep w:
                o["timeout_seconds"] = (long)w.Timeout.TotalSeconds;
                o["timeout_action"] = w.OnTimeout.ToString().ToLowerInvariant();
                Put(o, "timeout_message", w.TimeoutMessage);
                Put(o, "answer_key", w.AnswerKey);
                if (w.Branches.Count > 0)
                {
                    o["branches"] = new JsonArray([.. w.Branches.Select(b => (JsonNode)new JsonObject { ["keyword"] = b.Keyword, ["step"] = b.Step })]);
                }

                break;
        }

        return o.ToJsonString();
    }

    /// <summary>A stored step (its config was written by <see cref="ToJson"/>, so it parses).</summary>
    public static StepDefinition FromStored(JourneyStep step)
    {
        var errors = new List<FlowError>();
        using var config = JsonDocument.Parse(step.Config);
        return Parse(step.Id, step.StepType, config.RootElement, "step", errors)
               ?? throw new InvalidOperationException($"Stored step {step.Id} does not parse: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    private static void Put(JsonObject o, string key, string? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }
    }

    private static MessageStep Message(Guid id, string? name, string? next, ConfigReader r)
    {
        var photo = r.String("photo", optional: true, 2048);
        var text = r.Html("text", photo is null ? MaxTextLength : MaxCaptionLength);
        var buttons = new List<UrlButton>();
        foreach (var (button, at) in r.Array("buttons", 0, 8))
        {
            var b = new ConfigReader(button, at, r.Errors);
            var buttonText = b.String("text", optional: false, 64);
            var url = b.String("url", optional: false, 2048);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "tg"))
            {
                r.Errors.Add(new($"{at}.url", "A button URL must be an absolute https://, http:// or tg:// link."));
            }

            buttons.Add(new UrlButton(buttonText ?? string.Empty, url ?? string.Empty));
        }

        return new MessageStep(id, name, next, text ?? string.Empty, buttons, photo);
    }

    private static QuestionStep Question(Guid id, string? name, string? next, ConfigReader r)
    {
        var text = r.Html("text", MaxTextLength);
        var key = r.AnswerKey("answer_key", optional: false);
        var validation = r.Enum<AnswerValidation>("validation") ?? AnswerValidation.Text;
        var options = new List<string>();
        foreach (var (option, at) in r.Array("options", 0, 10))
        {
            if (option.ValueKind != JsonValueKind.String || option.GetString() is not { Length: > 0 and <= 64 } value || value.Trim().Length == 0)
            {
                r.Errors.Add(new(at, "An option is a text of 1 to 64 characters."));
                continue;
            }

            options.Add(value.Trim());
        }

        if (validation == AnswerValidation.Choice && options.Count < 2)
        {
            r.Errors.Add(new($"{r.At}.options", "A choice question needs 2 to 10 options."));
        }
        else if (validation != AnswerValidation.Choice && options.Count > 0)
        {
            r.Errors.Add(new($"{r.At}.options", "Options are only for a choice question."));
        }

        var retry = r.Html("retry_prompt", MaxTextLength, optional: true) ?? DefaultRetryPrompt(validation);
        var maxRetries = r.Int("max_retries", 0, 10) ?? 2;
        return new QuestionStep(id, name, next, text ?? string.Empty, key ?? string.Empty, validation, options, retry, maxRetries);
    }

    private static DelayStep Delay(Guid id, string? name, string? next, ConfigReader r)
    {
        var max = (int)MaxDelay.TotalSeconds;
        var fixedSeconds = r.Int("seconds", 1, max);
        var min = r.Int("min_seconds", 1, max);
        var maxSeconds = r.Int("max_seconds", 1, max);
        if (fixedSeconds is not null && (min is not null || maxSeconds is not null))
        {
            r.Errors.Add(new($"{r.At}.seconds", "Give either seconds, or min_seconds and max_seconds."));
        }
        else if (fixedSeconds is null && (min is null || maxSeconds is null))
        {
            r.Errors.Add(new($"{r.At}.seconds", "A delay needs seconds (fixed) or min_seconds and max_seconds (random)."));
        }
        else if (min > maxSeconds)
        {
            r.Errors.Add(new($"{r.At}.max_seconds", "max_seconds must be at least min_seconds."));
        }

        return new DelayStep(
            id, name, next, TimeSpan.FromSeconds(fixedSeconds ?? min ?? 1), TimeSpan.FromSeconds(fixedSeconds ?? maxSeconds ?? 1));
    }

    private static WaitForReplyStep WaitForReply(Guid id, string? name, string? next, ConfigReader r)
    {
        var timeout = r.Int("timeout_seconds", (int)MinTimeout.TotalSeconds, (int)MaxDelay.TotalSeconds);
        if (timeout is null && !r.Has("timeout_seconds"))
        {
            r.Errors.Add(new($"{r.At}.timeout_seconds", $"A wait needs timeout_seconds ({MinTimeout.TotalSeconds:F0} to {MaxDelay.TotalSeconds:F0})."));
        }

        var action = r.Enum<TimeoutAction>("timeout_action") ?? TimeoutAction.Continue;
        var message = r.Html("timeout_message", MaxTextLength, optional: true);
        var key = r.AnswerKey("answer_key", optional: true);
        var branches = new List<KeywordBranch>();
        foreach (var (branch, at) in r.Array("branches", 0, 20))
        {
            var b = new ConfigReader(branch, at, r.Errors);
            var keyword = b.String("keyword", optional: false, 64);
            var step = b.Name("step", optional: false);
            branches.Add(new KeywordBranch(keyword ?? string.Empty, step ?? string.Empty));
        }

        return new WaitForReplyStep(id, name, next, TimeSpan.FromSeconds(timeout ?? 60), action, message, key, branches);
    }

    private static string DefaultRetryPrompt(AnswerValidation validation) => validation switch
    {
        AnswerValidation.Number => "Please answer with a number.",
        AnswerValidation.Email => "Please send a valid email address.",
        AnswerValidation.Choice => "Please choose one of the options.",
        _ => "Please send your answer as text.",
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex AnswerKeyPattern();

    private sealed class ConfigReader(JsonElement element, string at, List<FlowError> errors)
    {
        public string At => at;

        public List<FlowError> Errors => errors;

        public bool Has(string field) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null;

        public string? String(string field, bool optional, int maxLength)
        {
            if (!Has(field))
            {
                if (!optional)
                {
                    errors.Add(new($"{at}.{field}", $"'{field}' is required."));
                }

                return null;
            }

            var value = element.GetProperty(field);
            if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
            {
                errors.Add(new($"{at}.{field}", $"'{field}' must be a non-empty text."));
                return null;
            }

            var text = value.GetString()!;
            if (text.Length > maxLength)
            {
                errors.Add(new($"{at}.{field}", $"'{field}' must be at most {maxLength} characters."));
                return null;
            }

            return text;
        }

        public string? Html(string field, int maxLength, bool optional = false)
        {
            var text = String(field, optional, maxLength);
            if (text is not null && TelegramHtmlCheck.Problem(text) is { } problem)
            {
                errors.Add(new($"{at}.{field}", problem));
                return null;
            }

            return text;
        }

        public string? Name(string field, bool optional)
        {
            var name = String(field, optional, 64);
            if (name is not null && !NamePattern().IsMatch(name))
            {
                errors.Add(new($"{at}.{field}", "A step name is 1 to 64 of A-Z, a-z, 0-9, _ and -."));
                return null;
            }

            return name;
        }

        public string? AnswerKey(string field, bool optional)
        {
            var key = String(field, optional, 40);
            if (key is not null && !AnswerKeyPattern().IsMatch(key))
            {
                errors.Add(new($"{at}.{field}", "An answer key is lower case: a letter, then up to 39 of a-z, 0-9 and _."));
                return null;
            }

            return key;
        }

        public int? Int(string field, int min, int max)
        {
            if (!Has(field))
            {
                return null;
            }

            var value = element.GetProperty(field);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
            {
                errors.Add(new($"{at}.{field}", string.Create(CultureInfo.InvariantCulture, $"'{field}' must be a whole number from {min} to {max}.")));
                return null;
            }

            return number;
        }

        public TEnum? Enum<TEnum>(string field) where TEnum : struct, Enum
        {
            if (!Has(field))
            {
                return null;
            }

            var value = element.GetProperty(field);
            var names = System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToList();
            if (value.ValueKind == JsonValueKind.String && names.IndexOf(value.GetString()!) is var index and >= 0)
            {
                return System.Enum.GetValues<TEnum>()[index];
            }

            errors.Add(new($"{at}.{field}", $"'{field}' must be one of: {string.Join(", ", names)}."));
            return null;
        }

        public IEnumerable<(JsonElement Item, string At)> Array(string field, int min, int max)
        {
            if (!Has(field))
            {
                return [];
            }

            var value = element.GetProperty(field);
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < min || value.GetArrayLength() > max)
            {
                errors.Add(new($"{at}.{field}", $"'{field}' must be a list of at most {max} items."));
                return [];
            }

            return value.EnumerateArray().Select((item, i) => (item, $"{at}.{field}[{i}]")).ToList();
        }
    }
}

/// <summary>A step as the API sends it: its id when it already exists, its type and its config object.</summary>
public sealed record StepInput(Guid? Id, string? Type, JsonElement Config);
