using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tests.Common;

/// <summary>
/// Checks a <see cref="StateMachine{TState}"/> against a transition table written out in a test: every pair of enum
/// values is walked, so a transition added to or removed from the domain without updating the spec fails a test.
/// </summary>
internal static class TransitionSpec
{
    public static TheoryData<TState, TState> AllPairs<TState>() where TState : struct, Enum
    {
        var data = new TheoryData<TState, TState>();
        foreach (var from in Enum.GetValues<TState>())
        {
            foreach (var to in Enum.GetValues<TState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static void Verify<TState>(
        StateMachine<TState> machine, IReadOnlyDictionary<TState, TState[]> spec, TState from, TState to)
        where TState : struct, Enum
    {
        var expected = spec.TryGetValue(from, out var targets) && targets.Contains(to);

        machine.CanMove(from, to).Should().Be(expected, "the spec says {0} → {1} is {2}", from, to, expected ? "allowed" : "forbidden");

        var ensure = () => machine.EnsureCanMove(from, to);
        if (expected)
        {
            ensure.Should().NotThrow();
        }
        else
        {
            var thrown = ensure.Should().Throw<InvalidTransitionException>().Which;
            thrown.Should().BeAssignableTo<DomainException>();
            thrown.From.Should().Be(from.ToString());
            thrown.To.Should().Be(to.ToString());
        }
    }

    public static void VerifyTerminal<TState>(StateMachine<TState> machine, IReadOnlyDictionary<TState, TState[]> spec, TState state)
        where TState : struct, Enum
    {
        var expected = !spec.TryGetValue(state, out var targets) || targets.Length == 0;
        machine.IsTerminal(state).Should().Be(expected, "the spec says {0} is {1}", state, expected ? "terminal" : "open");
    }

    public static TheoryData<TState> AllStates<TState>() where TState : struct, Enum
    {
        var data = new TheoryData<TState>();
        foreach (var state in Enum.GetValues<TState>())
        {
            data.Add(state);
        }

        return data;
    }
}
