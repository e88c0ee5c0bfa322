using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Me;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize]
[Route("api/me")]
public sealed class MeController(ISender sender) : ControllerBase
{
    /// <summary>
    /// The signed-in user: the workspace this request acts in and their role there, every workspace they belong to,
    /// and the invitations waiting for their email. A user in several workspaces names one per request with the
    /// <c>X-PromoStack-Tenant</c> header (its tenant id); with one it is implied.
    /// </summary>
    [HttpGet]
    public async Task<MeDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetMe(), cancellationToken);

    /// <summary>Accepts an invitation to the user's email (a verified one) before it expires: they join that workspace.</summary>
    [HttpPost("invitations/{id:int}/accept")]
    public async Task<Membership> Accept(int id, CancellationToken cancellationToken) => await sender.Send(new AcceptInvitation(id), cancellationToken);

    /// <summary>Declines an invitation to the user's email.</summary>
    [HttpPost("invitations/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeclineInvitation(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Leaves the workspace this request acts in; its last admin cannot.</summary>
    [HttpDelete("workspace")]
    [Authorize(Policies.TenantMember)]
    public async Task<IActionResult> Leave(CancellationToken cancellationToken)
    {
        await sender.Send(new LeaveWorkspace(), cancellationToken);
        return NoContent();
    }
}
