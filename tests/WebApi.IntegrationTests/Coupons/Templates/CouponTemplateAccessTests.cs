using System.Net;
using System.Net.Http.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static PromoStack.WebApi.IntegrationTests.Coupons.Templates.TemplateForms;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Templates;

/// <summary>Who may do what with templates: members read, admins change, anonymous callers neither, and no tenant reaches another's.</summary>
public sealed class CouponTemplateAccessTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AMember_ReadsAndPreviews_ButCannotCreateChangeOrDelete_AndAnonymousCallersAre401()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_alpha_member", "member");
        var id = (await CouponTemplatesTests.CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)))).GetProperty("id").GetInt32();

        (await member.Client.GetAsync("/api/coupons/templates")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Client.GetAsync($"/api/coupons/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Client.GetAsync($"/api/coupons/templates/{id}/images/square")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "square" })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PostAsync("/api/coupons/templates", Form(Template("Mine", [Size("square")]), ("square", Png(Square)))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.PutAsync($"/api/coupons/templates/{id}", Form(CouponTemplatesTests.Versioned(Template("Mine", [Size("square")]), 1))))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.DeleteAsync($"/api/coupons/templates/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var anonymous = Anonymous();
        (await anonymous.GetAsync("/api/coupons/templates")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/api/coupons/templates", Form(Template("Mine", [Size("square")]), ("square", Png(Square))))).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "square" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.DeleteAsync($"/api/coupons/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await CouponTemplateImagesTests.TemplateAsync(admin.Client, id)).GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task AnotherTenant_CannotReadChangeDeletePreviewOrFetchATemplatesImages_NorUseItsSlugSpace()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        var created = await CouponTemplatesTests.CreateAsync(
            alpha.Client, Template("Promo", [Size("square")], telegram: true, web: true), ("square", Png(Square)), ("logo", Png((64, 64))));
        var id = created.GetProperty("id").GetInt32();

        (await (await beta.Client.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(0);
        await (await beta.Client.GetAsync($"/api/coupons/templates/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.PutAsync($"/api/coupons/templates/{id}", Form(CouponTemplatesTests.Versioned(Template("Stolen", [Size("square")]), 1))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.PutAsync(
                $"/api/coupons/templates/{id}", Form(CouponTemplatesTests.Versioned(Template("Stolen", [Size("square")]), 1), ("square", Png(Square, 0xFF00FF00)))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.DeleteAsync($"/api/coupons/templates/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.PostAsJsonAsync($"/api/coupons/templates/{id}/preview", new { size = "square" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.GetAsync($"/api/coupons/templates/{id}/images/square")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.GetAsync($"/api/coupons/templates/{id}/images/logo")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Anonymous().GetAsync($"/api/public/beta/coupon-templates/{id}/square")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Anonymous().GetAsync($"/api/public/alpha/coupon-templates/{id}/square")).StatusCode.Should().Be(HttpStatusCode.OK);

        var betaOwn = await CouponTemplatesTests.CreateAsync(beta.Client, Template("Promo", [Size("square")]), ("square", Png(Square)));
        betaOwn.GetProperty("slug").GetString().Should().Be("promo", "slugs are unique per tenant");
        await (await Anonymous().GetAsync($"/api/public/alpha/coupon-templates/{betaOwn.GetProperty("id").GetInt32()}/square"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var alphaTemplate = await CouponTemplateImagesTests.TemplateAsync(alpha.Client, id);
        alphaTemplate.GetProperty("name").GetString().Should().Be("Promo");
        alphaTemplate.GetProperty("version").GetInt32().Should().Be(1);
    }
}
