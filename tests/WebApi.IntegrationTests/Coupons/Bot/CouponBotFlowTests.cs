using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Bot;

/// <summary>The affiliate's path through the coupon bot, end to end: webhook, inbox, partner, renderer, outbox, fake Bot API.</summary>
public sealed class CouponBotFlowTests(AppFixture fixture, ClassApp classApp) : CouponBotTestBase(fixture, classApp)
{
    [Fact]
    public async Task A_valid_code_shows_every_template_in_one_album_and_one_keyboard_and_is_remembered()
    {
        var sale = await TemplateAsync("Black Friday", ["square", "story"]);
        var promo = await TemplateAsync("Promo", ["square"]);
        await TemplateAsync("Web only", ["square"], telegram: false);
        PartnerSays("SAVE20", 200);

        await SayAsync("  save20 ");

        PartnerCalls("SAVE20").Should().Be(1, "the code is normalised (trimmed, upper case) before the partner is asked");
        var album = Telegram.Uploads("sendMediaGroup").Should().ContainSingle().Subject;
        album.Files.Should().HaveCount(2, "the two templates offered on Telegram, previews with the code on them, in one album");
        album.Files.Should().OnlyContain(f => SKBitmap.Decode(f.Content) != null);
        Texts().Should().ContainSingle().Which.Should().Contain("<b>SAVE20</b> is valid");
        Keyboards().Should().ContainSingle().Which.Should().BeEquivalentTo(
            [("1. Black Friday", $"cpn:t:{sale}"), ("2. Promo", $"cpn:t:{promo}")], options => options.WithStrictOrdering());
        (await ReadAsync(db => db.BotUsers.SingleAsync(u => u.ChatId == Affiliate))).LastCouponCode.Should().Be("SAVE20");
        var usage = await ReadAsync(db => db.BotUsage.SingleAsync());
        usage.Should().BeEquivalentTo(new { CouponCode = "SAVE20", TemplateSlug = (string?)null, Success = true, ErrorType = (string?)null, DeviceType = "unknown", PartnerCalled = true });
    }

    [Fact]
    public async Task A_template_with_sizes_asks_for_one_then_sends_the_image_the_file_and_the_personal_link()
    {
        var sale = await TemplateAsync("Black Friday", ["square", "story"]);
        PartnerSays("SAVE_20", 200);
        await SayAsync("save_20");

        await PressAsync($"cpn:t:{sale}");
        Keyboards().Last().Should().BeEquivalentTo(
            [("Square (1080×1080)", $"cpn:s:{sale}:square"), ("Story (1080×1920)", $"cpn:s:{sale}:story")], options => options.WithStrictOrdering());

        await PressAsync($"cpn:s:{sale}:story");

        var photo = Telegram.Uploads("sendPhoto").Should().HaveCount(2, "the single template's preview, then the image").And.Subject.Last();
        using (var image = SKBitmap.Decode(photo.Files.Single().Content))
        {
            image.Width.Should().Be(1080);
            image.Height.Should().Be(1920);
        }

        photo.Fields["caption"].Should().Contain("<b>Black Friday</b>").And.Contain("<code>SAVE_20</code>");
        photo.Fields["parse_mode"].Should().BeEquivalentTo("HTML");
        Texts().Last().Should().Contain("https://partner.example/buy?promo=SAVE_20");
        var usage = await ReadAsync(db => db.BotUsage.Where(u => u.TemplateSlug != null).SingleAsync());
        usage.Should().BeEquivalentTo(new { CouponCode = "SAVE_20", TemplateSlug = "black-friday", Size = CouponSize.Story, Success = true });

        var file = Keyboards().Single(k => k.Any(b => b.Data.StartsWith("cpn:f:", StringComparison.Ordinal))).Single();
        file.Text.Should().Contain("PNG file");
        await PressAsync(file.Data);
        var document = Telegram.Uploads("sendDocument").Should().ContainSingle().Subject.Files.Single();
        document.FileName.Should().Be("black-friday-story-SAVE_20.png");
        document.Content.Should().Equal(photo.Files.Single().Content, "the document is the lossless PNG itself");
    }

