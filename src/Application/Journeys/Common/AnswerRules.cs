using System.Globalization;
using System.Net.Mail;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>How an answer to a question is checked and normalised (numbers invariant, emails lower case, a choice by text or number).</summary>
public static class AnswerRules
{
    /// <summary>The valid form of an answer, or null when it is not valid for the question.</summary>
    public static string? Valid(QuestionStep question, string text)
    {
        var trimmed = text.Trim();
        switch (question.Validation)
        {
            case AnswerValidation.Number:
                var normalized = trimmed.Replace(',', '.').Replace(" ", string.Empty, StringComparison.Ordinal);
                return decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null;
            case AnswerValidation.Email:
                return trimmed.Length <= 320 && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
                    ? trimmed.ToLowerInvariant()
                    : null;
            case AnswerValidation.Choice:
                return question.Options.FirstOrDefault(o => o.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
                       ?? (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var pick) && pick >= 1 && pick <= question.Options.Count
                           ? question.Options[pick - 1]
                           : null);
            default:
                return trimmed.Length == 0 ? null : trimmed.Length > 1000 ? trimmed[..1000] : trimmed;
        }
    }
}
