using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Platform;

/// <summary>
/// A platform operator's read-only look inside one tenant: its dashboard and setup checklist, read as that tenant
/// and recorded in that tenant's audit log (<see cref="LookInsideTenant"/>). An unknown tenant is not found.
/// </summary>
public sealed record GetTenantOverview(string TenantId) : IQuery<TenantOverviewDto>, ITenantAgnostic;

internal sealed class GetTenantOverviewValidator : AbstractValidator<GetTenantOverview>
{
    public GetTenantOverviewValidator() => RuleFor(q => q.TenantId).NotEmpty().MaximumLength(64);
}

internal sealed class GetTenantOverviewHandler(ITenantLookIn lookIn) : IQueryHandler<GetTenantOverview, TenantOverviewDto>
{
    public async ValueTask<TenantOverviewDto> Handle(GetTenantOverview query, CancellationToken cancellationToken) =>
        await lookIn.ReadAsync(query.TenantId, new LookInsideTenant(), cancellationToken)
        ?? throw new NotFoundException("Tenant", query.TenantId);
}
