using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Telegram;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>Deliveries to Telegram: pending, sent, failed (with Telegram's reason) and unknown (a crash window).</summary>
[ApiController]
[Route("api/telegram/outbox")]
[Tags(ApiTags.Outbox)]
public sealed class TelegramOutboxController(ISender sender) : ControllerBase
{
    /// <summary>List deliveries</summary>
    /// <remarks>
    /// The deliveries to Telegram, newest first: what is waiting, what was sent, what failed and why, and what each shows
    /// in its chat (<c>content</c>: the text or caption with its parse mode, the inline buttons, the images counted). A
    /// member sees neither a person's chat id nor what was sent to them; admins see every delivery in full.
    /// </remarks>
    /// <param name="status">Only the deliveries in this status.</param>
    /// <param name="kind">Only the deliveries of this kind (the feature that sent them).</param>
    /// <param name="chatId">Only the deliveries to this chat.</param>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<OutboxItemDto>> List(
        [FromQuery] OutboxStatus? status, [FromQuery] string? kind, [FromQuery] long? chatId, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListOutbox(status, kind, chatId, page, pageSize), cancellationToken);

    /// <summary>Retry a failed delivery</summary>
    /// <remarks>Queues a failed delivery again. Only a failed one: an <c>unknown</c> one may already have reached Telegram, and a sent one has.</remarks>
    [HttpPost("{id:long}/retry")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The delivery has not failed.")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        await sender.Send(new RetryOutboxMessage(id), cancellationToken);
        return NoContent();
    }
}
