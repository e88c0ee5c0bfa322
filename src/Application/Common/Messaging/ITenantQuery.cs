using Mediator;

namespace PromoStack.Application.Common.Messaging;

/// <summary>Reads the current tenant's state.</summary>
public interface ITenantQuery<out TResponse> : IQuery<TResponse>, ITenantScoped;
