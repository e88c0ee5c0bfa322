using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Campaigns;

public sealed class CampaignTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<CampaignStatus, CampaignStatus[]> Allowed = new()
    {
        [CampaignStatus.Draft] = [CampaignStatus.Active],
        [CampaignStatus.Active] = [CampaignStatus.Ended],
    };

    public static TheoryData<CampaignStatus, CampaignStatus> Pairs => TransitionSpec.AllPairs<CampaignStatus>();

    public static TheoryData<CampaignStatus> States => TransitionSpec.AllStates<CampaignStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(CampaignStatus from, CampaignStatus to) =>
        TransitionSpec.Verify(Campaign.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(CampaignStatus state) =>
        TransitionSpec.VerifyTerminal(Campaign.Transitions, Allowed, state);
}
