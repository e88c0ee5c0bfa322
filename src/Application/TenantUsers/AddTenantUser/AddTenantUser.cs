using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.TenantUsers.AddTenantUser;

/// <summary>Adds a member by email; they join the tenant when they first sign in with that email.</summary>
public sealed record AddTenantUser(string Email, TenantRole Role) : ITenantCommand<TenantUserDto>;

internal sealed class AddTenantUserValidator : AbstractValidator<AddTenantUser>
{
    public AddTenantUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(TenantUser.EmailMaxLength).EmailAddress();
        RuleFor(c => c.Role).IsInEnum();
    }
}

internal sealed class AddTenantUserHandler(IAppDbContext db, ITenantContext tenant, TimeProvider clock)
    : ICommandHandler<AddTenantUser, TenantUserDto>
{
    public async ValueTask<TenantUserDto> Handle(AddTenantUser command, CancellationToken cancellationToken)
    {
        var email = TenantUser.NormalizeEmail(command.Email);
        if (await db.TenantUsers.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw new ConflictException($"{email} is already a member of this tenant.");
        }

        var user = TenantUser.Invite(tenant.RequiredTenantId, email, command.Role, clock.GetUtcNow());
        db.TenantUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return TenantUserDto.From(user);
    }
}
