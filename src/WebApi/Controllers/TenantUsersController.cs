using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.TenantUsers;
using PromoStack.Domain.Tenants;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize(Policies.TenantAdmin)]
[Route("api/tenant/users")]
[Tags(ApiTags.Members)]
public sealed class TenantUsersController(ISender sender) : ControllerBase
{
    /// <summary>List members and invitations</summary>
    /// <remarks>The workspace's members and pending invitations, in the order they were added, with their roles.</remarks>
    [HttpGet]
    public async Task<IReadOnlyList<TenantUserDto>> List(CancellationToken cancellationToken) =>
        await sender.Send(new ListTenantUsers(), cancellationToken);

    /// <summary>Get a member</summary>
    /// <remarks>A member or a pending invitation, with its email and role.</remarks>
    [HttpGet("{id:int}")]
    public async Task<TenantUserDto> Get(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetTenantUser(id), cancellationToken);

    /// <summary>Invite a member</summary>
    /// <remarks>
    /// Invites a member by email with a role. Nobody joins by it until the invitee, signed in with that verified email,
    /// accepts it (<c>GET /api/me</c> lists it) within 7 days.
    /// </remarks>
    [HttpPost]
    [ProducesResponseType<TenantUserDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The email is already a member or invited, or the workspace has 50 pending invitations.")]
    public async Task<ActionResult<TenantUserDto>> Add(AddTenantUserRequest request, CancellationToken cancellationToken)
    {
        var user = await sender.Send(new AddTenantUser(request.Email, request.Role!.Value), cancellationToken);
        return Created($"/api/tenant/users/{user.Id}", user);
    }

    /// <summary>Change a member's role</summary>
    /// <remarks>Makes a member an admin or a member; the workspace keeps at least one admin.</remarks>
    [ProducesProblem(StatusCodes.Status409Conflict, "The member is the workspace's last admin.")]
    [HttpPatch("{id:int}")]
    public async Task<TenantUserDto> ChangeRole(int id, ChangeRoleRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new ChangeTenantUserRole(id, request.Role!.Value), cancellationToken);

    /// <summary>Remove a member</summary>
    /// <remarks>Removes a member, or revokes a pending invitation; the workspace keeps at least one admin.</remarks>
    [HttpDelete("{id:int}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The member is the workspace's last admin.")]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveTenantUser(id), cancellationToken);
        return NoContent();
    }
}

public sealed record AddTenantUserRequest(string Email, [Required] TenantRole? Role);

public sealed record ChangeRoleRequest([Required] TenantRole? Role);
