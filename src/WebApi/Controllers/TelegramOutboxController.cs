using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Telegram;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>Deliveries to Telegram: pending, sent, failed (with Telegram's reason) and unknown (a crash window).</summary>
[ApiController]
[Route("api/telegram/outbox")]
public sealed class TelegramOutboxController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<OutboxItemDto>> List(
        [FromQuery] OutboxStatus? status, [FromQuery] string? kind, [FromQuery] long? chatId, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListOutbox(status, kind, chatId, page, pageSize), cancellationToken);

    /// <summary>Queues a failed delivery again; 409 for one that is not failed.</summary>
    [HttpPost("{id:long}/retry")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        await sender.Send(new RetryOutboxMessage(id), cancellationToken);
        return NoContent();
    }
}
