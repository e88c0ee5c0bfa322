using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Me;

/// <summary>The signed-in user declines an invitation issued to their email: it is gone, and the workspace may invite again.</summary>
public sealed record DeclineInvitation(int Id) : ICommand<Unit>, ITenantAgnostic;

internal sealed class DeclineInvitationHandler(ICurrentUser user, IWorkspaceDirectory workspaces, IWorkspaceUnitOfWork workspace)
    : ICommandHandler<DeclineInvitation, Unit>
{
    public async ValueTask<Unit> Handle(DeclineInvitation command, CancellationToken cancellationToken)
    {
        var email = user.Email ?? throw new ForbiddenException("Your account has no email address to match an invitation.");
        var invitation = await workspaces.FindInvitationAsync(command.Id, email, cancellationToken) ?? throw new NotFoundException("Invitation", command.Id);
        await workspace.RunAsync(invitation.TenantId, async (db, ct) =>
        {
            db.TenantUsers.Remove(await db.TenantUsers.SingleAsync(u => u.Id == invitation.Id && u.ClerkUserId == null, ct));
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return Unit.Value;
    }
}
