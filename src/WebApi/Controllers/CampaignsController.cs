using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Campaigns;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Campaigns;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Contests and promotions: draft → active → ended by their dates or by hand, entries, and the winner's draw.</summary>
[ApiController]
[Route("api/campaigns")]
public sealed class CampaignsController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<CampaignDto>> List([FromQuery] CampaignStatus? status, CancellationToken cancellationToken) =>
        await sender.Send(new ListCampaigns(status), cancellationToken);

    [HttpPost]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ActionResult<CampaignDto>> Create(CampaignRequest request, CancellationToken cancellationToken)
    {
        var campaign = await sender.Send(
            new CreateCampaign(request.Title ?? string.Empty, request.Description, request.StartDate ?? default, request.EndDate ?? default, request.Prize),
            cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = campaign.Id }, campaign);
    }

    [HttpGet("{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<CampaignDto> Get(int id, CancellationToken cancellationToken) => await sender.Send(new GetCampaign(id), cancellationToken);

    /// <summary>Edits a draft or an active campaign (an active one keeps its start date); an ended one → 409.</summary>
    [HttpPut("{id:int}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CampaignDto> Update(int id, CampaignRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new UpdateCampaign(id, request.Title ?? string.Empty, request.Description, request.StartDate ?? default, request.EndDate ?? default, request.Prize),
            cancellationToken);

    [HttpDelete("{id:int}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteCampaign(id), cancellationToken);
        return NoContent();
    }

    [HttpPost("{id:int}/publish")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CampaignDto> Publish(int id, CancellationToken cancellationToken) => await sender.Send(new PublishCampaign(id), cancellationToken);

    [HttpPost("{id:int}/end")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CampaignDto> End(int id, CancellationToken cancellationToken) => await sender.Send(new EndCampaign(id), cancellationToken);

    [HttpPost("{id:int}/draw")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CampaignDto> Draw(int id, CancellationToken cancellationToken) => await sender.Send(new DrawCampaignWinner(id), cancellationToken);

    /// <summary>Entries carry entrants' emails: admins only.</summary>
    [HttpGet("{id:int}/entries")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<Page<CampaignEntryDto>> Entries(int id, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListCampaignEntries(id, page, pageSize), cancellationToken);

    [HttpGet("{id:int}/entries.csv")]
    [Authorize(Policies.TenantAdmin)]
    [Produces("text/csv")]
    public async Task<IActionResult> EntriesCsv(int id, CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(await sender.Send(new ExportCampaignEntries(id), cancellationToken)), "text/csv; charset=utf-8", $"campaign-{id}-entries.csv");

    [HttpPost("{id:int}/entries/{entryId:int}/disqualify")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CampaignEntryDto> Disqualify(int id, int entryId, CancellationToken cancellationToken) =>
        await sender.Send(new DisqualifyCampaignEntry(id, entryId), cancellationToken);
}

public sealed record CampaignRequest(string? Title, string? Description, DateOnly? StartDate, DateOnly? EndDate, string? Prize);
