using PromoStack.Domain.Telegram;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Telegram;

public sealed class OutboxTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<OutboxStatus, OutboxStatus[]> Allowed = new()
    {
        // A message waiting on a parent that failed fails with it, without being sent.
        [OutboxStatus.Pending] = [OutboxStatus.Sending, OutboxStatus.Failed, OutboxStatus.Cancelled],
        [OutboxStatus.Sending] = [OutboxStatus.Sent, OutboxStatus.Failed, OutboxStatus.Pending, OutboxStatus.Unknown],

        // An admin may retry a failed delivery.
        [OutboxStatus.Failed] = [OutboxStatus.Pending],
    };

    public static TheoryData<OutboxStatus, OutboxStatus> Pairs => TransitionSpec.AllPairs<OutboxStatus>();

    public static TheoryData<OutboxStatus> States => TransitionSpec.AllStates<OutboxStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(OutboxStatus from, OutboxStatus to) =>
        TransitionSpec.Verify(TelegramOutboxMessage.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(OutboxStatus state) =>
        TransitionSpec.VerifyTerminal(TelegramOutboxMessage.Transitions, Allowed, state);
}
