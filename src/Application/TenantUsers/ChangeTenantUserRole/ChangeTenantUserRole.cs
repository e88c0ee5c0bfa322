using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.TenantUsers;

public sealed record ChangeTenantUserRole(int Id, TenantRole Role) : ITenantCommand<TenantUserDto>;

internal sealed class ChangeTenantUserRoleValidator : AbstractValidator<ChangeTenantUserRole>
{
    public ChangeTenantUserRoleValidator() => RuleFor(c => c.Role).IsInEnum();
}

internal sealed class ChangeTenantUserRoleHandler(IAppDbContext db) : ICommandHandler<ChangeTenantUserRole, TenantUserDto>
{
    public async ValueTask<TenantUserDto> Handle(ChangeTenantUserRole command, CancellationToken cancellationToken)
    {
        var user = await db.TenantUsers.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("User", command.Id);
        user.ChangeRole(command.Role, await TenantAdmins.CountLockedAsync(db, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return TenantUserDto.From(user);
    }
}
