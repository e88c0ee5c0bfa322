using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.CrossPromo;

public sealed class CrossPromoJobTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<CrossPromoJobStatus, CrossPromoJobStatus[]> Allowed = new()
    {
        [CrossPromoJobStatus.Pending] = [CrossPromoJobStatus.Claimed, CrossPromoJobStatus.Skipped],
        [CrossPromoJobStatus.Claimed] =
        [
            CrossPromoJobStatus.Completed, CrossPromoJobStatus.Failed, CrossPromoJobStatus.Pending, CrossPromoJobStatus.Skipped,
        ],
    };

    public static TheoryData<CrossPromoJobStatus, CrossPromoJobStatus> Pairs => TransitionSpec.AllPairs<CrossPromoJobStatus>();

    public static TheoryData<CrossPromoJobStatus> States => TransitionSpec.AllStates<CrossPromoJobStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(CrossPromoJobStatus from, CrossPromoJobStatus to) =>
        TransitionSpec.Verify(CrossPromoJob.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(CrossPromoJobStatus state) =>
        TransitionSpec.VerifyTerminal(CrossPromoJob.Transitions, Allowed, state);
}
