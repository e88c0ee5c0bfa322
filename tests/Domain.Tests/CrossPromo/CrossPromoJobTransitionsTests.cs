using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.CrossPromo;

public sealed class CrosspromoJobTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<CrosspromoJobStatus, CrosspromoJobStatus[]> Allowed = new()
    {
        [CrosspromoJobStatus.Pending] = [CrosspromoJobStatus.Claimed, CrosspromoJobStatus.Skipped],
        [CrosspromoJobStatus.Claimed] =
        [
            CrosspromoJobStatus.Completed, CrosspromoJobStatus.Failed, CrosspromoJobStatus.Pending, CrosspromoJobStatus.Skipped,
        ],
    };

    public static TheoryData<CrosspromoJobStatus, CrosspromoJobStatus> Pairs => TransitionSpec.AllPairs<CrosspromoJobStatus>();

    public static TheoryData<CrosspromoJobStatus> States => TransitionSpec.AllStates<CrosspromoJobStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(CrosspromoJobStatus from, CrosspromoJobStatus to) =>
        TransitionSpec.Verify(CrosspromoJob.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(CrosspromoJobStatus state) =>
        TransitionSpec.VerifyTerminal(CrosspromoJob.Transitions, Allowed, state);
}
