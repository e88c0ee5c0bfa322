using System.Text.RegularExpressions;

namespace PromoStack.Domain.Journeys;

/// <summary>Stored as <c>message</c>, <c>question</c>, <c>delay</c>, <c>wait_for_reply</c>.</summary>
public enum StepType
{
    Message,
    Question,
    Delay,
    WaitForReply,
}

/// <summary>How a question's answer is checked.</summary>
public enum AnswerValidation
{
    Text,
    Number,
    Email,
    Choice,
}

/// <summary>What a <c>wait_for_reply</c> step does when no reply came in time.</summary>
public enum TimeoutAction
{
    Continue,
    End,
}

/// <summary>An inline URL button under a message.</summary>
public sealed record UrlButton(string Text, string Url);

/// <summary>A reply containing <see cref="Keyword"/> (a whole word, any case) goes to the step named <see cref="Step"/>.</summary>
public sealed record KeywordBranch(string Keyword, string Step);

/// <summary>
/// One step of a flow. <see cref="Name"/> lets branches and <see cref="Next"/> refer to it; without <see cref="Next"/>
/// a step is followed by the next one in order, and the last one completes the session.
/// </summary>
public abstract record StepDefinition(Guid Id, string? Name, string? Next)
{
    public abstract StepType Type { get; }

    /// <summary>The texts a user may see, with the config field each comes from (for placeholder checks).</summary>
    public abstract IEnumerable<(string Field, string Text)> Texts { get; }
}

public sealed record MessageStep(Guid Id, string? Name, string? Next, string Text, IReadOnlyList<UrlButton> Buttons, string? Photo)
    : StepDefinition(Id, Name, Next)
{
    public override StepType Type => StepType.Message;

    public override IEnumerable<(string Field, string Text)> Texts => [("text", Text)];
}

public sealed record QuestionStep(
    Guid Id, string? Name, string? Next, string Text, string AnswerKey, AnswerValidation Validation, IReadOnlyList<string> Options,
    string RetryPrompt, int MaxRetries)
    : StepDefinition(Id, Name, Next)
{
    public override StepType Type => StepType.Question;

    public override IEnumerable<(string Field, string Text)> Texts => [("text", Text), ("retry_prompt", RetryPrompt)];
}

/// <summary>Waits <see cref="Min"/> (or a random time between <see cref="Min"/> and <see cref="Max"/>).</summary>
public sealed record DelayStep(Guid Id, string? Name, string? Next, TimeSpan Min, TimeSpan Max) : StepDefinition(Id, Name, Next)
{
    public override StepType Type => StepType.Delay;

    public override IEnumerable<(string Field, string Text)> Texts => [];
}

public sealed record WaitForReplyStep(
    Guid Id, string? Name, string? Next, TimeSpan Timeout, TimeoutAction OnTimeout, string? TimeoutMessage, string? AnswerKey,
    IReadOnlyList<KeywordBranch> Branches)
    : StepDefinition(Id, Name, Next)
{
    public override StepType Type => StepType.WaitForReply;

    public override IEnumerable<(string Field, string Text)> Texts => TimeoutMessage is null ? [] : [("timeout_message", TimeoutMessage)];
}

/// <summary>A flow problem, with the field it is about (e.g. <c>steps[2].config.text</c>).</summary>
public sealed record FlowError(string Field, string Message);

/// <summary>
/// A journey's ordered steps as one graph: where each step goes next, and the checks a flow must pass before it
/// runs: names unique, branches and <c>next</c> to existing steps, placeholders known, and no cycle a session could
/// go round without the user doing anything (messages, delays and reply timeouts that continue).
/// </summary>
public sealed class JourneyFlow
{
    public const int MaxSteps = 100;

    private readonly Dictionary<Guid, int> _index;

