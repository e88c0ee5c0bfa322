using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Campaigns;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Campaigns;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>Contests and promotions: draft → active → ended by their dates or by hand, entries, and the winner's draw.</summary>
[ApiController]
[Route("api/campaigns")]
[Tags(ApiTags.Campaigns)]
public sealed class CampaignsController(ISender sender) : ControllerBase
{
    /// <summary>List campaigns</summary>
    /// <remarks>The workspace's campaigns, the latest start date first, of one status or all.</remarks>
    /// <param name="status">Only the campaigns in this status.</param>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<CampaignDto>> List([FromQuery] CampaignStatus? status, CancellationToken cancellationToken) =>
        await sender.Send(new ListCampaigns(status), cancellationToken);

    /// <summary>Create a campaign</summary>
    /// <remarks>A draft with a title, its dates (the workspace's days, both included) and an optional prize; it takes entries once published and active.</remarks>
    [HttpPost]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType<CampaignDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<CampaignDto>> Create(CampaignRequest request, CancellationToken cancellationToken)
    {
        var campaign = await sender.Send(
            new CreateCampaign(request.Title ?? string.Empty, request.Description, request.StartDate ?? default, request.EndDate ?? default, request.Prize),
            cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = campaign.Id }, campaign);
    }

    /// <summary>Get a campaign</summary>
    /// <remarks>The campaign with its status, dates, entry count and, once drawn, its winner.</remarks>
    [HttpGet("{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<CampaignDto> Get(int id, CancellationToken cancellationToken) => await sender.Send(new GetCampaign(id), cancellationToken);

    /// <summary>Edit a campaign</summary>
    /// <remarks>Edits a draft or an active campaign; an active one keeps its start date.</remarks>
    [HttpPut("{id:int}")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The campaign has ended, or it is active and the start date would change.")]
    public async Task<CampaignDto> Update(int id, CampaignRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new UpdateCampaign(id, request.Title ?? string.Empty, request.Description, request.StartDate ?? default, request.EndDate ?? default, request.Prize),
            cancellationToken);

    /// <summary>Delete a draft campaign</summary>
    /// <remarks>Deletes a campaign that never went live; one that ran is kept for its record.</remarks>
    [HttpDelete("{id:int}")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The campaign has run: only drafts can be deleted.")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteCampaign(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Publish a campaign</summary>
    /// <remarks>Active at once when its start date has come (the workspace's today), else from its start date; it ends after its end date.</remarks>
    [HttpPost("{id:int}/publish")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The campaign is already published, or its end date has passed.")]
    public async Task<CampaignDto> Publish(int id, CancellationToken cancellationToken) => await sender.Send(new PublishCampaign(id), cancellationToken);

    /// <summary>End a campaign now</summary>
    /// <remarks>Ends an active campaign before its end date: it takes no more entries and its winner can be drawn.</remarks>
    [HttpPost("{id:int}/end")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The campaign is not active.")]
    public async Task<CampaignDto> End(int id, CancellationToken cancellationToken) => await sender.Send(new EndCampaign(id), cancellationToken);

    /// <summary>Draw the winner</summary>
    /// <remarks>Picks the winner of an ended campaign uniformly at random (a cryptographic draw) among the entries not disqualified, and records it.</remarks>
    [HttpPost("{id:int}/draw")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The campaign has not ended, its winner is already drawn, or no entry is left to draw from.")]
    public async Task<CampaignDto> Draw(int id, CancellationToken cancellationToken) => await sender.Send(new DrawCampaignWinner(id), cancellationToken);

    /// <summary>List a campaign's entries</summary>
    /// <remarks>The entries in the order they came, a page at a time. They carry the entrants' emails: admins only.</remarks>
    [HttpGet("{id:int}/entries")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<Page<CampaignEntryDto>> Entries(int id, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListCampaignEntries(id, page, pageSize), cancellationToken);

    /// <summary>Export a campaign's entries as CSV</summary>
    /// <remarks>Every entry, in the order they came, as a CSV file (entrants' emails included: admins only).</remarks>
    [HttpGet("{id:int}/entries.csv")]
    [Authorize(Policies.TenantAdmin)]
    [Produces("text/csv")]
    public async Task<IActionResult> EntriesCsv(int id, CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(await sender.Send(new ExportCampaignEntries(id), cancellationToken)), "text/csv; charset=utf-8", $"campaign-{id}-entries.csv");

    /// <summary>Disqualify an entry</summary>
    /// <remarks>The entry stays on record but cannot win the draw.</remarks>
    [HttpPost("{id:int}/entries/{entryId:int}/disqualify")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CampaignEntryDto> Disqualify(int id, int entryId, CancellationToken cancellationToken) =>
        await sender.Send(new DisqualifyCampaignEntry(id, entryId), cancellationToken);
}

public sealed record CampaignRequest(string? Title, string? Description, DateOnly? StartDate, DateOnly? EndDate, string? Prize);
