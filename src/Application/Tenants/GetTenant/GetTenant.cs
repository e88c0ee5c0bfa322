using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Tenants;

public sealed record GetTenant : ITenantQuery<TenantDto>;

internal sealed class GetTenantHandler(IAppDbContext db, ITenantContext tenant) : IQueryHandler<GetTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(GetTenant query, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenant.RequiredTenantId)
            .Select(TenantDto.Projection)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Tenant", tenant.RequiredTenantId);
}
