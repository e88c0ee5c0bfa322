using System.Text.RegularExpressions;

namespace PromoStack.Infrastructure.Coupons.Storage;

/// <summary>
/// The keys both stores accept: segments of letters, digits, <c>.</c>, <c>_</c> and <c>-</c> separated by single
/// slashes, none starting with a dot, at most 200 characters. A key is placed under its tenant's prefix in a bucket,
/// so one that a URL would normalize (<c>../beta/x</c>, <c>/x</c>, <c>a//b</c>) could name another tenant's object.
/// </summary>
public static partial class CouponImageKey
{
    public const int MaxLength = 200;

    /// <summary>Returns <paramref name="key"/>, or throws when it is not a key a store accepts.</summary>
    public static string Checked(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || !Shape().IsMatch(key))
        {
            throw new ArgumentException(
                $"An image key is 1 to {MaxLength} letters, digits, '.', '_' or '-' in '/'-separated segments, none starting with '.'.", nameof(key));
        }

        return key;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
