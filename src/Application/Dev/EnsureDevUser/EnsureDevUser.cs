using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Tenants;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Dev;

/// <summary>
/// Development only: makes sure a tenant and a local dev user with the given role exist, for a dev token. The
/// token then goes through the same sign-in path as a Clerk token; the role still comes from the database.
/// </summary>
public sealed record EnsureDevUser(string TenantId, TenantRole Role) : ICommand<DevUser>, ITenantAgnostic;

public sealed record DevUser(string UserId, string Email);

internal sealed class EnsureDevUserValidator : AbstractValidator<EnsureDevUser>
{
    public EnsureDevUserValidator()
    {
        RuleFor(c => c.TenantId).TenantSlug();
        RuleFor(c => c.Role).IsInEnum();
    }
}

internal sealed class EnsureDevUserHandler(IWorkspaceUnitOfWork workspace, TimeProvider clock)
    : ICommandHandler<EnsureDevUser, DevUser>
{
    public async ValueTask<DevUser> Handle(EnsureDevUser command, CancellationToken cancellationToken) =>
        await DevUsers.EnsureAsync(workspace, command.TenantId, command.Role, clock.GetUtcNow(), cancellationToken);
}
