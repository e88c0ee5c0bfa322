using System.Net;
using System.Text.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static PromoStack.WebApi.IntegrationTests.Coupons.Templates.TemplateForms;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Templates;

/// <summary>
/// Templates through the API with multipart bodies: one save of the whole definition, slugs, image checks, versions
/// and concurrent edits, request limits and field errors.
/// </summary>
public sealed class CouponTemplatesTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ATemplate_IsCreated_Listed_Read_Changed_AndDeleted()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PostAsync(
            "/api/coupons/templates",
            Form(Template("Black Friday: 20 % off!", [Size("square"), Size("story", topPct: 80)]), ("square", Png(Square)), ("story", Png(Story))));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        body.Should().NotContain(".png").And.NotContain("\"key\"", "storage keys are not part of the API");
        var created = JsonDocument.Parse(body).RootElement;
        var id = created.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().Should().EndWith($"/api/coupons/templates/{id}");
        created.GetProperty("slug").GetString().Should().Be("black-friday-20-off");
        created.GetProperty("version").GetInt32().Should().Be(1);
        created.GetProperty("telegramEnabled").GetBoolean().Should().BeTrue();
        created.GetProperty("logo").ValueKind.Should().Be(JsonValueKind.Null);
        var sizes = created.GetProperty("sizes");
        sizes.EnumerateArray().Select(s => s.GetProperty("size").GetString()).Should().Equal("square", "story");
        sizes[1].GetProperty("label").GetString().Should().Be("Story (1080×1920)");
        sizes[1].GetProperty("box").GetProperty("topPct").GetDouble().Should().Be(80);
        sizes[1].GetProperty("box").GetProperty("hAlign").GetString().Should().Be("center");
        var storyImage = sizes[1].GetProperty("image");
        storyImage.GetProperty("width").GetInt32().Should().Be(216);
        storyImage.GetProperty("height").GetInt32().Should().Be(384);
        var storySha = storyImage.GetProperty("sha256").GetString()!;
        storySha.Should().MatchRegex("^[0-9a-f]{64}$");
        storyImage.GetProperty("url").GetString().Should().Be($"/api/public/alpha/coupon-templates/{id}/story?v={storySha[..16]}");
        storyImage.GetProperty("adminUrl").GetString().Should().Be($"/api/coupons/templates/{id}/images/story?v={storySha[..16]}");

        (await (await admin.Client.GetAsync("/api/coupons/templates")).JsonAsync()).EnumerateArray().Select(t => t.GetProperty("id").GetInt32())
            .Should().Equal(id);
        (await (await admin.Client.GetAsync($"/api/coupons/templates/{id}")).JsonAsync()).GetProperty("name").GetString().Should().Be("Black Friday: 20 % off!");

        var changed = await (await admin.Client.PutAsync(
            $"/api/coupons/templates/{id}",
            Form(Versioned(Template("Black Friday", [Size("story", topPct: 5, color: "#f27"), Size("feed")], slug: "bf-20", telegram: false, web: true), 1),
                ("feed", Png(Feed))))).JsonAsync();

        changed.GetProperty("version").GetInt32().Should().Be(2);
        changed.GetProperty("slug").GetString().Should().Be("bf-20");
        changed.GetProperty("webEnabled").GetBoolean().Should().BeTrue();
        changed.GetProperty("telegramEnabled").GetBoolean().Should().BeFalse();
        changed.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("size").GetString()).Should().Equal(["story", "feed"], "the square size was left out");
        var story = changed.GetProperty("sizes")[0];
        story.GetProperty("image").GetProperty("sha256").GetString().Should().Be(storySha, "a size sent without a file keeps its image");
        story.GetProperty("color").GetString().Should().Be("#FF2277");
        story.GetProperty("box").GetProperty("topPct").GetDouble().Should().Be(5);

        (await admin.Client.DeleteAsync($"/api/coupons/templates/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await admin.Client.GetAsync($"/api/coupons/templates/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.DeleteAsync($"/api/coupons/templates/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await admin.Client.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task ALogo_IsKept_Replaced_OrRemoved_AndASizeShowingItNeedsOne()
    {
        var admin = await NewTenantAsync("alpha");
        var created = await CreateAsync(admin.Client, Template("Logo", [Size("square", showLogo: true)]), ("square", Png(Square)), ("logo", Png((120, 80), 0xFFFF8800)));
        var id = created.GetProperty("id").GetInt32();
        var logo = created.GetProperty("logo");
        logo.GetProperty("width").GetInt32().Should().Be(120);
        logo.GetProperty("url").ValueKind.Should().Be(JsonValueKind.Null, "the logo has no public route");
        logo.GetProperty("adminUrl").GetString().Should().StartWith($"/api/coupons/templates/{id}/images/logo?v=");

        var kept = await (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Versioned(Template("Logo", [Size("square", showLogo: true)]), 1)))).JsonAsync();
        kept.GetProperty("logo").GetProperty("sha256").GetString().Should().Be(logo.GetProperty("sha256").GetString());

        await (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Versioned(Template("Logo", [Size("square", showLogo: true)]), 2, removeLogo: true))))
            .ShouldHaveFieldErrorAsync("logo");
        await (await admin.Client.PutAsync(
                $"/api/coupons/templates/{id}", Form(Versioned(Template("Logo", [Size("square")]), 2, removeLogo: true), ("logo", Png((50, 50))))))
            .ShouldHaveFieldErrorAsync("removeLogo");
        var removed = await (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Versioned(Template("Logo", [Size("square")]), 2, removeLogo: true))))
            .JsonAsync();
        removed.GetProperty("logo").ValueKind.Should().Be(JsonValueKind.Null);
        removed.GetProperty("version").GetInt32().Should().Be(3);

        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("No logo", [Size("square", showLogo: true)]), ("square", Png(Square)))))
            .ShouldHaveFieldErrorAsync("logo");
    }

    [Theory]
    [InlineData("10k-giveaway-")]
    [InlineData("-promo")]
    [InlineData("Promo")]
    [InlineData("two--hyphens")]
    [InlineData("with space")]
    [InlineData("../etc")]
    public async Task ABadSlug_Is400(string slug)
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Promo", [Size("square")], slug: slug), ("square", Png(Square)))))
            .ShouldHaveFieldErrorAsync("slug");
    }

    [Fact]
    public async Task ASlugIsDerivedWithoutEndHyphens_AndOneThatCannotBeDerived_Is400()
    {
        var admin = await NewTenantAsync("alpha");

        var derived = await CreateAsync(admin.Client, Template("  10K Giveaway!! ", [Size("square")]), ("square", Png(Square)));
        derived.GetProperty("slug").GetString().Should().Be("10k-giveaway");
        derived.GetProperty("name").GetString().Should().Be("10K Giveaway!!");

        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("!!!", [Size("square")]), ("square", Png(Square)))))
            .ShouldHaveFieldErrorAsync("slug");
    }

    [Fact]
    public async Task ASlugAnotherTemplateHas_Is409_WhenCreatingOrChanging()
    {
        var admin = await NewTenantAsync("alpha");
        await CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)));
        var other = await CreateAsync(admin.Client, Template("Other", [Size("square")]), ("square", Png(Square)));

        var duplicate = await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Promo", [Size("square")]), ("square", Png(Square)))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        duplicate.GetProperty("detail").GetString().Should().Contain("'promo'");
        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Something", [Size("square")], slug: "promo"), ("square", Png(Square)))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.Client.PutAsync(
                $"/api/coupons/templates/{other.GetProperty("id").GetInt32()}", Form(Versioned(Template("Other", [Size("square")], slug: "promo"), 1))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await (await admin.Client.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task ConcurrentCreates_OfOneSlug_SaveOne_AndAnswerTheOthers409_NeverA500()
    {
        var admin = await NewTenantAsync("alpha");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            admin.Client.PostAsync("/api/coupons/templates", Form(Template("Race", [Size("square")]), ("square", Png(Square, 0xFF000000 + (uint)i))))));

        responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Created)
            .And.OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        (await (await admin.Client.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task AnImageOfTheWrongShape_Is400_ForThatSize_NamingTheExpectedSize()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PostAsync(
            "/api/coupons/templates", Form(Template("Promo", [Size("square"), Size("story")]), ("square", Png(Square)), ("story", Png((300, 300)))));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("sizes[1].image")[0].GetString();
        message.Should().Contain("1080×1920").And.Contain("300×300");
        (await (await admin.Client.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AFileThatIsNotAnImage_Is400_WhateverItsName()
    {
        var admin = await NewTenantAsync("alpha");

        var problem = await (await admin.Client.PostAsync(
                "/api/coupons/templates", Form(Template("Promo", [Size("square")]), ("square", "<svg onload=alert(1)></svg>"u8.ToArray()))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("square")[0].GetString().Should().Contain("not a PNG, JPEG or WebP");
    }

    [Fact]
    public async Task AJpegUpload_IsStoredAsAPng()
    {
        var admin = await NewTenantAsync("alpha");
        var created = await CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Jpeg(Square)));

        var image = await (await admin.Client.GetAsync(created.GetProperty("sizes")[0].GetProperty("image").GetProperty("adminUrl").GetString())).Content.ReadAsByteArrayAsync();

        IsPng(image).Should().BeTrue();
        SizeOf(image).Should().Be(Square);
    }

    [Fact]
    public async Task ANewSize_NeedsItsImage_AndAFileNeedsItsSize()
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Promo", [Size("square"), Size("story")]), ("square", Png(Square)))))
            .ShouldHaveFieldErrorAsync("sizes[1].image");
        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Promo", [Size("square")]), ("square", Png(Square)), ("feed", Png(Feed)))))
            .ShouldHaveFieldErrorAsync("feed");

        var id = (await CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)))).GetProperty("id").GetInt32();
        await (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Versioned(Template("Promo", [Size("square"), Size("feed")]), 1))))
            .ShouldHaveFieldErrorAsync("sizes[1].image");
        (await (await admin.Client.GetAsync($"/api/coupons/templates/{id}")).JsonAsync()).GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task AnImageOverTenMegabytes_Is400_AndARequestOverTheLimit_Is413()
    {
        var admin = await NewTenantAsync("alpha");
        var eleven = new byte[(11 * 1024 * 1024) + 1];
        Png(Square).CopyTo(eleven, 0);

        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Promo", [Size("square")]), ("square", eleven))))
            .ShouldHaveFieldErrorAsync("square");

        var huge = new byte[42 * 1024 * 1024];
        await (await admin.Client.PostAsync("/api/coupons/templates", Form(Template("Promo", [Size("square")]), ("square", huge))))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await admin.Client.PutAsync("/api/coupons/templates/1", Form(Template("Promo", [Size("square")]), ("square", huge))))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("name", """{"sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("name", """{"name":"   ","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes", """{"name":"Promo","sizes":[]}""")]
    [InlineData("sizes", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"},{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0]", """{"name":"Promo","sizes":[null]}""")]
    [InlineData("sizes[0].size", """{"name":"Promo","sizes":[{"size":"portrait","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].size", """{"name":"Promo","sizes":[{"box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].box", """{"name":"Promo","sizes":[{"size":"square","maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].box.widthPct", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":90,"topPct":70,"widthPct":20,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].box.heightPct", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":0},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].box.leftPct", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":-1,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].box.hAlign", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15,"hAlign":"justify"},"maxFontPx":80,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].maxFontPx", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":2,"color":"#FFFFFF"}]}""")]
    [InlineData("sizes[0].color", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"red"}]}""")]
    [InlineData("sizes[0].outline.widthPx", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF","outline":{"color":"#000","widthPx":99}}]}""")]
    [InlineData("sizes[0].outline.color", """{"name":"Promo","sizes":[{"size":"square","box":{"leftPct":10,"topPct":70,"widthPct":80,"heightPct":15},"maxFontPx":80,"color":"#FFFFFF","outline":{"color":"black","widthPx":2}}]}""")]
    [InlineData("template", """{"name":"Promo",""")]
    [InlineData("template", "")]
    public async Task BadTemplateFields_Are400_NamingTheField_AndSaveNothing(string field, string json)
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.PostAsync("/api/coupons/templates", Form(json.Length == 0 ? null : json, ("square", Png(Square)))))
            .ShouldHaveFieldErrorAsync(field);

        (await (await admin.Client.GetAsync("/api/coupons/templates")).JsonAsync()).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AChange_WithoutAVersion_Is400_AndFromAStaleVersion_Is409WithTheCurrentOne()
    {
        var admin = await NewTenantAsync("alpha");
        var id = (await CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)))).GetProperty("id").GetInt32();
        (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Versioned(Template("Promo 2", [Size("square")]), 1)))).EnsureSuccessStatusCode();

        await (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Template("Promo 3", [Size("square")])))).ShouldHaveFieldErrorAsync("expectedVersion");
        var stale = await (await admin.Client.PutAsync($"/api/coupons/templates/{id}", Form(Versioned(Template("Promo 3", [Size("square")]), 1), ("square", Png(Square, 0xFF00FF00)))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        stale.GetProperty("currentVersion").GetInt32().Should().Be(2);
        stale.GetProperty("detail").GetString().Should().Contain("version 2");
        var current = await (await admin.Client.GetAsync($"/api/coupons/templates/{id}")).JsonAsync();
        current.GetProperty("name").GetString().Should().Be("Promo 2", "a stale copy never overwrites a newer edit");
        await (await admin.Client.PutAsync("/api/coupons/templates/999999", Form(Versioned(Template("Promo", [Size("square")]), 1))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentChanges_FromTheSameVersion_SaveOne_AndAnswerTheOthers409()
    {
        var admin = await NewTenantAsync("alpha");
        var id = (await CreateAsync(admin.Client, Template("Promo", [Size("square")]), ("square", Png(Square)))).GetProperty("id").GetInt32();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => admin.Client.PutAsync(
            $"/api/coupons/templates/{id}", Form(Versioned(Template($"Edit {i}", [Size("square")]), 1), ("square", Png(Square, 0xFF101010 + ((uint)i * 0x20)))))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Should().ContainSingle(s => s == HttpStatusCode.OK).And.OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync();
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("currentVersion").GetInt32().Should().Be(2);
        }

        var current = await (await admin.Client.GetAsync($"/api/coupons/templates/{id}")).JsonAsync();
        current.GetProperty("version").GetInt32().Should().Be(2);
        current.GetProperty("name").GetString().Should().Be(winner.GetProperty("name").GetString());
        current.GetProperty("sizes")[0].GetProperty("image").GetProperty("sha256").GetString()
            .Should().Be(winner.GetProperty("sizes")[0].GetProperty("image").GetProperty("sha256").GetString(), "the winner's name and image were saved together");
    }

    internal static async Task<JsonElement> CreateAsync(HttpClient admin, object template, params (string Name, byte[] Content)[] files) =>
        await (await admin.PostAsync("/api/coupons/templates", Form(template, files))).JsonAsync(HttpStatusCode.Created);

    internal static Dictionary<string, object?> Versioned(Dictionary<string, object?> template, int expectedVersion, bool removeLogo = false)
    {
        template["expectedVersion"] = expectedVersion;
        template["removeLogo"] = removeLogo;
        return template;
    }
}