    [Fact]
    public async Task The_personal_link_carries_the_code_url_encoded_and_names_and_codes_are_escaped()
    {
        await ConnectCouponBotAsync(Admin);
        (await Admin.PutAsJsonAsync("/api/coupons/settings", new
        {
            validation = "pattern", codePattern = "[A-Z0-9&+_-]{3,32}", linkTemplate = "https://partner.example/buy?promo={code}",
        })).EnsureSuccessStatusCode();
        var id = await TemplateAsync("<b>Tom & Jerry</b>", ["square"]);
        await SayAsync("A&B+C");

        await PressAsync($"cpn:t:{id}");

        Telegram.Uploads("sendPhoto").Last().Fields["caption"].Should().Contain("<b>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</b>").And.Contain("<code>A&amp;B+C</code>");
        Texts().Last().Should().Contain("https://partner.example/buy?promo=A%26B%2BC");
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("GENERATE")]
    [InlineData("black friday")]
    [InlineData("HI GENERATE ME A NEW BADGE")]
    public async Task Chatter_gets_a_hint_and_never_reaches_the_partner(string text)
    {
        await SayAsync(text);

        Partner.LogEntries.Should().BeEmpty();
        Texts().Should().ContainSingle().Which.Should().Contain("does not look like a code");
        (await ReadAsync(db => db.BotUsage.SingleAsync())).ErrorType.Should().Be("not_a_code");
    }

    [Fact]
    public async Task An_invalid_code_is_said_so_and_the_answer_is_cached_for_a_minute()
    {
        PartnerSays("NOPE42", 400);

        await SayAsync("nope42");
        await SayAsync("NOPE42");

        Texts().Should().HaveCount(2).And.OnlyContain(t => t.Contains("is not a valid code"));
        PartnerCalls().Should().Be(1, "an invalid answer is trusted for a minute");
        App.Clock.Advance(TimeSpan.FromSeconds(61));
        await SayAsync("NOPE42");
        PartnerCalls().Should().Be(2);
        (await ReadAsync(db => db.BotUsage.Select(u => u.ErrorType).ToListAsync())).Should().AllBe("invalid_code");
    }

    [Fact]
    public async Task Saving_the_settings_forgets_the_partners_cached_answers()
    {
        PartnerSays("NOPE42", 400);
        await SayAsync("NOPE42");
        PartnerCalls().Should().Be(1);

        await SettingsAsync();
        await SayAsync("NOPE42");

        PartnerCalls().Should().Be(2, "answers given under the old settings (perhaps another partner) are not trusted after a change");
    }

    [Fact]
    public async Task A_partner_that_is_down_is_never_reported_as_invalid_and_is_not_cached()
    {
        PartnerSays("SAVE20", 503);

        await SayAsync("SAVE20");

        Texts().Single().Should().Contain("can't check codes right now").And.NotContain("not a valid");
        PartnerCalls().Should().Be(2, "two attempts");
        await SayAsync("SAVE20");
        PartnerCalls().Should().Be(4, "no answer is never cached");
        (await ReadAsync(db => db.BotUsage.Select(u => u.ErrorType).ToListAsync())).Should().AllBe("partner_unavailable");
        (await ReadAsync(db => db.BotUsers.SingleAsync())).LastCouponCode.Should().BeNull();
    }

