using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.TenantUsers;

public sealed record GetTenantUser(int Id) : ITenantQuery<TenantUserDto>;

internal sealed class GetTenantUserHandler(IAppDbContext db) : IQueryHandler<GetTenantUser, TenantUserDto>
{
    public async ValueTask<TenantUserDto> Handle(GetTenantUser query, CancellationToken cancellationToken) =>
        await db.TenantUsers.AsNoTracking().Where(u => u.Id == query.Id).Select(TenantUserDto.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("User", query.Id);
}
