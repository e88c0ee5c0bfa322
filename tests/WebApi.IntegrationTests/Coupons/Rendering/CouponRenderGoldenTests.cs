using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Coupons.Rendering;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>
/// Codes drawn on fixed backgrounds and compared with committed renders (<see cref="GoldenImage"/>), and what the pixels
/// must show whatever the expectation says: the ink aligned to the box's edges or centre, nothing outside the box
/// changed, the outline inside the box, the logo centre-cropped into its circle.
/// </summary>
public sealed class CouponRenderGoldenTests : IDisposable
{
    private const int Side = 540;
    private static readonly byte[] Square = TestTemplates.Background(Side, Side);
    private static readonly RasterImage SquarePixels = RasterImage.Decode(Square);

    private readonly SkiaCouponRenderer _renderer = new(Options.Create(new CouponRenderingOptions()), RenderMeters.Shared);

    public void Dispose() => _renderer.Dispose();

    [Fact]
    public async Task ACode_CentredInTheMiddleOfItsBox()
    {
        var style = Style(new TextBox(10, 40, 80, 20, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 200);
        var (png, changed, box) = await RenderAsync(style, "SAVE20");

        GoldenImage.ShouldMatch(png, "square-center-middle");
        box.Contains(changed).Should().BeTrue("the ink {0} lies in the box {1}", changed, box);
        changed.Width.Should().BeInRange(box.Width - 8, box.Width, "the code is as large as the box's width allows (one size more is about 5 px wider)");
        ((changed.Left + changed.Right) / 2.0).Should().BeApproximately((box.Left + box.Right) / 2.0, 1.5);
        ((changed.Top + changed.Bottom) / 2.0).Should().BeApproximately((box.Top + box.Bottom) / 2.0, 1.5);
    }

    [Fact]
    public async Task ACode_AtTheTopLeftOfItsBox_UpToTheMaximumSize()
    {
        var style = Style(new TextBox(5, 5, 60, 15, HorizontalAlign.Left, VerticalAlign.Top), maxFontPx: 40, color: "#FFD166");
        var (png, changed, box) = await RenderAsync(style, "AB12");

        GoldenImage.ShouldMatch(png, "square-left-top");
        changed.Left.Should().BeInRange(box.Left, box.Left + 1);
        changed.Top.Should().BeInRange(box.Top, box.Top + 1);
        changed.Height.Should().BeInRange(28, 31, "40 px capitals are about 29 px tall, well under the box's {0} px", box.Height);
    }

    [Fact]
    public async Task ACode_AtTheBottomRightOfItsBox()
    {
        var style = Style(new TextBox(30, 70, 65, 25, HorizontalAlign.Right, VerticalAlign.Bottom), maxFontPx: 90, color: "#FFFFFF");
        var (png, changed, box) = await RenderAsync(style, "WELCOME-5");

        GoldenImage.ShouldMatch(png, "square-right-bottom");
        box.Contains(changed).Should().BeTrue("the ink {0} lies in the box {1}", changed, box);
        changed.Right.Should().BeInRange(box.Right - 1, box.Right);
        changed.Bottom.Should().BeInRange(box.Bottom - 1, box.Bottom);
    }

    [Fact]
    public async Task AnOutline_IsDrawnUnderTheFill_AndFitsInTheBox()
    {
        var outline = new TextOutline("#000000", 12);
        var style = Style(new TextBox(10, 35, 80, 30, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 200, color: "#FF273E", outline: outline);
        var (png, changed, box) = await RenderAsync(style, "VIP-30");

        GoldenImage.ShouldMatch(png, "square-outline");
        box.Contains(changed).Should().BeTrue("the ink {0} lies in the box {1}", changed, box);
        changed.Width.Should().BeInRange(box.Width - 8, box.Width, "one size more would be about 5 px wider");

        // The outline, not the fill, reaches the box's sides: it was counted when the size was chosen, not clipped off.
        var image = RasterImage.Decode(png);
        var red = RasterImage.Rgba(0xFF, 0x27, 0x3E);
        foreach (var x in new[] { changed.Left, changed.Left + 1, changed.Right - 2, changed.Right - 1 })
        {
            Enumerable.Range(changed.Top, changed.Height).Where(y => RasterImage.Distance(image[x, y], red) < 40)
                .Should().BeEmpty("column {0} is outline, not fill", x);
        }

        image.Pixels.Count(p => RasterImage.Distance(p, red) < 8).Should().BeGreaterThan(2_000, "the fill is drawn over the outline");
        image.Pixels.Count(p => RasterImage.Distance(p, RasterImage.Rgba(0, 0, 0)) < 8).Should().BeGreaterThan(2_000, "the outline shows");
    }

    [Fact]
    public async Task TheLogo_IsCentreCroppedIntoACircle_AtTheTopLeft()
    {
        var style = Style(new TextBox(10, 40, 80, 20, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 120, logo: true);
        var request = new CouponRenderRequest(
            "golden:logo", _ => Task.FromResult(Square), _ => Task.FromResult(TestTemplates.Logo()), style, "LOGO-1");
        var png = await _renderer.RenderPngAsync(request, CancellationToken.None);

        GoldenImage.ShouldMatch(png, "square-logo");
        var image = RasterImage.Decode(png);

        // Margin max(20, 4 % of 540) = 21.6 and diameter max(32, 12 % of 540) = 64.8: the circle's centre is at 54.
        RasterImage.Distance(image[54, 54], Pixel(TestTemplates.LogoCentre)).Should().BeLessThan(16, "the logo's centre is the circle's centre");
        RasterImage.Distance(image[54, 25], Pixel(TestTemplates.LogoSquare)).Should().BeLessThan(16, "the top of the circle shows the top of the logo's centred square");
        RasterImage.Distance(image[25, 54], Pixel(TestTemplates.LogoSquare)).Should().BeLessThan(16, "the cropped square, not the frame around it, fills the circle");
        image[22, 22].Should().Be(SquarePixels[22, 22], "outside the circle the background is untouched");
        image[84, 84].Should().Be(SquarePixels[84, 84]);
        image.Pixels.Should().NotContain(p => RasterImage.Distance(p, Pixel(TestTemplates.LogoFrame)) < 40, "the frame outside the centred square is cropped off");
    }

    [Fact]
    public async Task NoLogo_IsDrawnOrLoaded_WhenTheStyleShowsNone()
    {
        var loaded = false;
        var style = Style(new TextBox(10, 40, 80, 20, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 120, logo: false);
        var request = new CouponRenderRequest("golden:no-logo", _ => Task.FromResult(Square), _ =>
        {
            loaded = true;
            return Task.FromResult(TestTemplates.Logo());
        }, style, "LOGO-1");

        var image = RasterImage.Decode(await _renderer.RenderPngAsync(request, CancellationToken.None));

        loaded.Should().BeFalse();
        image.ChangedFrom(SquarePixels).Should().NotBeNull();
        image[54, 54].Should().Be(SquarePixels[54, 54]);
    }

    [Fact]
    public async Task ACodeTooLongForItsBox_IsDrawnAtTheMinimumAndClippedToTheBox()
    {
        var style = Style(new TextBox(30, 45, 40, 8, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 80);
        var code = string.Concat(Enumerable.Repeat("LONG-CODE-", 6)) + "2026";
        var (png, changed, box) = await RenderAsync(style, code);

        GoldenImage.ShouldMatch(png, "square-clipped");
        var image = RasterImage.Decode(png);
        var outside = Enumerable.Range(0, Side * Side)
            .Where(i => !box.Contains(i % Side, i / Side) && image.Pixels[i] != SquarePixels.Pixels[i]);
        outside.Should().BeEmpty("no pixel outside the box {0} changes", box);
        (changed.Left, changed.Right).Should().Be((box.Left, box.Right), "the centred code overflows the box on both sides and is cut at its edges");
        changed.Height.Should().BeInRange(8, 12, "the minimum size, 12 px, is about 9 px of capitals");
    }

    [Fact]
    public async Task AStoryImage_IsRenderedAtItsFullSize()
    {
        var (width, height) = CouponSizes.Reference(CouponSize.Story);
        var background = TestTemplates.Background(width, height);
        var style = Style(new TextBox(8, 70, 84, 9, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 160, color: "#FFFFFF", outline: new TextOutline("#E04F5F", 6));
        var request = new CouponRenderRequest("golden:story", _ => Task.FromResult(background), null, style, "STORY-2026");

        var png = await _renderer.RenderPngAsync(request, CancellationToken.None);

        GoldenImage.ShouldMatch(png, "story-center-middle");
        var image = RasterImage.Decode(png);
        (image.Width, image.Height).Should().Be((1080, 1920));
        var changed = image.ChangedFrom(RasterImage.Decode(background))!.Value;
        var (left, top, boxWidth, boxHeight) = style.Box.InPixels(width, height);
        SKRectI.Create(left, top, boxWidth, boxHeight).Contains(changed).Should().BeTrue();
    }

    [Fact]
    public async Task APreview_IsASmallJpeg_OfTheSameShape()
    {
        var (width, height) = CouponSizes.Reference(CouponSize.Story);
        var background = TestTemplates.Background(width, height);
        var style = Style(new TextBox(8, 70, 84, 9, HorizontalAlign.Center, VerticalAlign.Middle), maxFontPx: 160);
        var request = new CouponRenderRequest("golden:preview", _ => Task.FromResult(background), null, style, "PREVIEW");

        var jpeg = await _renderer.RenderPreviewJpegAsync(request, 320, CancellationToken.None);

        jpeg.AsSpan(0, 3).ToArray().Should().Equal(0xFF, 0xD8, 0xFF);
        var image = RasterImage.Decode(jpeg);
        (image.Width, image.Height).Should().Be((180, 320));
        var squarePreview = await _renderer.RenderPreviewJpegAsync(
            new CouponRenderRequest("golden:preview-square", _ => Task.FromResult(Square), null, style, "PREVIEW"), 1000, CancellationToken.None);
        RasterImage.Decode(squarePreview).Width.Should().Be(Side, "a preview is never scaled up");
        await FluentActions.Awaiting(() => _renderer.RenderPreviewJpegAsync(request, 0, CancellationToken.None))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    private async Task<(byte[] Png, SKRectI Changed, SKRectI Box)> RenderAsync(CouponTextStyle style, string code)
    {
        var request = new CouponRenderRequest($"golden:{code}:{style.GetHashCode()}", _ => Task.FromResult(Square), null, style, code);
        var png = await _renderer.RenderPngAsync(request, CancellationToken.None);
        var changed = RasterImage.Decode(png).ChangedFrom(SquarePixels);
        changed.Should().NotBeNull("the code is drawn");
        var (left, top, width, height) = style.Box.InPixels(Side, Side);
        return (png, changed!.Value, SKRectI.Create(left, top, width, height));
    }

    private static CouponTextStyle Style(TextBox box, int maxFontPx, string color = "#FFFFFF", TextOutline? outline = null, bool logo = false) =>
        new(box, maxFontPx, color, outline, logo);

    private static uint Pixel(SKColor color) => RasterImage.Rgba(color.Red, color.Green, color.Blue, color.Alpha);
}
