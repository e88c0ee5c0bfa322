using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.TenantUsers;

/// <summary>
/// Invites a member by email. Nobody joins by it until the invitee, signed in with that verified email, accepts it
/// (<c>GET /api/me</c> lists it) within 7 days. A workspace has at most <see cref="PendingLimit"/> pending invitations.
/// </summary>
public sealed record AddTenantUser(string Email, TenantRole Role) : ITenantCommand<TenantUserDto>
{
    public const int PendingLimit = 50;
}

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
        var now = clock.GetUtcNow();
        if (await db.TenantUsers.SingleOrDefaultAsync(u => u.Email == email, cancellationToken) is { } existing)
        {
            if (!existing.IsExpiredInvite(now))
            {
                throw new ConflictException($"{email} is already a member of this tenant or invited.");
            }

            // An expired invitation is replaced by the new one.
            db.TenantUsers.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.TenantUsers.CountAsync(u => u.ClerkUserId == null && u.InviteExpiresAt > now, cancellationToken) >= AddTenantUser.PendingLimit)
        {
            throw new ConflictException($"This workspace has {AddTenantUser.PendingLimit} pending invitations: revoke some or wait for them to be answered.");
        }

        var user = TenantUser.Invite(tenant.RequiredTenantId, email, command.Role, now);
        db.TenantUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return TenantUserDto.From(user);
    }
}
