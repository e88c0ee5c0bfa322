using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Subscriptions;

public sealed class SubscriptionTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<SubscriptionStatus, SubscriptionStatus[]> Allowed = new()
    {
        [SubscriptionStatus.Pending] = [SubscriptionStatus.Active, SubscriptionStatus.Expired],
        [SubscriptionStatus.Active] = [SubscriptionStatus.Cancelled, SubscriptionStatus.Expired],
        [SubscriptionStatus.Cancelled] = [SubscriptionStatus.Active],
        [SubscriptionStatus.Expired] = [SubscriptionStatus.Active],
    };

    public static TheoryData<SubscriptionStatus, SubscriptionStatus> Pairs => TransitionSpec.AllPairs<SubscriptionStatus>();

    public static TheoryData<SubscriptionStatus> States => TransitionSpec.AllStates<SubscriptionStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(SubscriptionStatus from, SubscriptionStatus to) =>
        TransitionSpec.Verify(TelegramSubscription.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(SubscriptionStatus state) =>
        TransitionSpec.VerifyTerminal(TelegramSubscription.Transitions, Allowed, state);
}
