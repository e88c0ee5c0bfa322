using PromoStack.Domain.Journeys;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Journeys;

public sealed class ScheduledMessageTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<ScheduledMessageStatus, ScheduledMessageStatus[]> Allowed = new()
    {
        [ScheduledMessageStatus.Pending] = [ScheduledMessageStatus.Sent, ScheduledMessageStatus.Failed, ScheduledMessageStatus.Cancelled],
    };

    public static TheoryData<ScheduledMessageStatus, ScheduledMessageStatus> Pairs => TransitionSpec.AllPairs<ScheduledMessageStatus>();

    public static TheoryData<ScheduledMessageStatus> States => TransitionSpec.AllStates<ScheduledMessageStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(ScheduledMessageStatus from, ScheduledMessageStatus to) =>
        TransitionSpec.Verify(JourneyScheduledMessage.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(ScheduledMessageStatus state) =>
        TransitionSpec.VerifyTerminal(JourneyScheduledMessage.Transitions, Allowed, state);
}
