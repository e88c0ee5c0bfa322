using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Attempts counted by outcome and kind. A failure is either the user's mistake (<see cref="CouponErrorTypes.IsUserMistake"/>:
/// a mistyped code, chatter, too many tries, a template removed under them) or a system failure (the partner down or
/// slow, no templates, a render that failed); the two are never mixed in one rate.
/// </summary>
/// <param name="ImageAttempts">Attempts that asked for an image (they name a template), whatever their outcome.</param>
/// <param name="ImagesMade">Image attempts that succeeded: images delivered.</param>
/// <param name="CodeChecks">Attempts without a template: a code checked.</param>
/// <param name="CodesAccepted">Code checks that succeeded.</param>
public sealed record CouponTally(
    int Attempts, int Successes, int UserMistakes, int SystemFailures, int ImageAttempts, int ImagesMade, int CodeChecks, int CodesAccepted)
{
    public static readonly CouponTally None = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Failures of both kinds.</summary>
    public int Failures => UserMistakes + SystemFailures;

    /// <summary>
    /// Of the attempts the system had to serve (all but the user's mistakes), how many it served:
    /// successes / (attempts − user mistakes). Typos and chatter do not lower it; partner and render failures do.
    /// Null when there is nothing to divide by.
    /// </summary>
    public double? SuccessRate => Rate(Successes, Attempts - UserMistakes);

    /// <summary>Successes / attempts, every failure counted.</summary>
    public double? RawSuccessRate => Rate(Successes, Attempts);

    /// <summary>User mistakes / attempts.</summary>
    public double? UserMistakeRate => Rate(UserMistakes, Attempts);

    /// <summary>System failures / attempts (raw success, user mistake and system failure rates add up to 1).</summary>
    public double? SystemFailureRate => Rate(SystemFailures, Attempts);

    /// <summary>
    /// The tally of attempts counted by error type (null: success) and kind (an image or a code check). An error type
    /// not in <see cref="CouponErrorTypes.Names"/> counts as a system failure.
    /// </summary>
    public static CouponTally Of(IEnumerable<CouponCount> counts)
    {
        var tally = None;
        foreach (var (errorType, image, count) in counts)
        {
            var success = errorType is null;
            var mistake = !success && IsUserMistake(errorType);
            tally = new CouponTally(
                tally.Attempts + count,
                tally.Successes + (success ? count : 0),
                tally.UserMistakes + (mistake ? count : 0),
                tally.SystemFailures + (!success && !mistake ? count : 0),
                tally.ImageAttempts + (image ? count : 0),
                tally.ImagesMade + (image && success ? count : 0),
                tally.CodeChecks + (image ? 0 : count),
                tally.CodesAccepted + (!image && success ? count : 0));
        }

        return tally;
    }

    /// <summary>Whether a stored error type is the user's doing.</summary>
    public static bool IsUserMistake(string? errorType) => CouponErrorTypes.Parse(errorType) is { } type && CouponErrorTypes.IsUserMistake(type);

    /// <summary><paramref name="part"/> / <paramref name="whole"/> to four decimals; null when <paramref name="whole"/> is 0.</summary>
    public static double? Rate(int part, int whole) => whole <= 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>How many attempts ended with <see cref="ErrorType"/> (null: a success), images or code checks.</summary>
public readonly record struct CouponCount(string? ErrorType, bool Image, int Count);
