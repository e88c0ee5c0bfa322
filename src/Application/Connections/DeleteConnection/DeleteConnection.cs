using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Connections;

/// <summary>
/// Disconnects a role. Unless the other role still uses the same bot, the bot leaves the workspace: its queued messages
/// are cancelled (in the same transaction as the removal) and, once that has committed, its webhook is deleted.
/// </summary>
public sealed record DeleteConnection(BotRole Role) : ITenantCommand<Unit>, ICallsOutsideServices;

internal sealed class DeleteConnectionHandler(IAppDbContext db, IUnitOfWork unitOfWork, ITelegramBotApi telegram, ISecretProtector secrets)
    : ICommandHandler<DeleteConnection, Unit>
{
    public async ValueTask<Unit> Handle(DeleteConnection command, CancellationToken cancellationToken)
    {
        var connections = await db.BotConnections.ToListAsync(cancellationToken);
        var current = connections.SingleOrDefault(c => c.BotRole == command.Role)
            ?? throw new NotFoundException("Connection", BotRoleNames.Of(command.Role));
        var leaves = !connections.Any(c => c.BotRole != command.Role && c.BotTelegramId == current.BotTelegramId);
        await unitOfWork.InTransactionAsync(async ct =>
        {
            db.BotConnections.Remove(current);
            await db.SaveChangesAsync(ct);
            return leaves ? await BotOutbox.CancelQueuedAsync(db, current.BotTelegramId, ct) : 0;
        }, cancellationToken);

        if (leaves && !current.IsSandbox)
        {
            try
            {
                await BotWebhooks.TryDeleteAsync(telegram, secrets.Unprotect(ConnectionSecrets.Token, current.BotToken), cancellationToken);
            }
            catch (TelegramUnavailableException)
            {
                // The bot is disconnected all the same: its webhook points at a public id no connection has any more,
                // which the webhook answers 404 without storing anything, and a later connection sets its own.
            }
        }

        return Unit.Value;
    }
}
