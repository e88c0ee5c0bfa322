using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Me;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize]
[Route("api/me")]
[Tags(ApiTags.Account)]
public sealed class MeController(ISender sender) : ControllerBase
{
    /// <summary>Who is signed in</summary>
    /// <remarks>
    /// The signed-in user: the workspace this request acts in and their role there, every workspace they belong to,
    /// and the invitations waiting for their email. A user in several workspaces names one per request with the
    /// <c>X-PromoStack-Tenant</c> header (its tenant id); with one it is implied.
    /// </remarks>
    [HttpGet]
    public async Task<MeDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetMe(), cancellationToken);

    /// <summary>Accept an invitation</summary>
    /// <remarks>
    /// Accepts an invitation to the user's email within its 7 days: they join that workspace with the invited role, besides
    /// any others they belong to. Only a verified email may accept.
    /// </remarks>
    [HttpPost("invitations/{id:int}/accept")]
    [ProducesProblem(StatusCodes.Status403Forbidden, "The user's email is not verified, or their account has no email.")]
    [ProducesProblem(StatusCodes.Status409Conflict, "The user already belongs to this workspace.")]
    public async Task<Membership> Accept(int id, CancellationToken cancellationToken) => await sender.Send(new AcceptInvitation(id), cancellationToken);

    /// <summary>Decline an invitation</summary>
    /// <remarks>The invitation to the user's email is gone, and the workspace may invite them again.</remarks>
    [HttpPost("invitations/{id:int}/decline")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status403Forbidden, "The user's account has no email to match the invitation.")]
    public async Task<IActionResult> Decline(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeclineInvitation(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Leave the workspace</summary>
    /// <remarks>The signed-in user leaves the workspace this request acts in; its last admin cannot.</remarks>
    [HttpDelete("workspace")]
    [Authorize(Policies.TenantMember)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The user is the workspace's last admin.")]
    public async Task<IActionResult> Leave(CancellationToken cancellationToken)
    {
        await sender.Send(new LeaveWorkspace(), cancellationToken);
        return NoContent();
    }
}
