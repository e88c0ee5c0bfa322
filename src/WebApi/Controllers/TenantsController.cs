using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Tenants;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize]
[Tags(ApiTags.Workspace)]
public sealed class TenantsController(ISender sender) : ControllerBase
{
    /// <summary>Create a workspace</summary>
    /// <remarks>Onboarding: creates a workspace with its slug (its id in URLs), name and time zone; the signed-in user becomes its admin.</remarks>
    [HttpPost("api/tenants")]
    [ProducesResponseType<TenantDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The slug is taken.")]
    public async Task<ActionResult<TenantDto>> Create(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var tenant = await sender.Send(new CreateTenant(request.Slug, request.Name, request.Timezone), cancellationToken);
        return Created("/api/tenant", tenant);
    }

    /// <summary>Get the workspace</summary>
    /// <remarks>The workspace this request acts in: its id, name, time zone and website origins.</remarks>
    [HttpGet("api/tenant")]
    [Authorize(Policies.TenantMember)]
    public async Task<TenantDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetTenant(), cancellationToken);

    /// <summary>Change the workspace</summary>
    /// <remarks>
    /// Renames the workspace or changes its time zone ("today" and the local schedules follow it), and, when given, the
    /// website origins allowed to call its public endpoints from a browser.
    /// </remarks>
    [HttpPut("api/tenant")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<TenantDto> Update(UpdateTenantRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateTenant(request.Name, request.Timezone, request.SiteOrigins), cancellationToken);
}

/// <param name="Slug">The tenant's id in URLs: 3–40 lowercase letters, digits and hyphens, starting with a letter.</param>
/// <param name="Name">Display name.</param>
/// <param name="Timezone">IANA time zone (default UTC).</param>
public sealed record CreateTenantRequest(string Slug, string Name, string? Timezone);

/// <param name="SiteOrigins">The tenant's websites (e.g. <c>https://example.com</c>) whose pages may call its public
/// endpoints from a browser (CORS); omitted, they stay as they are.</param>
public sealed record UpdateTenantRequest(string Name, string Timezone, IReadOnlyList<string>? SiteOrigins);
