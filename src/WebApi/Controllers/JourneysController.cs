using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Journeys;
using PromoStack.Domain.Journeys;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Journeys: conversational flows in the message bot, their steps and triggers, sessions and analytics.</summary>
[ApiController]
[Route("api/journeys")]
public sealed class JourneysController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<JourneySummaryDto>> List(CancellationToken cancellationToken) => await sender.Send(new ListJourneys(), cancellationToken);

    [HttpPost]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ActionResult<JourneyDto>> Create(JourneyRequest request, CancellationToken cancellationToken)
    {
        var journey = await sender.Send(
            new CreateJourney(request.Name ?? string.Empty, request.Description, request.ReentryPolicy ?? ReentryPolicy.Block, request.InactivityTimeoutMinutes),
            cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = journey.Id }, journey);
    }

    [HttpGet("{id:guid}")]
    [Authorize(Policies.TenantMember)]
    public async Task<JourneyDto> Get(Guid id, CancellationToken cancellationToken) => await sender.Send(new GetJourney(id), cancellationToken);

    [HttpPut("{id:guid}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> Update(Guid id, JourneyRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new UpdateJourney(id, request.Name ?? string.Empty, request.Description, request.ReentryPolicy ?? ReentryPolicy.Block, request.InactivityTimeoutMinutes),
            cancellationToken);

    /// <summary>Deletes a journey that is not published (409 otherwise), with its sessions.</summary>
    [HttpDelete("{id:guid}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteJourney(id), cancellationToken);
        return NoContent();
    }

    /// <summary>The whole ordered list of steps: existing ones with their id, new ones without.</summary>
    [HttpPut("{id:guid}/steps")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> ReplaceSteps(Guid id, StepsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new ReplaceJourneySteps(id, [.. (request.Steps ?? []).Select(s => new StepInput(s.Id, s.Type, s.Config))]), cancellationToken);

    [HttpGet("{id:guid}/triggers")]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<JourneyTriggerDto>> Triggers(Guid id, CancellationToken cancellationToken) =>
        (await sender.Send(new GetJourney(id), cancellationToken)).Triggers;

    [HttpPost("{id:guid}/triggers")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyTriggerDto> AddTrigger(Guid id, TriggerRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new AddJourneyTrigger(id, request.Type, request.Config), cancellationToken);

    [HttpDelete("{id:guid}/triggers/{triggerId:guid}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<IActionResult> RemoveTrigger(Guid id, Guid triggerId, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveJourneyTrigger(id, triggerId), cancellationToken);
        return NoContent();
    }

    [HttpPost("{id:guid}/publish")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> Publish(Guid id, CancellationToken cancellationToken) => await sender.Send(new PublishJourney(id), cancellationToken);

    [HttpPost("{id:guid}/stop")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> Stop(Guid id, CancellationToken cancellationToken) => await sender.Send(new StopJourney(id), cancellationToken);

    [HttpPost("{id:guid}/duplicate")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> Duplicate(Guid id, DuplicateRequest? request, CancellationToken cancellationToken) =>
        await sender.Send(new DuplicateJourney(id, request?.Name), cancellationToken);

    [HttpGet("{id:guid}/sessions")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<JourneySessionDto>> Sessions(
        Guid id, [FromQuery] JourneySessionStatus? status, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListJourneySessions(id, status, page, pageSize), cancellationToken);

    /// <summary>Started, completed, completion rate, where sessions wait and drop off per step, median time to complete.</summary>
    [HttpGet("{id:guid}/analytics")]
    [Authorize(Policies.TenantMember)]
    public async Task<JourneyAnalyticsDto> Analytics(Guid id, CancellationToken cancellationToken) => await sender.Send(new GetJourneyAnalytics(id), cancellationToken);

    /// <summary>Answers may carry personal data (emails): admins only.</summary>
    [HttpGet("{id:guid}/answers.csv")]
    [Authorize(Policies.TenantAdmin)]
    [Produces("text/csv")]
    public async Task<IActionResult> Answers(Guid id, CancellationToken cancellationToken) =>
        File(Encoding.UTF8.GetBytes(await sender.Send(new ExportJourneyAnswers(id), cancellationToken)), "text/csv; charset=utf-8", $"journey-{id:N}-answers.csv");
}

public sealed record JourneyRequest(string? Name, string? Description, ReentryPolicy? ReentryPolicy, int? InactivityTimeoutMinutes);

public sealed record StepRequest(Guid? Id, string? Type, JsonElement Config);

public sealed record StepsRequest(IReadOnlyList<StepRequest>? Steps);

public sealed record TriggerRequest(string? Type, JsonElement Config);

public sealed record DuplicateRequest(string? Name);
