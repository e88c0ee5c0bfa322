using Mediator;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Common.Behaviors;

/// <summary>Runs a command in one database transaction; queries are not wrapped.</summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        await unitOfWork.InTransactionAsync(async ct => await next(message, ct), cancellationToken);
}
