using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Free leads: people who joined the FREE channel or started a bot and never paid.</summary>
[ApiController]
[Route("api/leads")]
public sealed class TelegramLeadsController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<FreeLeadPage> List([FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListFreeLeads(page, pageSize), cancellationToken);
}
