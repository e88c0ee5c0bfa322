using PromoStack.Domain.Telegram;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Telegram;

public sealed class OutboxTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<OutboxStatus, OutboxStatus[]> Allowed = new()
    {
        [OutboxStatus.Pending] = [OutboxStatus.Sending],
        [OutboxStatus.Sending] = [OutboxStatus.Sent, OutboxStatus.Failed, OutboxStatus.Pending, OutboxStatus.Unknown],
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
