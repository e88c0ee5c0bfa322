using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Me;

/// <summary>
/// The signed-in user accepts an invitation issued to their email: only a verified email may (the token's
/// <c>email_verified</c> claim, else the identity provider's record), before it expires. They join that workspace with
/// the invited role, besides any others they belong to.
/// </summary>
public sealed record AcceptInvitation(int Id) : ICommand<Membership>, ITenantAgnostic;

internal sealed class AcceptInvitationHandler(
    ICurrentUser user, IWorkspaceDirectory workspaces, IWorkspaceUnitOfWork workspace, IUserDirectory directory, TimeProvider clock)
    : ICommandHandler<AcceptInvitation, Membership>
{
    public async ValueTask<Membership> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenException("Sign in to accept an invitation.");
        var email = user.Email ?? throw new ForbiddenException("Your account has no email address to match an invitation.");
        var invitation = await workspaces.FindInvitationAsync(command.Id, email, cancellationToken) ?? throw new NotFoundException("Invitation", command.Id);
        if (!user.EmailVerified && !await directory.IsVerifiedAsync(userId, email, cancellationToken))
        {
            throw new ForbiddenException($"Verify {email} with your sign-in provider first: only a verified email can accept an invitation.");
        }

        if ((await workspaces.MembershipsAsync(userId, cancellationToken)).Any(m => m.TenantId == invitation.TenantId))
        {
            throw new ConflictException("You already belong to this workspace.");
        }

        await workspace.RunAsync(invitation.TenantId, async (db, ct) =>
        {
            var pending = await db.TenantUsers.SingleAsync(u => u.Id == invitation.Id, ct);
            pending.Accept(userId, clock.GetUtcNow());
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return (await workspaces.MembershipsAsync(userId, cancellationToken)).Single(m => m.TenantId == invitation.TenantId);
    }
}
