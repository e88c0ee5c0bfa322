using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tests.Campaigns;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2026, 12, 1);

    private static Campaign Draft() => Campaign.Draft("acme", "  Winter contest ", "desc", Start, Start.AddDays(30), "iPad", Now);

    [Fact]
    public void Draft_IsADraftWithATrimmedTitle()
    {
        var campaign = Draft();

        campaign.Status.Should().Be(CampaignStatus.Draft);
        campaign.Title.Should().Be("Winter contest");
        campaign.Prize.Should().Be("iPad");
    }

    [Fact]
    public void Draft_EndingOnItsStartDay_IsAllowed()
    {
        var campaign = Campaign.Draft("acme", "One day", null, Start, Start, null, Now);

        campaign.EndDate.Should().Be(Start);
    }

    [Fact]
    public void Draft_WithEndBeforeStart_Throws()
    {
        var draft = () => Campaign.Draft("acme", "Backwards", null, Start, Start.AddDays(-1), null, Now);

        draft.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Draft_WithBlankTitle_Throws(string title)
    {
        var draft = () => Campaign.Draft("acme", title, null, Start, Start, null, Now);

        draft.Should().Throw<DomainException>();
    }

    [Fact]
    public void ActivateThenEnd_EndsTheCampaign()
    {
        var campaign = Draft();

        campaign.Activate();
        campaign.Status.Should().Be(CampaignStatus.Active);

        campaign.End();
        campaign.Status.Should().Be(CampaignStatus.Ended);
    }

    [Fact]
    public void End_FromDraft_Throws()
    {
        var campaign = Draft();

        var end = campaign.End;

        end.Should().Throw<InvalidTransitionException>();
        campaign.Status.Should().Be(CampaignStatus.Draft);
    }

    [Fact]
    public void Activate_WhenEnded_Throws()
    {
        var campaign = Draft();
        campaign.Activate();
        campaign.End();

        var activate = campaign.Activate;

        activate.Should().Throw<InvalidTransitionException>();
    }
}
