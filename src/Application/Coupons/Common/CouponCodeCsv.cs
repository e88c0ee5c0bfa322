namespace PromoStack.Application.Coupons;

/// <summary>
/// Reads an uploaded code list: one code per line, or CSV whose first column is the code (quoted cells allowed).
/// Blank lines are skipped, and so is a first line that is a column title (<c>code</c>, <c>coupon_code</c>, …).
/// </summary>
internal static class CouponCodeCsv
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "codes", "coupon", "coupons", "coupon code", "coupon_code", "coupon-code", "couponcode", "promo", "promo code", "promo_code",
        "promocode", "discount code", "discount_code",
    };

    /// <summary>Each line's first cell with its line number (from 1), in order; blank lines and a title line left out.</summary>
    public static IEnumerable<(int Line, string Cell)> FirstColumn(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var number = 0;
        var first = true;
        foreach (var raw in csv.Split('\n'))
        {
            number++;
            var cell = FirstCell(raw.TrimEnd('\r').TrimStart('\uFEFF')).Trim();
            if (cell.Length == 0)
            {
                continue;
            }

            if (first && Titles.Contains(cell))
            {
                first = false;
                continue;
            }

            first = false;
            yield return (number, cell);
        }
    }

    private static string FirstCell(string line)
    {
        var text = line.TrimStart();
        if (!text.StartsWith('"'))
        {
            var end = text.IndexOfAny([',', ';', '\t']);
            return end < 0 ? text : text[..end];
        }

        var cell = new System.Text.StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                cell.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else
            {
                break;
            }
        }

        return cell.ToString();
    }
}
