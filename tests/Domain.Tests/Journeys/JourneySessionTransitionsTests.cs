using PromoStack.Domain.Journeys;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Journeys;

public sealed class JourneySessionTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<JourneySessionStatus, JourneySessionStatus[]> Allowed = new()
    {
        [JourneySessionStatus.Active] =
        [
            JourneySessionStatus.WaitingDelay, JourneySessionStatus.AwaitingReply, JourneySessionStatus.Completed,
            JourneySessionStatus.Ended, JourneySessionStatus.Failed,
        ],
        [JourneySessionStatus.WaitingDelay] = [JourneySessionStatus.Active, JourneySessionStatus.Ended, JourneySessionStatus.Failed],
        [JourneySessionStatus.AwaitingReply] = [JourneySessionStatus.Active, JourneySessionStatus.Ended, JourneySessionStatus.Failed],
    };

    public static TheoryData<JourneySessionStatus, JourneySessionStatus> Pairs => TransitionSpec.AllPairs<JourneySessionStatus>();

    public static TheoryData<JourneySessionStatus> States => TransitionSpec.AllStates<JourneySessionStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(JourneySessionStatus from, JourneySessionStatus to) =>
        TransitionSpec.Verify(JourneyUserSession.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(JourneySessionStatus state) =>
        TransitionSpec.VerifyTerminal(JourneyUserSession.Transitions, Allowed, state);
}
