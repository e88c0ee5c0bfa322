using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.IntegrationTests.Coupons.Bot;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Web;

/// <summary>The public web generator: templates offered on the web, images for checked codes, usage with devices, limits, tenants.</summary>
public sealed class PublicCouponGeneratorTests(AppFixture fixture, ClassApp classApp) : CouponBotTestBase(fixture, classApp)
{
    private const string Iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

    protected override Dictionary<string, string?> Overrides => new() { ["PublicEndpoints:PerClientPerMinute"] = "1000" };

    [Fact]
    public async Task The_generator_lists_the_templates_offered_on_the_web_with_cacheable_images()
    {
        await TemplateAsync("Promo", ["square", "story"]);
        await TemplateAsync("Bot only", ["square"], web: false);

        var templates = await (await App.CreateClient().GetAsync("/api/public/alpha/coupons/templates")).JsonAsync();

        templates.GetArrayLength().Should().Be(1);
        templates[0].GetProperty("slug").GetString().Should().Be("promo");
        var sizes = templates[0].GetProperty("sizes");
        sizes.EnumerateArray().Select(s => s.GetProperty("size").GetString()).Should().Equal("square", "story");
        var image = await App.CreateClient().GetAsync(sizes[1].GetProperty("imageUrl").GetString());
        image.StatusCode.Should().Be(HttpStatusCode.OK);
        image.Headers.CacheControl!.ToString().Should().Contain("immutable");
        using var bitmap = SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync());
        bitmap.Height.Should().Be(1920);
    }

    [Fact]
    public async Task A_checked_code_gets_its_png_and_the_attempt_is_recorded_with_the_device_and_no_address()
    {
        await TemplateAsync("Promo", ["square", "story"]);
        PartnerSays("SAVE20", 200);

        var response = await GenerateAsync(new { code = "save20", template = "promo", size = "story" }, mobileHint: "?1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("promo-story-SAVE20.png");
        using (var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync()))
        {
            bitmap.Width.Should().Be(1080);
            bitmap.Height.Should().Be(1920);
        }

        var usage = await ReadAsync(db => db.BotUsage.SingleAsync());
        usage.Should().BeEquivalentTo(new
        {
            ChatId = (long?)null, CouponCode = "SAVE20", TemplateSlug = "promo", Size = CouponSize.Story, Success = true, DeviceType = "mobile",
            Source = CouponChannel.Web, PartnerCalled = true,
        });
        usage.WebClient.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task Two_visitors_checking_the_same_new_code_at_once_both_get_their_image_and_one_cached_answer()
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 200, delay: TimeSpan.FromMilliseconds(300));

        var responses = await Task.WhenAll(
            GenerateAsync(new { code = "SAVE20", template = "promo", size = "square" }),
            GenerateAsync(new { code = "SAVE20", template = "promo", size = "square" }));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        PartnerCalls().Should().Be(2, "both asked before either answer was cached");
        (await ReadAsync(db => db.CouponCodeChecks.ToListAsync())).Should().ContainSingle().Which.Valid.Should().BeTrue();
        (await ReadAsync(db => db.BotUsage.CountAsync(u => u.Success))).Should().Be(2);
    }

    [Theory]
    [InlineData(Iphone, null, "mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", null, "tablet")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130", "?0", "desktop")]
    [InlineData("curl/8.0", null, "unknown")]
    public async Task The_device_comes_from_the_client_hints_or_the_user_agent(string userAgent, string? mobileHint, string device)
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 200);

        (await GenerateAsync(new { code = "SAVE20", template = "promo", size = "square" }, mobileHint, userAgent)).EnsureSuccessStatusCode();

        (await ReadAsync(db => db.BotUsage.SingleAsync())).DeviceType.Should().Be(device);
    }

    [Fact]
    public async Task Text_that_is_no_code_and_an_invalid_code_are_field_errors_and_are_recorded()
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("NOPE42", 404);

        var chatter = await GenerateAsync(new { code = "black friday", template = "promo", size = "square" });
        var invalid = await GenerateAsync(new { code = "NOPE42", template = "promo", size = "square" });

        (await chatter.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("code")[0].GetString().Should().Contain("not a code");
        (await invalid.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("code")[0].GetString().Should().Contain("not valid");
        PartnerCalls().Should().Be(1, "chatter never reaches the partner");
        (await ReadAsync(db => db.BotUsage.OrderBy(u => u.Id).Select(u => u.ErrorType).ToListAsync())).Should().Equal("not_a_code", "invalid_code");
    }

    [Fact]
    public async Task A_partner_that_does_not_answer_is_a_503_never_an_invalid_code()
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 502);

        var response = await GenerateAsync(new { code = "SAVE20", template = "promo", size = "square" });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ReadAsync(db => db.BotUsage.SingleAsync())).ErrorType.Should().Be("partner_unavailable");
    }

    [Fact]
    public async Task Bad_input_is_400_and_templates_not_on_the_web_or_of_another_tenant_are_404()
    {
        await TemplateAsync("Bot only", ["square"], web: false);
        await TemplateAsync("Promo", ["square"]);
        var beta = await Given.TenantAsync(App, Identity, "user_beta_admin", "beta");
        PartnerSays("SAVE20", 200);

        var badSize = await GenerateAsync(new { code = "SAVE20", template = "promo", size = "poster" });
        (await badSize.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(n => n.Contains("ize"));
        (await GenerateAsync(new { code = "", template = "", size = "square" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await GenerateAsync(new { code = "SAVE20", template = "bot-only", size = "square" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GenerateAsync(new { code = "SAVE20", template = "promo", size = "story" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GenerateAsync(new { code = "SAVE20", template = "promo", size = "square" }, tenant: "beta")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GenerateAsync(new { code = "SAVE20", template = "promo", size = "square" }, tenant: "nobody")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await App.CreateClient().GetAsync("/api/public/beta/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(0);
        (await App.CreateClient().GetAsync("/api/public/nobody/coupons/templates")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReadAsync(db => db.BotUsage.CountAsync(), "beta")).Should().Be(1, "beta's own attempt at a template it does not have");
        (await beta.GetAsync("/api/coupons/analytics")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> GenerateAsync(object body, string? mobileHint = null, string userAgent = Iphone, string tenant = "alpha")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/{tenant}/coupons/images") { Content = JsonContent.Create(body) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        if (mobileHint is not null)
        {
            request.Headers.Add("Sec-CH-UA-Mobile", mobileHint);
        }

        return await App.CreateClient().SendAsync(request);
    }
}