    public JourneyFlow(IReadOnlyList<StepDefinition> steps)
    {
        Steps = steps;
        _index = steps.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public IReadOnlyList<StepDefinition> Steps { get; }

    public StepDefinition? First => Steps.Count == 0 ? null : Steps[0];

    public StepDefinition? Find(Guid? id) => id is { } key && _index.TryGetValue(key, out var i) ? Steps[i] : null;

    public StepDefinition? Named(string name) => Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The step after <paramref name="step"/>: its <c>next</c>, else the following one; null at the end.</summary>
    public StepDefinition? After(StepDefinition step) =>
        step.Next is { } next ? Named(next) : _index[step.Id] + 1 < Steps.Count ? Steps[_index[step.Id] + 1] : null;

    /// <summary>Where a reply to a <c>wait_for_reply</c> step leads: the first branch whose keyword it contains, else on.</summary>
    public StepDefinition? AfterReply(WaitForReplyStep step, string reply) =>
        step.Branches.FirstOrDefault(b => Keywords.ContainsWord(reply, b.Keyword)) is { } branch ? Named(branch.Step) : After(step);

    public IReadOnlyList<FlowError> Validate()
    {
        var errors = new List<FlowError>();
        if (Steps.Count == 0)
        {
            errors.Add(new("steps", "A journey needs at least one step."));
        }

        if (Steps.Count > MaxSteps)
        {
            errors.Add(new("steps", $"A journey has at most {MaxSteps} steps."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var answerKeys = Steps.Select(AnswerKeyOf).Where(k => k is not null).Select(k => k!).ToList();
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var at = $"steps[{i}]";
            if (step.Name is { } name && !names.Add(name))
            {
                errors.Add(new($"{at}.config.name", $"Another step is already named '{name}'."));
            }

            if (step.Next is { } next && Named(next) is null)
            {
                errors.Add(new($"{at}.config.next", $"There is no step named '{next}'."));
            }

            if (step is WaitForReplyStep wait)
            {
                for (var b = 0; b < wait.Branches.Count; b++)
                {
                    if (Named(wait.Branches[b].Step) is null)
                    {
                        errors.Add(new($"{at}.config.branches[{b}].step", $"There is no step named '{wait.Branches[b].Step}'."));
                    }
                }
            }

            if (AnswerKeyOf(step) is { } key && answerKeys.Count(k => k == key) > 1)
            {
                errors.Add(new($"{at}.config.answer_key", $"Another step already collects the answer '{key}'."));
            }

            foreach (var (field, text) in step.Texts)
            {
                foreach (var problem in Placeholders.Problems(text, answerKeys))
                {
                    errors.Add(new($"{at}.config.{field}", problem));
                }
            }
        }

        if (errors.Count == 0 && AutomaticCycle() is { } cycle)
        {
            errors.Add(new($"steps[{_index[cycle]}].config.next", "This flow can loop forever without the user replying (a cycle of messages, delays or reply timeouts that continue)."));
        }

        return errors;
    }

    private static string? AnswerKeyOf(StepDefinition step) => step switch
    {
        QuestionStep q => q.AnswerKey,
        WaitForReplyStep w => w.AnswerKey,
        _ => null,
    };

    /// <summary>A step on a cycle of edges taken without any user input, or null.</summary>
    private Guid? AutomaticCycle()
    {
        var state = new Dictionary<Guid, int>();
        foreach (var start in Steps)
        {
            var stack = new Stack<(StepDefinition Step, bool Leaving)>();
            stack.Push((start, false));
            while (stack.Count > 0)
            {
                var (step, leaving) = stack.Pop();
                if (leaving)
                {
                    state[step.Id] = 2;
                    continue;
                }

                if (state.TryGetValue(step.Id, out var seen))
                {
                    if (seen == 1)
                    {
                        return step.Id;
                    }

                    continue;
                }

                state[step.Id] = 1;
                stack.Push((step, true));
                if (AutomaticSuccessor(step) is { } next)
                {
                    if (state.TryGetValue(next.Id, out var nextState) && nextState == 1)
                    {
                        return next.Id;
                    }

                    stack.Push((next, false));
                }
            }
        }

        return null;
    }

    private StepDefinition? AutomaticSuccessor(StepDefinition step) => step switch
    {
        MessageStep or DelayStep => After(step),
        WaitForReplyStep { OnTimeout: TimeoutAction.Continue } => After(step),
        _ => null,
    };
}

/// <summary><c>{first_name}</c>, <c>{username}</c> and <c>{answer:key}</c> in step texts.</summary>
public static partial class Placeholders
{
    public static IEnumerable<string> Problems(string text, IReadOnlyCollection<string> answerKeys)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (name is "first_name" or "username")
            {
                continue;
            }

            if (name.StartsWith("answer:", StringComparison.Ordinal))
            {
                var key = name["answer:".Length..];
                if (!answerKeys.Contains(key))
                {
                    yield return $"{{{name}}} refers to no answer: no question or reply step has the answer_key '{key}'.";
                }

                continue;
            }

            yield return $"Unknown placeholder {{{name}}}: use {{first_name}}, {{username}} or {{answer:<key>}}.";
        }
    }

    /// <summary>The text with its placeholders filled; values are HTML-escaped (the text itself is Telegram HTML).</summary>
    public static string Render(string text, string? firstName, string? username, IReadOnlyDictionary<string, string> answers) =>
        Pattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            var value = name switch
            {
                "first_name" => firstName ?? "there",
                "username" => username is null ? string.Empty : $"@{username}",
                _ when name.StartsWith("answer:", StringComparison.Ordinal) => answers.GetValueOrDefault(name["answer:".Length..]) ?? string.Empty,
                _ => match.Value,
            };
            return System.Net.WebUtility.HtmlEncode(value);
        });

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Pattern();
}

/// <summary>Keyword matching for triggers and branches: a whole word (or phrase) in any case.</summary>
public static class Keywords
{
    public static bool ContainsWord(string text, string keyword) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(keyword.Trim())}(?![\p{{L}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    public static bool IsExactly(string text, string keyword) =>
        string.Equals(text.Trim(), keyword.Trim(), StringComparison.OrdinalIgnoreCase);
}
