using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;
using static PromoStack.WebApi.IntegrationTests.Coupons.Templates.TemplateForms;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Templates;

/// <summary>
/// The upload routes' own body limits on Kestrel, as in production (the test server enforces none): above the API's
/// 1 MB for JSON, up to 41 MB for templates and 5 MB for code lists, declared or streamed, and a 413 ProblemDetails
/// beyond (from the declared length, before the body is read).
/// </summary>
public sealed class CouponUploadLimitsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task UploadsAboveTheJsonLimit_PassKestrel_UpToTheirRoutesLimit_AndNoFurther()
    {
        await using var app = new PromoStackFactory(Identity);
        app.UseKestrel(0);
        app.StartServer();
        var admin = await Given.TenantAsync(app, Identity, "user_kestrel_admin");
        var noise = Noise(1200, 1200);
        noise.Length.Should().BeGreaterThan(2 * 1024 * 1024);

        var created = await admin.PostAsync("/api/coupons/templates", Form(Template("Big", [Size("square")]), ("square", noise)));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        using var streamedForm = Form(Template("Streamed", [Size("square")]));
        streamedForm.Add(new UnknownLengthContent(noise), "square", "square.png");
        (await admin.PostAsync("/api/coupons/templates", streamedForm)).StatusCode.Should().Be(HttpStatusCode.Created);

        var codes = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 90_000).Select(i => $"CODE{i:D7}")));
        codes.Length.Should().BeGreaterThan(1024 * 1024);
        using var streamedCodes = new UnknownLengthContent(codes);
        streamedCodes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        (await (await admin.PutAsync("/api/coupons/codes", streamedCodes)).JsonAsync()).GetProperty("count").GetInt32().Should().Be(90_000);

        // Refused from the declared length before a byte of the body is read: a client that waits for 100-continue sends none.
        await (await ExpectingContinueAsync(admin, HttpMethod.Post, "/api/coupons/templates", Form(Template("Huge", [Size("square")]), ("square", new byte[43 * 1024 * 1024]))))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await ExpectingContinueAsync(admin, HttpMethod.Put, "/api/coupons/codes", new StringContent(new string('A', 6 * 1024 * 1024), Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await ExpectingContinueAsync(admin, HttpMethod.Put, "/api/coupons/settings", JsonContent.Create(new { codePattern = new string('A', 2 * 1024 * 1024) })))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await (await admin.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(2);
    }

    private static Task<HttpResponseMessage> ExpectingContinueAsync(HttpClient client, HttpMethod method, string url, HttpContent content)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request);
    }

    /// <summary>Random pixels: a PNG that does not compress, so a large one is easily made.</summary>
    private static byte[] Noise(int width, int height)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 0xFF;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A body sent without a declared length (chunked), as a streaming client would.</summary>
    private sealed class UnknownLengthContent(byte[] content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(content).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