    [Fact]
    public async Task A_slow_partner_times_out_within_the_bound_and_the_affiliate_is_told_to_retry()
    {
        await SettingsAsync(timeoutMs: 500, attempts: 1);
        PartnerSays("SAVE20", 200, delay: TimeSpan.FromSeconds(3));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await SayAsync("SAVE20");

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2.5));
        Texts().Single().Should().Contain("try again in a minute");
        (await ReadAsync(db => db.BotUsage.SingleAsync())).ErrorType.Should().Be("partner_timeout");
    }

    [Fact]
    public async Task The_webhook_answers_before_the_partner_is_asked()
    {
        PartnerSays("SAVE20", 200);

        await PostAsync(Message("SAVE20", Affiliate));

        Partner.LogEntries.Should().BeEmpty("the partner is called by the inbox worker, never inside the webhook request");
        await DrainAsync();
        PartnerCalls().Should().Be(1);
    }

    [Fact]
    public async Task More_checks_than_the_limit_in_a_minute_are_refused_without_a_partner_call()
    {
        for (var i = 1; i <= 6; i++)
        {
            PartnerSays($"CODE{i}", 400);
            await SayAsync($"CODE{i}");
        }

        PartnerCalls().Should().Be(5);
        Texts().Last().Should().Contain("Slow down");
        (await ReadAsync(db => db.BotUsage.OrderBy(u => u.Id).Select(u => u.ErrorType).ToListAsync())).Last().Should().Be("rate_limited");
        await SayAsync("hello there");
        Texts().Last().Should().Contain("does not look like a code", "chatter is answered even over the limit and does not count");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        PartnerSays("CODE7", 200);
        await SayAsync("CODE7");
        PartnerCalls("CODE7").Should().Be(1);
    }

    [Fact]
    public async Task Asking_for_the_templates_again_and_again_is_slowed_down_before_it_costs_unbounded_renders()
    {
        for (var i = 0; i < 5; i++)
        {
            await TemplateAsync($"Promo {i}", ["square"]);
        }

        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");
        for (var i = 0; i < 6; i++)
        {
            await SayAsync("/generate");
        }

        Telegram.Uploads("sendMediaGroup").Should().HaveCount(6, "30 previews a minute (six albums of five), then no more");
        Texts().Last().Should().Contain("Slow down");
        (await ReadAsync(db => db.BotUsage.OrderBy(u => u.Id).Select(u => u.ErrorType).ToListAsync())).Last().Should().Be("rate_limited");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await SayAsync("/generate");
        Telegram.Uploads("sendMediaGroup").Should().HaveCount(7);
    }

    [Fact]
    public async Task Generate_reuses_the_remembered_code_and_cancel_forgets_it()
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");
        var photosBefore = Telegram.Uploads("sendPhoto").Count;

        await SayAsync("/generate");

        PartnerCalls().Should().Be(1, "the remembered code is not checked again");
        Telegram.Uploads("sendPhoto").Should().HaveCount(photosBefore + 1, "one template: one photo carrying its button");
        await SayAsync("/cancel");
        Texts().Last().Should().Contain("forgotten your code");
        await SayAsync("/generate");
        Texts().Last().Should().Contain("Send me your code first");
        await SayAsync("/help");
        Texts().Last().Should().Contain("/generate").And.Contain("/cancel");
    }

    [Fact]
    public async Task Start_with_a_code_takes_it_and_start_alone_welcomes()
    {
        await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 200);

        await SayAsync("/start");
        await SayAsync("/start SAVE20");

        Texts().First().Should().Contain("Send me your discount code");
        PartnerCalls("SAVE20").Should().Be(1);
    }

    [Fact]
    public async Task No_templates_is_told_and_recorded_as_the_tenants_failure()
    {
        PartnerSays("SAVE20", 200);

        await SayAsync("SAVE20");

        Texts().Single().Should().Contain("no templates yet");
        (await ReadAsync(db => db.BotUsage.OrderBy(u => u.Id).Select(u => u.ErrorType).ToListAsync())).Should().Equal(null, "no_templates");
    }

    [Fact]
    public async Task A_template_removed_after_the_list_was_shown_is_not_found()
    {
        var id = await TemplateAsync("Promo", ["square", "story"]);
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");
        (await Admin.DeleteAsync($"/api/coupons/templates/{id}")).EnsureSuccessStatusCode();

        await PressAsync($"cpn:t:{id}");

        Texts().Last().Should().Contain("no longer available");
        (await ReadAsync(db => db.BotUsage.OrderBy(u => u.Id).Select(u => u.ErrorType).ToListAsync())).Last().Should().Be("template_not_found");
    }

    [Fact]
    public async Task Buttons_carry_short_ids_within_telegrams_64_bytes_whatever_the_names()
    {
        var longName = new string('W', 70) + " édition spéciale 🎉";
        await TemplateAsync(longName, ["square", "story", "feed"]);
        await TemplateAsync("2 " + longName, ["square"]);
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");
        var first = Keyboards().Last().First();

        await PressAsync(first.Data);

        Keyboards().SelectMany(k => k).Should().OnlyContain(b => Encoding.UTF8.GetByteCount(b.Data) <= 64);
        first.Text.Length.Should().BeLessThanOrEqualTo(52, "long names are shortened on buttons");
    }

    [Fact]
    public async Task A_button_press_without_a_remembered_code_asks_for_one()
    {
        var id = await TemplateAsync("Promo", ["square"]);

        await PressAsync($"cpn:t:{id}");

        Texts().Single().Should().Contain("Send me your code first");
        Telegram.Uploads("sendPhoto").Should().BeEmpty();
    }

    [Fact]
    public async Task Another_chats_image_cannot_be_asked_for_by_forging_a_button()
    {
        var id = await TemplateAsync("Promo", ["square"]);
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");
        await PressAsync($"cpn:t:{id}");
        var renderId = await ReadAsync(db => db.CouponRenders.Where(r => r.ContentType == "image/png").Select(r => r.Id).SingleAsync());

        await PressAsync($"cpn:f:{renderId}", from: 9999);

        Telegram.Uploads("sendDocument").Should().BeEmpty();
        Texts(9999).Single().Should().Contain("expired");
    }

    [Fact]
    public async Task A_missing_template_image_is_a_render_failure_told_to_the_affiliate()
    {
        var id = await TemplateAsync("Promo", ["square"]);
        await ReadAsync(db => db.CouponImages.ExecuteDeleteAsync());
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");
        Keyboards().Last().Should().ContainSingle("the keyboard goes even when the previews cannot be made");

        await PressAsync($"cpn:t:{id}");

        Texts().Last().Should().Contain("couldn't make that image");
        (await ReadAsync(db => db.BotUsage.OrderBy(u => u.Id).Select(u => u.ErrorType).ToListAsync())).Last().Should().Be("render_failed");
    }

    [Fact]
    public async Task Every_step_works_on_another_instance_and_after_a_restart()
    {
        var id = await TemplateAsync("Promo", ["square", "story"]);
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");

        await using var other = new PromoStackFactory(Identity, telegram: Telegram) { Clock = new(App.Clock.GetUtcNow()) };
        await PressAsync($"cpn:t:{id}", app: other);
        await PressAsync($"cpn:s:{id}:square", app: other);

        Telegram.Uploads("sendPhoto").Should().ContainSingle("the second instance knew the code from the database");
        await SayAsync("/generate", app: other);
        PartnerCalls().Should().Be(1);
    }

    [Fact]
    public async Task Blocking_the_coupon_bot_marks_the_user_for_that_bot_only()
    {
        PartnerSays("SAVE20", 200);
        await SayAsync("SAVE20");

        await PostAsync(new JsonObject
        {
            ["my_chat_member"] = new JsonObject
            {
                ["chat"] = new JsonObject { ["id"] = Affiliate, ["type"] = "private", ["first_name"] = "Ana" },
                ["from"] = new JsonObject { ["id"] = Affiliate, ["is_bot"] = false, ["first_name"] = "Ana" },
                ["date"] = 1_700_000_000,
                ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = CouponBotId, ["is_bot"] = true, ["first_name"] = "bot" } },
                ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["until_date"] = 0, ["user"] = new JsonObject { ["id"] = CouponBotId, ["is_bot"] = true, ["first_name"] = "bot" } },
            },
        });
        await DrainAsync();

        var user = await ReadAsync(db => db.BotUsers.SingleAsync());
        user.CouponBotBlocked.Should().BeTrue();
        user.IsBlocked.Should().BeFalse("the message bot was not blocked");
        user.MessageBotLastSeenAt.Should().BeNull("the message bot never met this user: its broadcasts cannot reach them");
    }
}
