using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static PromoStack.WebApi.IntegrationTests.Coupons.Templates.TemplateForms;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Templates;

/// <summary>Template images on the public and the signed-in route (ETag, 304, caching, drafts hidden) and previews through the renderer.</summary>
public sealed class CouponTemplateImagesTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AnOfferedTemplatesImage_IsPublic_WithItsHashAsETag_304WhenKnown_AndCachedForeverOnlyAtItsVersion()
    {
        var admin = await NewTenantAsync("alpha");
        var square = Png(Square);
        var created = await CouponTemplatesTests.CreateAsync(admin.Client, Template("Promo", [Size("square")], telegram: false, web: true), ("square", square));
        var image = created.GetProperty("sizes")[0].GetProperty("image");
        var sha = image.GetProperty("sha256").GetString()!;
        var url = image.GetProperty("url").GetString()!;
        var anonymous = Anonymous();

        var response = await anonymous.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        response.Headers.ETag!.Tag.Should().Be($"\"{sha}\"");
        CacheControl(response).Should().Be("public, max-age=31536000, immutable");
        var png = await response.Content.ReadAsByteArrayAsync();
        IsPng(png).Should().BeTrue();
        SizeOf(png).Should().Be(Square);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)).Should().Be(sha, "the ETag is the hash of the bytes served");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha}\""));
        var notModified = await anonymous.SendAsync(conditional);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        notModified.Headers.ETag!.Tag.Should().Be($"\"{sha}\"");
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        var unversioned = await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{created.GetProperty("id").GetInt32()}/square");
        unversioned.StatusCode.Should().Be(HttpStatusCode.OK);
        CacheControl(unversioned).Should().Be("public, max-age=60");
        CacheControl(await anonymous.GetAsync(url.Replace("?v=", "?v=0", StringComparison.Ordinal)))
            .Should().Be("public, max-age=60", "an old URL gets the current image, but only briefly cached");
    }

    [Fact]
    public async Task ADraft_UnknownIdsSizesAndTenants_AndTheLogo_Are404OnThePublicRoute_ButTheSignedInRouteServesDrafts()
    {
        var admin = await NewTenantAsync("alpha");
        var draft = await CouponTemplatesTests.CreateAsync(
            admin.Client, Template("Draft", [Size("square", showLogo: true)], telegram: false, web: false), ("square", Png(Square)), ("logo", Png((64, 64))));
        var offered = await CouponTemplatesTests.CreateAsync(admin.Client, Template("Offered", [Size("story")]), ("story", Png(Story)));
        var (draftId, offeredId) = (draft.GetProperty("id").GetInt32(), offered.GetProperty("id").GetInt32());
        var anonymous = Anonymous();

        await (await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{draftId}/square")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{draftId}/logo")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{offeredId}/square")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{offeredId}/Story")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{offeredId}/portrait")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/public/alpha/coupon-templates/999999/story")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/public/nobody/coupon-templates/{offeredId}/story")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/public/alpha/coupon-templates/{offeredId}/story")).StatusCode.Should().Be(HttpStatusCode.OK);

        var signedIn = await admin.Client.GetAsync($"/api/coupons/templates/{draftId}/images/square");
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        signedIn.Headers.ETag!.Tag.Should().Be($"\"{draft.GetProperty("sizes")[0].GetProperty("image").GetProperty("sha256").GetString()}\"");
        CacheControl(signedIn).Should().Be("private, no-cache", "a signed-in fetch without the image's version revalidates with its ETag");
        var logo = await admin.Client.GetAsync(draft.GetProperty("logo").GetProperty("adminUrl").GetString());
        logo.StatusCode.Should().Be(HttpStatusCode.OK);
        CacheControl(logo).Should().Be("private, max-age=31536000, immutable");
        SizeOf(await logo.Content.ReadAsByteArrayAsync()).Should().Be((64, 64));
        await (await admin.Client.GetAsync($"/api/coupons/templates/{offeredId}/images/logo")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/coupons/templates/{draftId}/images/square")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AChangedImage_HasANewUrlAndETag_AndTheOldETagNoLongerMatches()
    {
        var admin = await NewTenantAsync("alpha");
        var created = await CouponTemplatesTests.CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)));
        var id = created.GetProperty("id").GetInt32();
        var before = created.GetProperty("sizes")[0].GetProperty("image");

        var changed = await (await admin.Client.PutAsync(
            $"/api/coupons/templates/{id}", Form(CouponTemplatesTests.Versioned(Template("Promo", [Size("square")]), 1), ("square", Png(Square, 0xFFAA3355))))).JsonAsync();
        var after = changed.GetProperty("sizes")[0].GetProperty("image");

        after.GetProperty("url").GetString().Should().NotBe(before.GetProperty("url").GetString());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, after.GetProperty("url").GetString());
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{before.GetProperty("sha256").GetString()}\""));
        var response = await Anonymous().SendAsync(conditional);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be($"\"{after.GetProperty("sha256").GetString()}\"");
    }

    [Fact]
    public async Task APreview_IsThePngTheRendererDraws_WithTheSampleOrAGivenCode()
    {
        var admin = await NewTenantAsync("alpha");
        var created = await CouponTemplatesTests.CreateAsync(
            admin.Client, Template("Promo", [Size("square"), Size("story", outline: new { color = "#000000", widthPx = 3 })]), ("square", Png(Square)), ("story", Png(Story)));
        var id = created.GetProperty("id").GetInt32();
        var raw = await (await admin.Client.GetAsync($"/api/coupons/templates/{id}/images/story")).Content.ReadAsByteArrayAsync();

        var response = await admin.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "story" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var sample = await response.Content.ReadAsByteArrayAsync();
        SizeOf(sample).Should().Be(Story);
        DifferingPixels(sample, raw).Should().BeGreaterThan(100, "the code is drawn on the template");

        var given = await (await admin.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "story", code = " vip-2026 " })).Content.ReadAsByteArrayAsync();
        DifferingPixels(given, sample).Should().BeGreaterThan(0, "another code is drawn");
        var again = await (await admin.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "story", code = "VIP-2026" })).Content.ReadAsByteArrayAsync();
        DifferingPixels(again, given).Should().Be(0, "the code is normalised as the bot normalises it");
    }

    [Fact]
    public async Task APreview_OfANonCode_AnAbsentSize_OrNoSize_Is400_AndFollowsTheTenantsPattern()
    {
        var admin = await NewTenantAsync("alpha");
        var id = (await CouponTemplatesTests.CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)))).GetProperty("id").GetInt32();
        var preview = $"/api/coupons/templates/{id}/preview";

        await (await admin.Client.PostAsJsonAsync(preview, new { size = "square", code = "hello" })).ShouldHaveFieldErrorAsync("code");
        await (await admin.Client.PostAsJsonAsync(preview, new { size = "square", code = "black friday" })).ShouldHaveFieldErrorAsync("code");
        await (await admin.Client.PostAsJsonAsync(preview, new { size = "square", code = new string('A', 65) })).ShouldHaveFieldErrorAsync("code");
        await (await admin.Client.PostAsJsonAsync(preview, new { size = "feed" })).ShouldHaveFieldErrorAsync("size");
        await (await admin.Client.PostAsJsonAsync(preview, new { size = "poster" })).ShouldHaveFieldErrorAsync("size");
        await (await admin.Client.PostAsJsonAsync(preview, new { code = "SAVE20" })).ShouldHaveFieldErrorAsync("size");
        await (await admin.Client.PostAsJsonAsync("/api/coupons/templates/999999/preview", new { size = "square" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.Client.PutAsJsonAsync("/api/coupons/settings", new { validation = "pattern", codePattern = "FP[0-9]{4}", linkTemplate = "https://p.example/{code}" }))
            .EnsureSuccessStatusCode();
        await (await admin.Client.PostAsJsonAsync(preview, new { size = "square", code = "SAVE20" })).ShouldHaveFieldErrorAsync("code");
        (await admin.Client.PostAsJsonAsync(preview, new { size = "square", code = "fp1234" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Client.PostAsJsonAsync(preview, new { size = "square" })).StatusCode.Should().Be(HttpStatusCode.OK, "the sample is drawn whatever the pattern");
    }

    [Fact]
    public async Task APreview_AfterAChange_DrawsTheNewImage()
    {
        var admin = await NewTenantAsync("alpha");
        var id = (await CouponTemplatesTests.CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)))).GetProperty("id").GetInt32();
        var first = await (await admin.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "square" })).Content.ReadAsByteArrayAsync();

        (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(CouponTemplatesTests.Versioned(Template("Promo", [Size("square")]), 1), ("square", Png(Square, 0xFFEE9900)))))
            .EnsureSuccessStatusCode();
        var second = await (await admin.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "square" })).Content.ReadAsByteArrayAsync();

        DifferingPixels(first, second).Should().BeGreaterThan(Square.Width * Square.Height / 2, "a new version is a new cache key: the new background is drawn");
    }

    /// <summary>The header as the server wrote it (the typed header reorders its directives).</summary>
    private static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated["Cache-Control"].ToString();

    internal static async Task<JsonElement> TemplateAsync(HttpClient client, int id) => await (await client.GetAsync($"/api/coupons/templates/{id}")).JsonAsync();
}
