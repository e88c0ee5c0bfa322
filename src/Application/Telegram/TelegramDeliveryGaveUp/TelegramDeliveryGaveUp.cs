using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Telegram;

/// <summary>The sender gave up on an outbox message (blocked, refused, or out of attempts): the feature that queued it reacts.</summary>
public sealed record TelegramDeliveryGaveUp(string Kind, string? DedupeKey, string Reason) : ITenantCommand<Unit>;

internal sealed class TelegramDeliveryGaveUpHandler(IEnumerable<IDeliveryFailureHandler> handlers) : ICommandHandler<TelegramDeliveryGaveUp, Unit>
{
    public async ValueTask<Unit> Handle(TelegramDeliveryGaveUp command, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers.Where(h => h.Kind == command.Kind))
        {
            await handler.HandleAsync(command.DedupeKey, command.Reason, cancellationToken);
        }

        return Unit.Value;
    }
}
