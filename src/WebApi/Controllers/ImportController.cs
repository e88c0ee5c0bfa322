using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Import;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's import from the original system (the import itself runs from the CLI: <c>./promostack import</c>).</summary>
[ApiController]
[Route("api/import")]
[Tags(ApiTags.Import)]
public sealed class ImportController(ISender sender) : ControllerBase
{
    /// <summary>Get the import's report</summary>
    /// <remarks>When and from where the workspace was imported, and its report: rows found, imported and quarantined per table, with the reasons.</remarks>
    [HttpGet]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status404NotFound, "The workspace was not imported from the original system.")]
    public async Task<TenantImportDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetTenantImport(), cancellationToken);

    /// <summary>Get the cut-over state</summary>
    /// <remarks>
    /// Where each bot's webhook points today (here, still at the original, or unknown when Telegram cannot be asked), and
    /// the Stripe endpoint and events to set in the workspace's Stripe dashboard.
    /// </remarks>
    [HttpGet("cutover")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status404NotFound, "The workspace was not imported from the original system.")]
    public async Task<CutOverReport> CutOver(CancellationToken cancellationToken) => await sender.Send(new GetCutOver(), cancellationToken);
}
