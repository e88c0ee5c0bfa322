using System.Text;

namespace PromoStack.Application.Telegram;

/// <summary>
/// PostgreSQL's <c>jsonb</c> refuses the escape <c>\u0000</c> (a NUL character in a string), so an update carrying one
/// could never be stored, and Telegram would re-send it forever. Such a character is replaced by U+FFFD, the
/// replacement character; everything else, including an escaped backslash followed by <c>u0000</c>, is kept as sent.
/// </summary>
public static class NulEscapes
{
    private const string Nul = "\\u0000";
    private const string Replacement = "\\ufffd";

    public static string Replace(string json)
    {
        if (!json.Contains(Nul, StringComparison.Ordinal))
        {
            return json;
        }

        var result = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                result.Append(json[i]);
                continue;
            }

            // An escape: two characters, or six for \uXXXX; the backslash never starts another escape.
            if (string.Compare(json, i, Nul, 0, Nul.Length, StringComparison.Ordinal) == 0)
            {
                result.Append(Replacement);
                i += Nul.Length - 1;
            }
            else
            {
                result.Append(json, i, 2);
                i++;
            }
        }

        return result.ToString();
    }
}
