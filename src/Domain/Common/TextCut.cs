namespace PromoStack.Domain.Common;

/// <summary>
/// Shortening text for columns and messages with a length limit without splitting a character: a cut between the
/// two halves of a surrogate pair (an emoji, say) would leave half a character, which UTF-8 cannot encode — the
/// database refuses it and the write fails again on every retry.
/// </summary>
public static class TextCut
{
    /// <summary>The text, or its first UTF-16 units up to <paramref name="maxLength"/> that end on a whole character.</summary>
    public static string AtMost(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];

    /// <summary>The text, or its start and "…" within <paramref name="maxLength"/>.</summary>
    public static string WithEllipsis(string text, int maxLength) =>
        text.Length <= maxLength ? text : AtMost(text, maxLength - 1) + "…";
}
