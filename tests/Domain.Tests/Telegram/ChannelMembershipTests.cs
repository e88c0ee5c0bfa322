using PromoStack.Domain.Telegram;

namespace PromoStack.Domain.Tests.Telegram;

public sealed class ChannelMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Joined_RaisesUserJoinedChannel_WithTheInviteLink()
    {
        var membership = ChannelMembership.Joined("alpha", ChannelKind.Vip, 5_000_000_000, "payer", "https://t.me/+abc", Now);

        membership.DequeueEvents().Should().Equal(new UserJoinedChannel("alpha", 5_000_000_000, ChannelKind.Vip, "https://t.me/+abc"));
    }

    [Fact]
    public void Leave_ThenJoinAgain_RaisesTheJoinOnce_AndRepeatedReportsChangeNothing()
    {
        var membership = ChannelMembership.Joined("alpha", ChannelKind.Free, 7, null, null, Now);
        membership.DequeueEvents();

        membership.Leave(Now.AddHours(1));
        membership.Leave(Now.AddHours(2));
        membership.Join("seven", "https://t.me/+again", Now.AddHours(3));
        membership.Join("seven", null, Now.AddHours(4));

        membership.DequeueEvents().Should().Equal(new UserJoinedChannel("alpha", 7, ChannelKind.Free, "https://t.me/+again"));
        membership.Status.Should().Be(MembershipStatus.Member);
        membership.LeftAt.Should().BeNull();
        membership.InviteLink.Should().Be("https://t.me/+again");
    }
}
