using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Tenants.UpdateTenant;

public sealed record UpdateTenant(string Name, string Timezone) : ITenantCommand<TenantDto>;

internal sealed class UpdateTenantValidator : AbstractValidator<UpdateTenant>
{
    public UpdateTenantValidator()
    {
        RuleFor(c => c.Name).TenantName();
        RuleFor(c => c.Timezone).NotEmpty().IanaTimeZone();
    }
}

internal sealed class UpdateTenantHandler(IAppDbContext db, ITenantContext tenantContext) : ICommandHandler<UpdateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(UpdateTenant command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantContext.RequiredTenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant", tenantContext.RequiredTenantId);
        tenant.Update(command.Name, command.Timezone);
        await db.SaveChangesAsync(cancellationToken);
        return TenantDto.From(tenant);
    }
}
