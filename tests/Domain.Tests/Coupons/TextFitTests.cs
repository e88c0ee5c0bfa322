using PromoStack.Domain.Coupons;

namespace PromoStack.Domain.Tests.Coupons;

/// <summary>
/// <see cref="TextFit.Largest"/> on made-up text whose ink grows linearly with the font size (as a real font's does):
/// the largest whole size that fits both sides, bounded by the maximum, and the minimum with clipping when nothing fits.
/// </summary>
public sealed class TextFitTests
{
    /// <summary>Text as wide as <paramref name="widthPerPx"/> × size and as tall as <paramref name="heightPerPx"/> × size.</summary>
    private static Func<float, (float Width, float Height)> Text(float widthPerPx, float heightPerPx) =>
        size => (size * widthPerPx, size * heightPerPx);

    [Fact]
    public void TheLargestSizeThatFits_IsTaken_UpToTheMaximum()
    {
        TextFit.Largest(Text(2, 0.7f), boxWidth: 10_000, boxHeight: 10_000, maximumPx: 80)
            .Should().Be(new FittedText(80, Clipped: false));
    }

    [Fact]
    public void AWideCode_IsBoundByTheBoxWidth()
    {
        // 6 px of width per px of size in a 600 px wide box: 100 px, although the height would allow 200.
        TextFit.Largest(Text(6, 0.7f), boxWidth: 600, boxHeight: 140, maximumPx: 400)
            .Should().Be(new FittedText(100, Clipped: false));
    }

    [Fact]
    public void AShortCode_IsBoundByTheBoxHeight()
    {
        // Ink 1.25 × the size tall in a 100 px high box: 80 px, although the width would allow 500.
        TextFit.Largest(Text(2, 1.25f), boxWidth: 1_000, boxHeight: 100, maximumPx: 400)
            .Should().Be(new FittedText(80, Clipped: false));
    }

    [Fact]
    public void TheSizeIsNeverTallerThanTheBox_EvenWhenTheInkIsShorter()
    {
        // Ink half the size tall would fit 200 px in a 100 px box; the size itself is capped at the box height.
        TextFit.Largest(Text(1, 0.5f), boxWidth: 10_000, boxHeight: 100, maximumPx: 400).SizePx.Should().Be(100);
    }

    [Fact]
    public void ACodeThatFitsExactly_Fits()
    {
        TextFit.Largest(Text(5, 1), boxWidth: 250, boxHeight: 50, maximumPx: 400)
            .Should().Be(new FittedText(50, Clipped: false));
    }

    [Fact]
    public void ACodeTooLongAtTheMinimum_IsDrawnAtTheMinimumAndClipped()
    {
        TextFit.Largest(Text(60, 0.7f), boxWidth: 500, boxHeight: 100, maximumPx: 80)
            .Should().Be(new FittedText((int)TextFit.DefaultMinimumPx, Clipped: true));
    }

    [Fact]
    public void ABoxLowerThanTheMinimum_ClipsAtTheMinimum()
    {
        TextFit.Largest(Text(1, 1), boxWidth: 500, boxHeight: 8, maximumPx: 80)
            .Should().Be(new FittedText(12, Clipped: true));
    }

    [Fact]
    public void AMaximumBelowTheMinimum_GivesTheMinimum()
    {
        TextFit.Largest(Text(1, 1), boxWidth: 500, boxHeight: 500, maximumPx: 8)
            .Should().Be(new FittedText(12, Clipped: false));
    }

    [Fact]
    public void AnotherMinimum_IsHonoured()
    {
        TextFit.Largest(Text(60, 0.7f), boxWidth: 500, boxHeight: 100, maximumPx: 80, minimumPx: 6)
            .Should().Be(new FittedText(8, Clipped: false));
        TextFit.Largest(Text(100, 0.7f), boxWidth: 500, boxHeight: 100, maximumPx: 80, minimumPx: 6)
            .Should().Be(new FittedText(6, Clipped: true));
    }

    [Fact]
    public void TheSizeChosen_IsTheLargestThatFits_AndGrowsWithTheBox()
    {
        // Ink with a step in it (a real font's widths are not exactly linear): 3 px per px of size, plus 7 px above 40 px.
        (float Width, float Height) Measure(float size) => ((size * 3) + (size > 40 ? 7 : 0), size * 0.72f);

        var previous = 0;
        for (var boxWidth = 20; boxWidth <= 1_500; boxWidth += 7)
        {
            var fitted = TextFit.Largest(Measure, boxWidth, boxHeight: 150, maximumPx: 120);
            fitted.SizePx.Should().BeGreaterThanOrEqualTo(previous, "a wider box never gets a smaller size (width {0})", boxWidth);
            previous = fitted.SizePx;

            var (width, height) = Measure(fitted.SizePx);
            if (fitted.Clipped)
            {
                fitted.SizePx.Should().Be(12);
                width.Should().BeGreaterThan(boxWidth);
                continue;
            }

            (width <= boxWidth && height <= 150).Should().BeTrue("size {0} fits a {1} px box", fitted.SizePx, boxWidth);
            if (fitted.SizePx < 120)
            {
                Measure(fitted.SizePx + 1).Width.Should().BeGreaterThan(boxWidth, "one size larger does not fit (width {0})", boxWidth);
            }
        }

        previous.Should().Be(120);
    }

    [Fact]
    public void TheMeasureIsRequired() =>
        FluentActions.Invoking(() => TextFit.Largest(null!, 100, 100, 50)).Should().Throw<ArgumentNullException>();
}
