using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.Domain.Tests.Coupons;

/// <summary>The personal link, the partner API's bounds and the device read from the web generator's headers.</summary>
public sealed class CouponSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_personal_link_carries_the_code_url_encoded()
    {
        var settings = CouponSettings.Create(
            "alpha", new CouponSettingsValues(CodeValidation.Pattern, CouponCodePattern.Default, null, "https://partner.example/buy?promo={code}&ref=bot", 5), Now);

        settings.LinkFor("A&B C").Should().Be("https://partner.example/buy?promo=A%26B%20C&ref=bot");
    }

    [Theory]
    [InlineData("https://partner.example/buy")]
    [InlineData("javascript:alert({code})")]
    [InlineData("/buy?promo={code}")]
    [InlineData("")]
    public void A_link_template_is_an_absolute_http_url_with_the_code(string template)
    {
        CouponSettings.LinkProblem(template).Should().NotBeNull();
    }

    [Fact]
    public void Partner_validation_needs_the_partner_and_the_checks_are_bounded()
    {
        FluentActions.Invoking(() => CouponSettings.Create("alpha", new CouponSettingsValues(CodeValidation.Partner, CouponCodePattern.Default, null, "https://p.example/?c={code}", 5), Now))
            .Should().Throw<DomainException>();
        FluentActions.Invoking(() => Api(timeoutMs: 10_000, attempts: 3)).Should().Throw<DomainException>().WithMessage("*15 s*");
        FluentActions.Invoking(() => Api(valid: [200], invalid: [200])).Should().Throw<DomainException>();
        FluentActions.Invoking(() => new PartnerApi("https://p.example/discount", null, null, null, [200], [400], 4000, 2)).Should().Throw<DomainException>();
        Api().UrlFor("A B&C").AbsoluteUri.Should().Be("https://p.example/discount/A%20B%26C?product=7");
    }

    [Theory]
    [InlineData("?1", null, "Mozilla/5.0 (Linux; Android 14) Chrome/130", DeviceType.Mobile)]
    [InlineData(null, null, "Mozilla/5.0 (Linux; Android 14; SM-X700) Chrome/130", DeviceType.Tablet)]
    [InlineData("?0", "\"Windows\"", "Mozilla/5.0 (Windows NT 10.0)", DeviceType.Desktop)]
    [InlineData(null, null, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)", DeviceType.Desktop)]
    [InlineData(null, null, null, DeviceType.Unknown)]
    public void The_device_comes_from_the_client_hints_then_the_user_agent(string? mobile, string? platform, string? userAgent, DeviceType device)
    {
        DeviceTypes.FromHints(mobile, platform, userAgent).Should().Be(device);
    }

    private static PartnerApi Api(int timeoutMs = 4000, int attempts = 2, int[]? valid = null, int[]? invalid = null) =>
        new("https://p.example/discount/{code}?product=7", null, null, null, valid ?? [200], invalid ?? [400, 404, 422], timeoutMs, attempts);
}
