using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.TenantUsers;

namespace PromoStack.Application.Me;

/// <summary>The signed-in user leaves the workspace this request acts in; its last admin cannot (409).</summary>
public sealed record LeaveWorkspace : ITenantCommand<Unit>;

internal sealed class LeaveWorkspaceHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<LeaveWorkspace, Unit>
{
    public async ValueTask<Unit> Handle(LeaveWorkspace command, CancellationToken cancellationToken)
    {
        var membership = await db.TenantUsers.SingleOrDefaultAsync(u => u.ClerkUserId == user.UserId, cancellationToken)
                         ?? throw new NotFoundException("Membership", user.TenantId ?? string.Empty);
        membership.EnsureRemovable(await TenantAdmins.CountLockedAsync(db, cancellationToken));
        db.TenantUsers.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
