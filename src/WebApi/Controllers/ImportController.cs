using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Import;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's import from the original system (the import itself runs from the CLI: <c>./promostack import</c>).</summary>
[ApiController]
[Route("api/import")]
public sealed class ImportController(ISender sender) : ControllerBase
{
    /// <summary>The import's report: rows found, imported and quarantined per table, with the reasons. 404 when the tenant was not imported.</summary>
    [HttpGet]
    [Authorize(Policies.TenantAdmin)]
    public async Task<TenantImportDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetTenantImport(), cancellationToken);

    /// <summary>
    /// The cut-over: where each bot's webhook points today (here or still at the original), and the Stripe endpoint
    /// and events to set in the tenant's dashboard. 404 when the tenant was not imported.
    /// </summary>
    [HttpGet("cutover")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CutOverReport> CutOver(CancellationToken cancellationToken) => await sender.Send(new GetCutOver(), cancellationToken);
}
