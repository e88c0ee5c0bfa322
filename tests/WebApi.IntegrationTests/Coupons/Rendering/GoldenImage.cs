namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>
/// Compares a render with its committed expectation in <c>tests/TestData/coupons/golden/</c>: at most
/// <see cref="MaxDifferingShare"/> of the pixels may differ, by more than <see cref="ChannelTolerance"/> on some channel
/// (room for another CPU's rounding, not for a moved or resized code). <c>UPDATE_GOLDEN=1</c> writes the renders as the
/// new expectations instead (review them before committing). On a mismatch the render and a diff image (differing pixels
/// red over a faded render) are written to <c>TestResults/golden/</c> and named in the failure.
/// </summary>
internal static class GoldenImage
{
    public const int ChannelTolerance = 8;
    public const double MaxDifferingShare = 0.005;

    private static string Expected => Path.Combine(RepositoryRoot.Path, "tests", "TestData", "coupons", "golden");

    private static string Failures => Path.Combine(RepositoryRoot.Path, "TestResults", "golden");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void ShouldMatch(byte[] png, string name)
    {
        var path = Path.Combine(Expected, name + ".png");
        if (Updating)
        {
            Directory.CreateDirectory(Expected);
            File.WriteAllBytes(path, png);
            return;
        }

        File.Exists(path).Should().BeTrue("{0} is the expected render (UPDATE_GOLDEN=1 writes it)", path);
        var expected = RasterImage.Decode(File.ReadAllBytes(path));
        var actual = RasterImage.Decode(png);
        (actual.Width, actual.Height).Should().Be((expected.Width, expected.Height), "the render has the expected size");

        var diff = new uint[actual.Pixels.Length];
        var differing = 0;
        for (var i = 0; i < diff.Length; i++)
        {
            if (RasterImage.Distance(actual.Pixels[i], expected.Pixels[i]) > ChannelTolerance)
            {
                differing++;
                diff[i] = RasterImage.Rgba(255, 0, 0);
            }
            else
            {
                var grey = (byte)(191 + ((actual.Pixels[i] & 0xFF) / 4));
                diff[i] = RasterImage.Rgba(grey, grey, grey);
            }
        }

        var share = (double)differing / diff.Length;
        if (share > MaxDifferingShare)
        {
            Directory.CreateDirectory(Failures);
            var actualPath = Path.Combine(Failures, name + ".actual.png");
            var diffPath = Path.Combine(Failures, name + ".diff.png");
            File.WriteAllBytes(actualPath, png);
            File.WriteAllBytes(diffPath, RasterImage.Of(actual.Width, actual.Height, diff).ToPng());
            share.Should().BeLessThanOrEqualTo(
                MaxDifferingShare,
                "{0} pixels of {1} differ from {2} by more than {3}; the render is {4}, the diff {5} (UPDATE_GOLDEN=1 accepts the render)",
                differing, diff.Length, path, ChannelTolerance, actualPath, diffPath);
        }
    }
}
