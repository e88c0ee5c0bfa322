using PromoStack.Domain.Signals;
using PromoStack.Domain.Tests.Common;

namespace PromoStack.Domain.Tests.Signals;

public sealed class SignalTransitionsTests
{
    /// <summary>The spec: every transition not listed here is forbidden.</summary>
    private static readonly Dictionary<SignalStatus, SignalStatus[]> Allowed = new()
    {
        [SignalStatus.Active] = [SignalStatus.Tp1Hit, SignalStatus.Stopped, SignalStatus.Closed],
        [SignalStatus.Tp1Hit] = [SignalStatus.Tp2Hit, SignalStatus.Stopped, SignalStatus.Closed],
        [SignalStatus.Tp2Hit] = [SignalStatus.Tp3Hit, SignalStatus.Stopped, SignalStatus.Closed],
    };

    public static TheoryData<SignalStatus, SignalStatus> Pairs => TransitionSpec.AllPairs<SignalStatus>();

    public static TheoryData<SignalStatus> States => TransitionSpec.AllStates<SignalStatus>();

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Transition_IsAllowedExactlyWhenTheSpecListsIt(SignalStatus from, SignalStatus to) =>
        TransitionSpec.Verify(ForexSignal.Transitions, Allowed, from, to);

    [Theory]
    [MemberData(nameof(States))]
    public void IsTerminal_ExactlyForStatesWithoutOutgoingTransitions(SignalStatus state) =>
        TransitionSpec.VerifyTerminal(ForexSignal.Transitions, Allowed, state);
}
