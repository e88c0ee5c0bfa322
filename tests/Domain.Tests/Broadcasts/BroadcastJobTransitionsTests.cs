using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Broadcasts;

public sealed class BroadcastJobTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<BroadcastJobStatus, BroadcastJobStatus[]> Allowed = new()
    {
        [BroadcastJobStatus.Pending] = [BroadcastJobStatus.Processing, BroadcastJobStatus.Cancelled],
        [BroadcastJobStatus.Processing] =
        [
            BroadcastJobStatus.Completed, BroadcastJobStatus.Cancelled, BroadcastJobStatus.Pending, BroadcastJobStatus.Failed,
        ],
    };

    public static TheoryData<BroadcastJobStatus, BroadcastJobStatus> Pairs => TransitionSpec.AllPairs<BroadcastJobStatus>();

    public static TheoryData<BroadcastJobStatus> States => TransitionSpec.AllStates<BroadcastJobStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(BroadcastJobStatus from, BroadcastJobStatus to) =>
        TransitionSpec.Verify(BroadcastJob.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(BroadcastJobStatus state) =>
        TransitionSpec.VerifyTerminal(BroadcastJob.Transitions, Allowed, state);
}
