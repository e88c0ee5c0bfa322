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
