using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Common.Behaviors;

/// <summary>Rejects a tenant-scoped message when the unit of work has no tenant.</summary>
public sealed class TenantBehavior<TMessage, TResponse>(ITenantContext tenant) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, ITenantScoped
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (tenant.TenantId is null)
        {
            throw new MissingTenantException(typeof(TMessage).Name);
        }

        return next(message, cancellationToken);
    }
}
