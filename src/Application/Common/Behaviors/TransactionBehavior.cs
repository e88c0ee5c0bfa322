using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Common.Behaviors;

/// <summary>
/// Runs a command in one database transaction; queries are not wrapped, nor are commands that call outside services
/// (<see cref="ICallsOutsideServices"/>), which commit in short steps around their calls.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is ICallsOutsideServices
            ? await next(message, cancellationToken)
            : await unitOfWork.InTransactionAsync(async ct => await next(message, ct), cancellationToken);
}
