using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Template art of our own for demos and first-run tenants: a background for a size, with an empty strip where the
/// code goes, and the text box that matches the strip. No third-party artwork.
/// </summary>
public interface ICouponSampleArt
{
    /// <summary>The samples there are: <see cref="Draw"/> takes 1 to this.</summary>
    public const int Count = 2;

    /// <summary>Sample <paramref name="sample"/> (1 to <see cref="Count"/>) at the reference size of <paramref name="size"/>.</summary>
    SampleArt Draw(CouponSize size, int sample);
}

/// <summary>A sample background as PNG, the box its code strip occupies, and a name for the template.</summary>
public sealed record SampleArt(byte[] Png, TextBox Box, string Name);
