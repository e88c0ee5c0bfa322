namespace PromoStack.Domain.Common;

/// <summary>A broken business rule or an illegal state transition. The API answers 409 with the message.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>Raised when a state machine is asked for a transition it does not allow.</summary>
public sealed class InvalidTransitionException(string entity, string from, string to)
    : DomainException($"{entity} cannot move from '{from}' to '{to}'.")
{
    public string Entity { get; } = entity;
    public string From { get; } = from;
    public string To { get; } = to;
}
