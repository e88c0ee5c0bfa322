using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Tenants;

/// <param name="SiteOrigins">When given, replaces the websites allowed to call the public endpoints from a browser.</param>
public sealed record UpdateTenant(string Name, string Timezone, IReadOnlyList<string>? SiteOrigins = null) : ITenantCommand<TenantDto>;

internal sealed class UpdateTenantValidator : AbstractValidator<UpdateTenant>
{
    public UpdateTenantValidator()
    {
        RuleFor(c => c.Name).TenantName();
        RuleFor(c => c.Timezone).NotEmpty().IanaTimeZone();
        RuleFor(c => c.SiteOrigins!.Count).LessThanOrEqualTo(Domain.Tenants.Tenant.MaxSiteOrigins).OverridePropertyName(nameof(UpdateTenant.SiteOrigins))
            .When(c => c.SiteOrigins is not null);
        RuleForEach(c => c.SiteOrigins).Must(IsOrigin)
            .WithMessage("An origin is a website's scheme and host, e.g. https://example.com (no path).");
    }

    private static bool IsOrigin(string? origin) =>
        Uri.TryCreate(origin?.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}

internal sealed class UpdateTenantHandler(IAppDbContext db, ITenantContext tenantContext) : ICommandHandler<UpdateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(UpdateTenant command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantContext.RequiredTenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant", tenantContext.RequiredTenantId);
        tenant.Update(command.Name, command.Timezone);
        if (command.SiteOrigins is not null)
        {
            tenant.SetSiteOrigins(command.SiteOrigins);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TenantDto.From(tenant);
    }
}
