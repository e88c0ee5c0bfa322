using Mediator;

namespace PromoStack.Application.Common.Messaging;

/// <summary>A message that acts on the current tenant's data; it is rejected when no tenant is set.</summary>
public interface ITenantScoped;

/// <summary>A message that deliberately runs without a tenant (onboarding, platform views, sign-in).</summary>
public interface ITenantAgnostic;

/// <summary>Changes the current tenant's state; runs in a transaction.</summary>
public interface ITenantCommand<out TResponse> : ICommand<TResponse>, ITenantScoped;

/// <summary>Reads the current tenant's state.</summary>
public interface ITenantQuery<out TResponse> : IQuery<TResponse>, ITenantScoped;

/// <summary>
/// A command that calls an outside service (Stripe, Telegram) while a request waits. It is not wrapped in one
/// transaction — a hanging call would hold a pooled database connection the whole time — but saves in short steps
/// around the call: reserve and commit, call, then record the result.
/// </summary>
public interface ICallsOutsideServices;
