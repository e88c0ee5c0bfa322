using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Sandbox;
using PromoStack.Domain.Connections;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// Development only: chat with the workspace's sandbox bots as a Telegram user of your own. What you send goes through
/// the same inbox and routing as a real webhook delivery; the bot's replies are the outbox's (recorded, never sent).
/// 404 outside Development, or when the role's bot is not a sandbox bot. Admins only.
/// </summary>
[ApiController]
[Route("api/sandbox/" + Role)]
[Tags(ApiTags.Development)]
public sealed class SandboxController(ISender sender) : ControllerBase
{
    private const string Role = "{role:regex(^(signal_bot|message_bot|coupon_bot)$)}";

    /// <summary>Send a sandbox bot a message</summary>
    /// <remarks>
    /// Sends the bot a text (<c>{"text":"/start"}</c>) or presses a button (<c>{"callbackData":"…"}</c>, the data of a
    /// button the bot sent), as your sandbox Telegram user. 202: stored in the inbox; the bot's replies follow in
    /// <c>GET …/messages</c> once the inbox worker has handled it.
    /// </remarks>
    [HttpPost("messages")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<ActionResult<SandboxMessageDto>> Send(string role, SandboxMessageRequest request, CancellationToken cancellationToken) =>
        Accepted(await sender.Send(new SendSandboxMessage(BotRoleNames.Parse(role), request.Text, request.CallbackData), cancellationToken));

    /// <summary>Read the sandbox conversation</summary>
    /// <remarks>
    /// The conversation, oldest first (the last 200 messages): yours and the bot's, each bot message with its delivery
    /// status, text (HTML and plain), inline buttons and images. Poll with <c>after</c> set to the previous answer's
    /// <c>next</c>: only what appeared or changed since (with a few seconds of overlap) comes back; replace messages by id.
    /// </remarks>
    [HttpGet("messages")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SandboxConversationDto> Conversation(string role, [FromQuery] DateTimeOffset? after, CancellationToken cancellationToken) =>
        await sender.Send(new GetSandboxConversation(BotRoleNames.Parse(role), after), cancellationToken);

    /// <summary>Get an image from the sandbox conversation</summary>
    /// <remarks>
    /// An image the bot sent you (a coupon image or preview, kept a day), for the conversation's image URLs.
    /// </remarks>
    [HttpGet("images/{id:long}")]
    [Authorize(Policies.TenantAdmin)]
    [Produces("image/png", "image/jpeg")]
    public async Task<IActionResult> Image(string role, long id, CancellationToken cancellationToken)
    {
        var image = await sender.Send(new GetSandboxImage(BotRoleNames.Parse(role), id), cancellationToken);
        return File(image.Content, image.ContentType);
    }
}

/// <param name="Text">What you write to the bot (commands too, e.g. <c>/start demo</c>).</param>
/// <param name="CallbackData">The callback data of the button you press.</param>
public sealed record SandboxMessageRequest(string? Text, string? CallbackData);
