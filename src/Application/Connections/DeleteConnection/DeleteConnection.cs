using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Connections.DeleteConnection;

/// <summary>Disconnects a role; the bot's webhook is deleted unless the other role still uses the same bot.</summary>
public sealed record DeleteConnection(BotRole Role) : ITenantCommand<Unit>;

internal sealed class DeleteConnectionHandler(IAppDbContext db, ITelegramBotApi telegram, ISecretProtector secrets)
    : ICommandHandler<DeleteConnection, Unit>
{
    public async ValueTask<Unit> Handle(DeleteConnection command, CancellationToken cancellationToken)
    {
        var connections = await db.BotConnections.ToListAsync(cancellationToken);
        var current = connections.SingleOrDefault(c => c.BotRole == command.Role)
            ?? throw new NotFoundException("Connection", BotRoleNames.Of(command.Role));
        var sharedWithOtherRole = connections.Any(c => c.BotRole != command.Role && c.BotTelegramId == current.BotTelegramId);
        if (!sharedWithOtherRole && !current.IsSandbox)
        {
            await BotWebhooks.TryDeleteAsync(telegram, secrets.Unprotect(ConnectionSecrets.Token, current.BotToken), cancellationToken);
        }

        db.BotConnections.Remove(current);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
