using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.TenantUsers;

public sealed record ListTenantUsers : ITenantQuery<IReadOnlyList<TenantUserDto>>;

internal sealed class ListTenantUsersHandler(IAppDbContext db) : IQueryHandler<ListTenantUsers, IReadOnlyList<TenantUserDto>>
{
    public async ValueTask<IReadOnlyList<TenantUserDto>> Handle(ListTenantUsers query, CancellationToken cancellationToken) =>
        await db.TenantUsers.AsNoTracking()
            .OrderBy(u => u.Id)
            .Select(TenantUserDto.Projection)
            .ToListAsync(cancellationToken);
}
