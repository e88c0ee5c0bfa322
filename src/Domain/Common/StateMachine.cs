namespace PromoStack.Domain.Common;

/// <summary>
/// The one place that lists an entity's allowed status transitions. Anything not listed is illegal and throws.
/// </summary>
public sealed class StateMachine<TState> where TState : struct, Enum
{
    private readonly string _entity;
    private readonly Dictionary<TState, HashSet<TState>> _allowed;

    public StateMachine(string entity, IEnumerable<(TState From, TState[] To)> transitions)
    {
        _entity = entity;
        _allowed = transitions.ToDictionary(t => t.From, t => t.To.ToHashSet());
    }

    public bool CanMove(TState from, TState to) => _allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public bool IsTerminal(TState state) => !_allowed.TryGetValue(state, out var targets) || targets.Count == 0;

    public void EnsureCanMove(TState from, TState to)
    {
        if (!CanMove(from, to))
        {
            throw new InvalidTransitionException(_entity, from.ToString(), to.ToString());
        }
    }
}
