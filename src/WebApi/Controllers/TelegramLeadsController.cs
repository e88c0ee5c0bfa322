using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>Free leads: people who joined the FREE channel or started a bot and never paid.</summary>
[ApiController]
[Route("api/leads")]
[Tags(ApiTags.Leads)]
public sealed class TelegramLeadsController(ISender sender) : ControllerBase
{
    /// <summary>List free leads</summary>
    /// <remarks>
    /// The free leads in Telegram id order, a page at a time, with where each came from and whether a bot can reach them,
    /// and how many of all of them can be reached.
    /// </remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<FreeLeadPage> List([FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListFreeLeads(page, pageSize), cancellationToken);
}
