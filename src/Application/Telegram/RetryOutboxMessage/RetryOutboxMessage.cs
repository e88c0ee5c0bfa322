using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Telegram;

/// <summary>
/// Sends a failed delivery again. Only a failed one: an <c>unknown</c> one may already have reached Telegram, and a
/// sent one has.
/// </summary>
public sealed record RetryOutboxMessage(long Id) : ITenantCommand<Unit>;

internal sealed class RetryOutboxMessageHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RetryOutboxMessage, Unit>
{
    public async ValueTask<Unit> Handle(RetryOutboxMessage command, CancellationToken cancellationToken)
    {
        var message = await db.TelegramOutbox.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Delivery", command.Id);
        message.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
