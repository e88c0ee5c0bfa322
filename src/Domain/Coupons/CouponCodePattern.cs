using System.Text.RegularExpressions;
using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// What text counts as a code: the tenant's pattern, matched against the whole normalised text (trimmed, upper
/// case), never a command word. Patterns run without backtracking and with a time limit, so an admin's pattern
/// cannot stall the bot. Only text that passes is checked with the partner; the rest is chatter.
/// </summary>
public sealed class CouponCodePattern
{
    public const string Default = "[A-Z0-9_-]{3,32}";
    public const int MaxLength = 200;
    public const int MaxCodeLength = 64;

    /// <summary>Words the bot knows as commands; a message of one of them is never a code.</summary>
    public static readonly IReadOnlySet<string> CommandWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "START", "GENERATE", "HELP", "CANCEL", "STOP", "MENU", "HI", "HELLO", "HEY", "THANKS", "OK", "YES", "NO",
    };

    private readonly Regex _regex;

    private CouponCodePattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    public string Source { get; }

    public static CouponCodePattern DefaultPattern { get; } = Parse(Default);

    /// <summary>Returns null when the pattern is usable, otherwise the reason.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > MaxLength)
        {
            return $"A code pattern is a regular expression of 1 to {MaxLength} characters.";
        }

        try
        {
            _ = Compile(pattern);
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"The code pattern is not a regular expression this engine runs: {exception.Message}";
        }
        catch (NotSupportedException exception)
        {
            return $"The code pattern uses a construct that cannot run without backtracking: {exception.Message}";
        }
    }

    public static CouponCodePattern Parse(string pattern) =>
        Problem(pattern) is { } problem ? throw new DomainException(problem) : new CouponCodePattern(pattern, Compile(pattern));

    /// <summary>Trimmed, inner whitespace kept (so "black friday" is not a code), upper case.</summary>
    public static string Normalise(string text) => text.Trim().ToUpperInvariant();

    /// <summary>Whether <paramref name="text"/>, normalised, is a code; when it is, <paramref name="code"/> is it.</summary>
    public bool TryMatch(string? text, out string code)
    {
        code = text is null ? string.Empty : Normalise(text);
        if (code.Length is 0 or > MaxCodeLength || CommandWords.Contains(code))
        {
            return false;
        }

        try
        {
            return _regex.IsMatch(code);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex Compile(string pattern) =>
        new($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));
}
