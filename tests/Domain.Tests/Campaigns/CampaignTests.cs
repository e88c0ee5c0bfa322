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

        campaign.Activate(Now);
        campaign.Status.Should().Be(CampaignStatus.Active);

        campaign.End(Now);
        campaign.Status.Should().Be(CampaignStatus.Ended);
    }

    [Fact]
    public void End_FromDraft_Throws()
    {
        var campaign = Draft();

        var end = () => campaign.End(Now);

        end.Should().Throw<InvalidTransitionException>();
        campaign.Status.Should().Be(CampaignStatus.Draft);
    }

    [Fact]
    public void Activate_WhenEnded_Throws()
    {
        var campaign = Draft();
        campaign.Activate(Now);
        campaign.End(Now);

        var activate = () => campaign.Activate(Now);

        activate.Should().Throw<InvalidTransitionException>();
    }
}

public sealed class CampaignScheduleTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Campaign Draft() => Campaign.Draft("acme", "Winter contest", null, Start, Start.AddDays(6), "iPad", Now);

    [Fact]
    public void APublishedDraft_StartsOnItsStartDate_AndEndsTheDayAfterItsEndDate()
    {
        var campaign = Draft();
        campaign.FollowDates(Start, Now);
        campaign.Status.Should().Be(CampaignStatus.Draft, "an unpublished draft stays a draft");

        campaign.Publish(Start.AddDays(-3), Now);
        campaign.Status.Should().Be(CampaignStatus.Draft);
        campaign.FollowDates(Start, Now);
        campaign.Status.Should().Be(CampaignStatus.Active);
        campaign.FollowDates(Start.AddDays(6), Now);
        campaign.Status.Should().Be(CampaignStatus.Active, "the end date is the last day");
        campaign.FollowDates(Start.AddDays(7), Now);
        campaign.Status.Should().Be(CampaignStatus.Ended);
    }

    [Fact]
    public void PublishingOnOrAfterTheStart_ActivatesAtOnce_ButNotTwice_NorAfterTheEnd()
    {
        var campaign = Draft();
        campaign.Publish(Start.AddDays(2), Now);
        campaign.Status.Should().Be(CampaignStatus.Active);
        FluentActions.Invoking(() => campaign.Publish(Start.AddDays(2), Now)).Should().Throw<InvalidTransitionException>();
        FluentActions.Invoking(() => Draft().Publish(Start.AddDays(30), Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void AWinner_IsRecordedOnce_AfterTheEnd()
    {
        var campaign = Draft();
        campaign.Publish(Start, Now);
        FluentActions.Invoking(() => campaign.RecordWinner(1, Now)).Should().Throw<DomainException>();
        campaign.End(Now);

        campaign.RecordWinner(7, Now);

        campaign.WinnerEntryId.Should().Be(7);
        FluentActions.Invoking(() => campaign.RecordWinner(8, Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void Entries_AreTakenOnlyWhileActive_AndAnEndedCampaignCannotBeEdited()
    {
        var campaign = Draft();
        FluentActions.Invoking(() => CampaignEntry.Enter(campaign, "a@b.io", null, "[]", Now)).Should().Throw<DomainException>();
        campaign.Publish(Start, Now);
        CampaignEntry.Enter(campaign, "A@B.io", "@ana", "[]", Now).Email.Should().Be("a@b.io");
        FluentActions.Invoking(() => campaign.Edit("x", null, Start.AddDays(1), Start.AddDays(9), null, Now)).Should().Throw<DomainException>("the start is fixed once active");
        campaign.End(Now);
        FluentActions.Invoking(() => campaign.Edit("x", null, Start, Start, null, Now)).Should().Throw<InvalidTransitionException>();
    }
}
