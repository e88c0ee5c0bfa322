using Mediator;

namespace PromoStack.Application.Common.Messaging;

/// <summary>Changes the current tenant's state; runs in a transaction.</summary>
public interface ITenantCommand<out TResponse> : ICommand<TResponse>, ITenantScoped;
