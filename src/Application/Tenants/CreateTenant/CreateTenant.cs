using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tenants;

/// <summary>Onboarding: a signed-in user without a tenant creates one and becomes its admin.</summary>
public sealed record CreateTenant(string Slug, string Name, string? Timezone) : ICommand<TenantDto>, ITenantAgnostic;

internal sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator()
    {
        RuleFor(c => c.Slug).TenantSlug();
        RuleFor(c => c.Name).TenantName();
        RuleFor(c => c.Timezone).IanaTimeZone().When(c => c.Timezone is not null);
    }
}

internal sealed class CreateTenantHandler(
    ITenantRegistry registry, ICurrentUser user, IWorkspaceUnitOfWork workspace, TimeProvider clock)
    : ICommandHandler<CreateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CreateTenant command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenException("Sign in to create a tenant.");
        if (await registry.IsSlugTakenAsync(command.Slug, cancellationToken))
        {
            throw new ConflictException($"The slug '{command.Slug}' is taken.");
        }

        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(command.Slug, command.Name, command.Timezone, now);

        // Its own unit of work: the founder may be acting in another of their workspaces in this request.
        await workspace.RunAsync(tenant.Id, async (db, ct) =>
        {
            db.Tenants.Add(tenant);
            db.TenantUsers.Add(TenantUser.Join(tenant.Id, userId, user.Email, TenantRole.Admin, now));
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return TenantDto.From(tenant);
    }
}
