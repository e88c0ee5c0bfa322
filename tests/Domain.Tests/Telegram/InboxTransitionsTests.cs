using PromoStack.Domain.Telegram;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Telegram;

public sealed class InboxTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<InboxStatus, InboxStatus[]> Allowed = new()
    {
        [InboxStatus.Pending] = [InboxStatus.Processing],
        [InboxStatus.Processing] = [InboxStatus.Processed, InboxStatus.Failed, InboxStatus.Pending],
    };

    public static TheoryData<InboxStatus, InboxStatus> Pairs => TransitionSpec.AllPairs<InboxStatus>();

    public static TheoryData<InboxStatus> States => TransitionSpec.AllStates<InboxStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(InboxStatus from, InboxStatus to) =>
        TransitionSpec.Verify(TelegramUpdate.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(InboxStatus state) =>
        TransitionSpec.VerifyTerminal(TelegramUpdate.Transitions, Allowed, state);
}
