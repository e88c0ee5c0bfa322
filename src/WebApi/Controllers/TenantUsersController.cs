using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.TenantUsers;
using PromoStack.Domain.Tenants;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

[ApiController]
[Authorize(Policies.TenantAdmin)]
[Route("api/tenant/users")]
public sealed class TenantUsersController(ISender sender) : ControllerBase
{
    [HttpGet]
    public async Task<IReadOnlyList<TenantUserDto>> List(CancellationToken cancellationToken) =>
        await sender.Send(new ListTenantUsers(), cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<TenantUserDto> Get(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetTenantUser(id), cancellationToken);

    /// <summary>Adds a member by email; they join when they first sign in with it.</summary>
    [HttpPost]
    [ProducesResponseType<TenantUserDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<TenantUserDto>> Add(AddTenantUserRequest request, CancellationToken cancellationToken)
    {
        var user = await sender.Send(new AddTenantUser(request.Email, request.Role!.Value), cancellationToken);
        return Created($"/api/tenant/users/{user.Id}", user);
    }

    /// <summary>Changes a member's role; the last admin cannot be demoted (409).</summary>
    [HttpPatch("{id:int}")]
    public async Task<TenantUserDto> ChangeRole(int id, ChangeRoleRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new ChangeTenantUserRole(id, request.Role!.Value), cancellationToken);

    /// <summary>Removes a member; the last admin cannot be removed (409).</summary>
    [HttpDelete("{id:int}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveTenantUser(id), cancellationToken);
        return NoContent();
    }
}

public sealed record AddTenantUserRequest(string Email, [Required] TenantRole? Role);

public sealed record ChangeRoleRequest([Required] TenantRole? Role);
