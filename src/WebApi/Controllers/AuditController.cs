using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Audit;
using PromoStack.Application.Common.Paging;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's audit log (admins only): who changed what, when and from where.</summary>
[ApiController]
[Authorize(Policies.TenantAdmin)]
[Route("api/audit")]
[Tags(ApiTags.Audit)]
public sealed class AuditController(ISender sender) : ControllerBase
{
    /// <summary>List the audit log</summary>
    /// <remarks>
    /// The entries of the last year, newest first: every change an admin or operator made (settings, connections,
    /// users and invitations, grants and revokes, publishing, broadcasts…), every export of personal data and every
    /// platform operator's look-in, each with who, when, the action (the command's name), its fields (secrets masked)
    /// and the client's address. Only what succeeded is recorded. Filters: <c>user</c> (a user id or an email),
    /// <c>action</c> (e.g. <c>SaveConnection</c>), <c>from</c> (inclusive) and <c>to</c> (exclusive).
    /// </remarks>
    [HttpGet]
    public async Task<Page<AuditEntryDto>> List(
        [FromQuery] string? user, [FromQuery] string? action, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListAuditEntries(user, action, from, to, page, pageSize), cancellationToken);
}
