using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Tenants;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Me;

/// <summary>
/// Who the signed-in user is: the workspace this request acts in and their role there (none before onboarding, or
/// when they belong to several and the request names none), every workspace they belong to, and the invitations
/// waiting for their email.
/// </summary>
public sealed record GetMe : IQuery<MeDto>, ITenantAgnostic;

public sealed record MeDto(
    string UserId, string? Email, TenantDto? Tenant, TenantRole? Role, bool IsPlatformOperator, IReadOnlyList<Membership> Memberships,
    IReadOnlyList<Invitation> Invitations);

internal sealed class GetMeHandler(IAppDbContext db, ICurrentUser user, IWorkspaceDirectory workspaces, TimeProvider clock) : IQueryHandler<GetMe, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new InvalidOperationException("GetMe needs a signed-in user.");
        TenantDto? tenant = null;
        if (user.TenantId is { } tenantId)
        {
            tenant = await db.Tenants.AsNoTracking()
                .Where(t => t.Id == tenantId)
                .Select(TenantDto.Projection)
                .SingleOrDefaultAsync(cancellationToken);
        }

        return new MeDto(
            userId, user.Email, tenant, user.Role, user.IsPlatformOperator, await workspaces.MembershipsAsync(userId, cancellationToken),
            user.Email is { } email ? await workspaces.InvitationsAsync(email, clock.GetUtcNow(), cancellationToken) : []);
    }
}
