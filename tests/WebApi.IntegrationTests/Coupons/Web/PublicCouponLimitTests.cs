using System.Net;
using System.Net.Http.Json;
using PromoStack.WebApi.IntegrationTests.Coupons.Bot;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Web;

/// <summary>The web generator is rate limited per client and tenant; template images have a limit of their own.</summary>
public sealed class PublicCouponLimitTests(AppFixture fixture, ClassApp classApp) : CouponBotTestBase(fixture, classApp)
{
    protected override Dictionary<string, string?> Overrides => new()
    {
        ["PublicEndpoints:PerClientPerMinute"] = "2",
        ["PublicEndpoints:PerTenantPerMinute"] = "3",
        ["PublicEndpoints:ImagesPerClientPerMinute"] = "5",
    };

    [Fact]
    public async Task Images_past_the_clients_limit_are_429_and_template_images_spend_their_own_budget()
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 200);
        var url = (await (await App.CreateClient().GetAsync("/api/public/alpha/coupons/templates")).JsonAsync())[0].GetProperty("sizes")[0].GetProperty("imageUrl").GetString();

        var images = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            images.Add((await App.CreateClient().GetAsync(url)).StatusCode);
        }

        var generated = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            generated.Add((await App.CreateClient().PostAsJsonAsync("/api/public/alpha/coupons/images", new { code = "SAVE20", template = "promo", size = "square" })).StatusCode);
        }

        images.Should().Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests));
        generated.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }
}
