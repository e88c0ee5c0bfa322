using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Audit;

namespace PromoStack.Application.Common.Behaviors;

/// <summary>
/// Writes one audit log entry for each message of <see cref="AuditedMessages"/> a signed-in user sends: who, when,
/// which tenant (none for a tenant-agnostic message), the message's name and fields (<see cref="AuditFields"/>:
/// secrets masked) and the client's address. It runs innermost, inside <see cref="TransactionBehavior{TMessage,TResponse}"/>,
/// and saves the entry after the handler succeeded: a command that fails, or whose transaction rolls back, leaves no
/// entry, and an entry that cannot be saved rolls the change back. A command that calls outside services commits in
/// steps (<see cref="ICallsOutsideServices"/>); its entry is saved right after its last step. Messages without a user
/// (webhooks, the bots, workers, schedules, the CLI) are not recorded.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(IAppDbContext db, ICurrentUser user, ITenantContext tenant, IRequestContext request, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool Audited = AuditedMessages.Includes(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!Audited || user.UserId is not { } userId)
        {
            return await next(message, cancellationToken);
        }

        var fields = AuditFields.Of(message);
        var response = await next(message, cancellationToken);
        var tenantId = message is ITenantScoped ? tenant.TenantId : null;
        db.AuditLog.Add(AuditEntry.Record(
            tenantId, clock.GetUtcNow(), userId, user.Email, tenantId is null ? null : user.Role, user.IsPlatformOperator, typeof(TMessage).Name, fields,
            request.ClientAddress));

        // The change is made: a client that hangs up now must not cost it its entry.
        await db.SaveChangesAsync(CancellationToken.None);
        return response;
    }
}
