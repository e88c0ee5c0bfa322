namespace PromoStack.Application.Common;

/// <summary>RFC 4180 cells; a value a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote.</summary>
internal static class Csv
{
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
