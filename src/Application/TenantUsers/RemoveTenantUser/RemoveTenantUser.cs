using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.TenantUsers;

public sealed record RemoveTenantUser(int Id) : ITenantCommand<Unit>;

internal sealed class RemoveTenantUserHandler(IAppDbContext db) : ICommandHandler<RemoveTenantUser, Unit>
{
    public async ValueTask<Unit> Handle(RemoveTenantUser command, CancellationToken cancellationToken)
    {
        var user = await db.TenantUsers.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("User", command.Id);
        user.EnsureRemovable(await TenantAdmins.CountLockedAsync(db, cancellationToken));
        db.TenantUsers.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
