using System.Text;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Tests.Coupons;

/// <summary>The coupon bot's button data: short ids within Telegram's 64 bytes, and forged data ignored.</summary>
public sealed class CouponBotButtonsTests
{
    [Fact]
    public void Every_button_round_trips_within_64_bytes_at_the_largest_ids()
    {
        var data = new[]
        {
            CouponBotButtons.Template(int.MaxValue), CouponBotButtons.Size(int.MaxValue, CouponSize.Square), CouponBotButtons.Page(999),
            CouponBotButtons.File(long.MaxValue),
        };

        data.Should().OnlyContain(d => Encoding.UTF8.GetByteCount(d) <= 64);
        data.Select(CouponBotButtons.Parse).Should().Equal(
            new CouponPress.ChooseTemplate(int.MaxValue), new CouponPress.ChooseSize(int.MaxValue, CouponSize.Square), new CouponPress.ShowPage(999),
            new CouponPress.SendFile(long.MaxValue));
    }

    [Theory]
    [InlineData("cpn:t:")]
    [InlineData("cpn:t:-1")]
    [InlineData("cpn:t:1:2")]
    [InlineData("cpn:s:1:poster")]
    [InlineData("cpn:t:99999999999")]
    [InlineData("cpn:p:100000")]
    [InlineData("cpn:x:1")]
    [InlineData("vip_plan:1")]
    [InlineData("cpn:f:1e3")]
    public void Data_the_bot_never_sent_is_ignored(string data)
    {
        CouponBotButtons.Parse(data).Should().BeNull();
    }
}
