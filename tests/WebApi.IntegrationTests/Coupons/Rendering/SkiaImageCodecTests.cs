using System.Security.Cryptography;
using System.Text;
using PromoStack.Application.Coupons;
using PromoStack.Infrastructure.Coupons.Rendering;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>
/// Uploads checked and re-encoded: PNG, JPEG and WebP taken by their bytes, anything else refused with a reason the admin
/// can read, the size limits applied before any pixel is decoded, and the PNG written back without the metadata.
/// </summary>
public sealed class SkiaImageCodecTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly SkiaImageCodec _codec = new();

    public static TheoryData<string> Formats() => ["png", "jpeg", "webp"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void AnImage_IsAccepted_AndWrittenAsPng(string format)
    {
        var upload = Encode(Quadrants(64, 48), format);

        var image = _codec.Normalise(upload);

        image.SourceFormat.Should().Be(format);
        (image.Width, image.Height).Should().Be((64, 48));
        image.Png.AsSpan(0, 8).ToArray().Should().Equal(PngSignature);
        image.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(image.Png)));
        var pixels = RasterImage.Decode(image.Png);
        RasterImage.Distance(pixels[5, 5], RasterImage.Rgba(0xE0, 0x20, 0x20)).Should().BeLessThan(12, "the top-left quadrant is red");
        RasterImage.Distance(pixels[60, 44], RasterImage.Rgba(0x20, 0x20, 0xE0)).Should().BeLessThan(12, "the bottom-right quadrant is blue");
    }

    [Fact]
    public void APng_KeepsItsExactPixels_TransparencyIncluded()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(10, 200, 30, 255));
        bitmap.SetPixel(1, 0, new SKColor(250, 100, 0, 128));
        bitmap.SetPixel(2, 0, new SKColor(0, 0, 0, 0));

        var image = _codec.Normalise(TestTemplates.Png(bitmap));

        var pixels = RasterImage.Decode(image.Png);
        pixels[0, 0].Should().Be(RasterImage.Rgba(10, 200, 30, 255));
        pixels[1, 0].Should().Be(RasterImage.Rgba(250, 100, 0, 128));
        (pixels[2, 0] >> 24).Should().Be(0);
    }

    [Fact]
    public void AnRgbaPngWithoutTransparency_IsWrittenAsRgb_AndOneWithTransparencyKeepsItsAlpha()
    {
        using var opaque = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        opaque.Erase(new SKColor(10, 20, 30, 255));
        using var transparent = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        transparent.Erase(new SKColor(10, 20, 30, 255));
        transparent.SetPixel(7, 7, new SKColor(10, 20, 30, 254));

        PngColourType(TestTemplates.Png(opaque)).Should().Be(6, "the upload is RGBA");
        PngColourType(_codec.Normalise(TestTemplates.Png(opaque)).Png).Should().Be(2, "RGB");
        PngColourType(_codec.Normalise(TestTemplates.Png(transparent)).Png).Should().Be(6, "RGBA");
    }

    [Fact]
    public void ATextFileNamedPng_IsNotAnImage()
    {
        var upload = Encoding.UTF8.GetBytes("this is coupon-art.png, honestly\n");

        FluentActions.Invoking(() => _codec.Normalise(upload))
            .Should().Throw<ImageRejectedException>().WithMessage("not a PNG, JPEG or WebP image");
        FluentActions.Invoking(() => _codec.Normalise([]))
            .Should().Throw<ImageRejectedException>().WithMessage("not a PNG, JPEG or WebP image");
    }

    [Fact]
    public void AGif_IsNotAccepted_ThoughSkiaCouldReadIt()
    {
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];

        FluentActions.Invoking(() => _codec.Normalise(gif))
            .Should().Throw<ImageRejectedException>().WithMessage("not a PNG, JPEG or WebP image");
    }

    [Fact]
    public void AHeaderClaimingHugeDimensions_IsRefusedBeforeDecoding()
    {
        // 5,000 × 5,000 RGBA would take 100 MB to decode; the file is 57 bytes and its pixel data is a token.
        var upload = CraftedImages.PngHeader(5000, 5000);

        FluentActions.Invoking(() => _codec.Normalise(upload))
            .Should().Throw<ImageRejectedException>().WithMessage("the image is 5000×5000; at most 4096×4096");
        FluentActions.Invoking(() => _codec.Normalise(CraftedImages.PngHeader(4097, 10)))
            .Should().Throw<ImageRejectedException>().WithMessage("the image is 4097×10; at most 4096×4096");
    }

    [Fact]
    public void AHeaderWithinTheLimits_ButNoRealPixels_CannotBeDecoded()
    {
        FluentActions.Invoking(() => _codec.Normalise(CraftedImages.PngHeader(100, 100)))
            .Should().Throw<ImageRejectedException>().WithMessage("the image could not be decoded");

        var truncated = Encode(Quadrants(64, 48), "jpeg")[..200];
        FluentActions.Invoking(() => _codec.Normalise(truncated))
            .Should().Throw<ImageRejectedException>().WithMessage("the image could not be decoded");
    }

    [Fact]
    public void AnUploadOverTenMegabytes_IsRefusedBeforeItIsRead()
    {
        var justOver = new byte[ICouponImageCodec.MaxBytes + 1];
        PngSignature.CopyTo(justOver, 0);
        var larger = new byte[(int)(12.3 * 1024 * 1024)];
        PngSignature.CopyTo(larger, 0);

        FluentActions.Invoking(() => _codec.Normalise(justOver))
            .Should().Throw<ImageRejectedException>().WithMessage("the image is 10.1 MB; at most 10 MB");
        FluentActions.Invoking(() => _codec.Normalise(larger))
            .Should().Throw<ImageRejectedException>().WithMessage("the image is 12.3 MB; at most 10 MB");
    }

    [Fact]
    public void PngTextChunks_AreNotWrittenBack()
    {
        var plain = Encode(Quadrants(64, 48), "png");
        var upload = CraftedImages.WithPngText(plain, "Author", "Jane Doe, jane@example.com");
        Latin1(upload).Should().Contain("jane@example.com", "the upload carries the metadata");

        var image = _codec.Normalise(upload);

        image.Png.Should().NotEqual(upload);
        Latin1(image.Png).Should().NotContain("tEXt").And.NotContain("jane@example.com");
        RasterImage.Decode(image.Png).Pixels.Should().Equal(RasterImage.Decode(plain).Pixels);
        _codec.Normalise(plain).Sha256.Should().Be(image.Sha256, "the same pixels make the same PNG, whatever metadata came with them");
    }

    [Fact]
    public void JpegExif_IsNotWrittenBack_AndItsOrientationIsApplied()
    {
        // Stored 64 wide and 48 high, to be shown turned 90° clockwise (EXIF orientation 6): 48 wide and 64 high.
        var upload = CraftedImages.WithExif(Encode(Quadrants(64, 48), "jpeg"), orientation: 6, make: "PhoneCam 3000");
        Latin1(upload).Should().Contain("PhoneCam 3000");

        var image = _codec.Normalise(upload);

        (image.Width, image.Height).Should().Be((48, 64));
        Latin1(image.Png).Should().NotContain("Exif").And.NotContain("PhoneCam");
        var pixels = RasterImage.Decode(image.Png);
        RasterImage.Distance(pixels[43, 5], RasterImage.Rgba(0xE0, 0x20, 0x20)).Should().BeLessThan(12, "the stored top-left (red) is now at the top right");
        RasterImage.Distance(pixels[5, 60], RasterImage.Rgba(0x20, 0x20, 0xE0)).Should().BeLessThan(12, "the stored bottom-right (blue) is now at the bottom left");
    }

    /// <summary>Red, green, yellow and blue quadrants (top-left, top-right, bottom-left, bottom-right).</summary>
    private static SKBitmap Quadrants(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint();
        (SKRect Rect, SKColor Color)[] quadrants =
        [
            (SKRect.Create(0, 0, width / 2, height / 2), new SKColor(0xE0, 0x20, 0x20)),
            (SKRect.Create(width / 2, 0, width / 2, height / 2), new SKColor(0x20, 0xE0, 0x20)),
            (SKRect.Create(0, height / 2, width / 2, height / 2), new SKColor(0xE0, 0xE0, 0x20)),
            (SKRect.Create(width / 2, height / 2, width / 2, height / 2), new SKColor(0x20, 0x20, 0xE0)),
        ];
        foreach (var (rect, color) in quadrants)
        {
            paint.Color = color;
            canvas.DrawRect(rect, paint);
        }

        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, string format)
    {
        using (bitmap)
        {
            using var pixmap = bitmap.PeekPixels();
            using var data = format switch
            {
                "png" => pixmap.Encode(SKEncodedImageFormat.Png, 100),
                "jpeg" => pixmap.Encode(new SKJpegEncoderOptions(95)),
                _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100)),
            } ?? throw new InvalidOperationException($"Skia wrote no {format}.");
            return data.ToArray();
        }
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The colour type in a PNG's header: 2 is RGB, 6 is RGBA.</summary>
    private static byte PngColourType(byte[] png) => png[8 + 4 + 4 + 9];
}
