using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Coupons.Rendering;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>The sample templates: every size and sample at its reference resolution, with a box on the dark code strip.</summary>
public sealed class SampleCouponArtTests
{
    private readonly SampleCouponArt _art = new();

    public static TheoryData<CouponSize, int> SizesAndSamples()
    {
        var data = new TheoryData<CouponSize, int>();
        foreach (var size in CouponSizes.All)
        {
            for (var sample = 1; sample <= ICouponSampleArt.Count; sample++)
            {
                data.Add(size, sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SizesAndSamples))]
    public void ASample_IsAPngOfTheSizesReferenceResolution_WithItsBoxOnTheCodeStrip(CouponSize size, int sample)
    {
        var art = _art.Draw(size, sample);

        var image = RasterImage.Decode(art.Png);
        (image.Width, image.Height).Should().Be(CouponSizes.Reference(size));
        CouponSizes.Fits(size, image.Width, image.Height).Should().BeTrue();
        art.Name.Should().StartWith("Sample");
        var (left, top, width, height) = art.Box.InPixels(image.Width, image.Height);
        (art.Box.Horizontal, art.Box.Vertical).Should().Be((HorizontalAlign.Center, VerticalAlign.Middle));
        height.Should().BeGreaterThan(80, "the strip leaves room for a large code");
        var centre = image[left + (width / 2), top + (height / 2)];
        new[] { centre & 0xFF, (centre >> 8) & 0xFF, (centre >> 16) & 0xFF }.Max().Should().BeLessThan(120u, "the strip is dark, for a light code");
    }

    [Fact]
    public void TheSamples_AreTwoDifferentDesigns()
    {
        var first = _art.Draw(CouponSize.Square, 1);
        var second = _art.Draw(CouponSize.Square, 2);

        first.Name.Should().NotBe(second.Name);
        first.Png.Should().NotEqual(second.Png);
        _art.Draw(CouponSize.Square, 1).Png.Should().Equal(first.Png, "a sample is drawn the same every time");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void OnlyTheSamplesThereAre_CanBeDrawn(int sample) =>
        FluentActions.Invoking(() => _art.Draw(CouponSize.Feed, sample)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(CouponSize.Square, 1, "sample-1-square")]
    [InlineData(CouponSize.Story, 2, "sample-2-story")]
    public async Task ACodeOnASample_LooksAsExpected(CouponSize size, int sample, string golden)
    {
        var art = _art.Draw(size, sample);
        using var renderer = new SkiaCouponRenderer(Options.Create(new CouponRenderingOptions()), RenderMeters.Shared);
        var style = new CouponTextStyle(art.Box, 120, "#FFFFFF", null, showLogo: false);

        var png = await renderer.RenderPngAsync(new CouponRenderRequest(golden, _ => Task.FromResult(art.Png), null, style, "WELCOME20"), CancellationToken.None);

        GoldenImage.ShouldMatch(png, golden);
    }
}
