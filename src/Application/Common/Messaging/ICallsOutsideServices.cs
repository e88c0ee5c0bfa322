namespace PromoStack.Application.Common.Messaging;

/// <summary>
/// A command that calls an outside service (Stripe, Telegram) while a request waits. It is not wrapped in one
/// transaction — a hanging call would hold a pooled database connection the whole time — but saves in short steps
/// around the call: reserve and commit, call, then record the result.
/// </summary>
public interface ICallsOutsideServices;
