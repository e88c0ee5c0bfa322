using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Journeys;
using PromoStack.Domain.Journeys;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>Journeys: conversational flows in the message bot, their steps and triggers, sessions and analytics.</summary>
[ApiController]
[Route("api/journeys")]
[Tags(ApiTags.Journeys)]
public sealed class JourneysController(ISender sender) : ControllerBase
{
    /// <summary>List journeys</summary>
    /// <remarks>Every journey, oldest first, with whether it is published, its step count and its running sessions.</remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<JourneySummaryDto>> List(CancellationToken cancellationToken) => await sender.Send(new ListJourneys(), cancellationToken);

    /// <summary>Create a journey</summary>
    /// <remarks>A draft journey with its name, re-entry policy and inactivity timeout; add its steps and triggers, then publish it.</remarks>
    [HttpPost]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType<JourneyDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<JourneyDto>> Create(JourneyRequest request, CancellationToken cancellationToken)
    {
        var journey = await sender.Send(
            new CreateJourney(request.Name ?? string.Empty, request.Description, request.ReentryPolicy ?? ReentryPolicy.Block, request.InactivityTimeoutMinutes),
            cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = journey.Id }, journey);
    }

    /// <summary>Get a journey</summary>
    /// <remarks>The journey with its settings, its ordered steps and its triggers.</remarks>
    [HttpGet("{id:guid}")]
    [Authorize(Policies.TenantMember)]
    public async Task<JourneyDto> Get(Guid id, CancellationToken cancellationToken) => await sender.Send(new GetJourney(id), cancellationToken);

    /// <summary>Edit a journey's settings</summary>
    /// <remarks>Its name, description, re-entry policy and inactivity timeout; the steps and triggers have their own routes.</remarks>
    [HttpPut("{id:guid}")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> Update(Guid id, JourneyRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new UpdateJourney(id, request.Name ?? string.Empty, request.Description, request.ReentryPolicy ?? ReentryPolicy.Block, request.InactivityTimeoutMinutes),
            cancellationToken);

    /// <summary>Delete a journey</summary>
    /// <remarks>Deletes a journey that is not published, with its sessions and their history.</remarks>
    [HttpDelete("{id:guid}")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The journey is published: stop it first.")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteJourney(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Replace a journey's steps</summary>
    /// <remarks>
    /// The whole ordered list: steps with an <c>id</c> are edited in place (sessions on them stay), new ones (without an id)
    /// are added, missing ones are removed (a session standing on one ends). The new flow must pass every check, published or not.
    /// </remarks>
    [HttpPut("{id:guid}/steps")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> ReplaceSteps(Guid id, StepsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new ReplaceJourneySteps(id, [.. (request.Steps ?? []).Select(s => new StepInput(s.Id, s.Type, s.Config))]), cancellationToken);

    /// <summary>List a journey's triggers</summary>
    /// <remarks>What starts the journey: a deep link (<c>/start</c> code), a keyword, or an event (a channel join, a payment, a cancellation).</remarks>
    [HttpGet("{id:guid}/triggers")]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<JourneyTriggerDto>> Triggers(Guid id, CancellationToken cancellationToken) =>
        (await sender.Send(new GetJourney(id), cancellationToken)).Triggers;

    /// <summary>Add a trigger to a journey</summary>
    /// <remarks>A trigger of a type with its configuration; checked like the steps.</remarks>
    [HttpPost("{id:guid}/triggers")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The journey already has this trigger.")]
    public async Task<JourneyTriggerDto> AddTrigger(Guid id, TriggerRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new AddJourneyTrigger(id, request.Type, request.Config), cancellationToken);

    /// <summary>Remove a trigger from a journey</summary>
    /// <remarks>The journey no longer starts on it; sessions it started go on.</remarks>
    [HttpDelete("{id:guid}/triggers/{triggerId:guid}")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RemoveTrigger(Guid id, Guid triggerId, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveJourneyTrigger(id, triggerId), cancellationToken);
        return NoContent();
    }

    /// <summary>Publish a journey</summary>
    /// <remarks>Checks the whole flow and its triggers (a 400 lists what is wrong), then starts answering the triggers.</remarks>
    [HttpPost("{id:guid}/publish")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status400BadRequest, "The flow or a trigger does not pass the checks: `errors` names each.")]
    [ProducesProblem(StatusCodes.Status409Conflict, "The journey is already published, or another published journey owns one of its triggers.")]
    public async Task<JourneyDto> Publish(Guid id, CancellationToken cancellationToken) => await sender.Send(new PublishJourney(id), cancellationToken);

    /// <summary>Stop a journey</summary>
    /// <remarks>Stops answering its triggers and ends its running sessions, their timers cancelled.</remarks>
    [HttpPost("{id:guid}/stop")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The journey is not published.")]
    public async Task<JourneyDto> Stop(Guid id, CancellationToken cancellationToken) => await sender.Send(new StopJourney(id), cancellationToken);

    /// <summary>Duplicate a journey</summary>
    /// <remarks>A draft copy with the same settings, steps (new ids, same names) and triggers, named as given, else after the original with "(copy)".</remarks>
    [HttpPost("{id:guid}/duplicate")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<JourneyDto> Duplicate(Guid id, DuplicateRequest? request, CancellationToken cancellationToken) =>
        await sender.Send(new DuplicateJourney(id, request?.Name), cancellationToken);

    /// <summary>List a journey's sessions</summary>
    /// <remarks>
    /// The users going or gone through the journey, the latest started first, with where each stands. Members see them
    /// without Telegram ids and answers (which may carry emails).
    /// </remarks>
    /// <param name="status">Only the sessions in this status.</param>
    [HttpGet("{id:guid}/sessions")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<JourneySessionDto>> Sessions(
        Guid id, [FromQuery] JourneySessionStatus? status, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken cancellationToken = default) =>
        await sender.Send(new ListJourneySessions(id, status, page, pageSize), cancellationToken);

    /// <summary>Journey analytics</summary>
    /// <remarks>Started, completed, completion rate, where sessions wait and drop off per step, median time to complete.</remarks>
    [HttpGet("{id:guid}/analytics")]
    [Authorize(Policies.TenantMember)]
    public async Task<JourneyAnalyticsDto> Analytics(Guid id, CancellationToken cancellationToken) => await sender.Send(new GetJourneyAnalytics(id), cancellationToken);

    /// <summary>Export a journey's answers as CSV</summary>
    /// <remarks>One row per session that answered anything, one column per answer key. Answers may carry personal data (emails): admins only.</remarks>
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
