using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Me;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize]
[Route("api/me")]
public sealed class MeController(ISender sender) : ControllerBase
{
    /// <summary>The signed-in user, their tenant and role (none before onboarding).</summary>
    [HttpGet]
    public async Task<MeDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetMe(), cancellationToken);
}
