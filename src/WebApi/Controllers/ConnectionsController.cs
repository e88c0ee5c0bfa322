using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Connections;
using PromoStack.Domain.Connections;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's Telegram bots: <c>signal_bot</c> (channels), <c>message_bot</c> (private chats) and <c>coupon_bot</c>.</summary>
[ApiController]
[Route("api/connections")]
[Tags(ApiTags.Bots)]
public sealed class ConnectionsController(ISender sender) : ControllerBase
{
    private const string Role = "{role:regex(^(signal_bot|message_bot|coupon_bot)$)}";

    /// <summary>List the connected bots</summary>
    /// <remarks>Each connected bot with its role, Telegram identity and channels; the token is only ever shown masked.</remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<ConnectionDto>> List(CancellationToken cancellationToken) =>
        await sender.Send(new ListConnections(), cancellationToken);

    /// <summary>Connect a bot</summary>
    /// <remarks>
    /// Connects (or reconnects) the bot for a role (<c>signal_bot</c>, <c>message_bot</c> or <c>coupon_bot</c>): the token is
    /// checked with Telegram and stored encrypted, the channels are looked up, and the bot's webhook is registered. A
    /// token Telegram refuses, or a channel the bot cannot see, is a 400 naming the field.
    /// </remarks>
    [HttpPut(Role)]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The bot serves another workspace, or is already this workspace's bot for another role, or the API has no public URL for Telegram to call.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Telegram cannot be reached; nothing was changed.")]
    public async Task<ConnectionDto> Save(string role, SaveConnectionRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new SaveConnection(BotRoleNames.Parse(role), request.Token, request.ChannelId, request.FreeChannelId, request.Sandbox ?? false), cancellationToken);

    /// <summary>Disconnect a bot</summary>
    /// <remarks>
    /// Disconnects the role's bot. Unless another role uses the same bot, its queued messages are cancelled and its
    /// webhook deleted.
    /// </remarks>
    [HttpDelete(Role)]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string role, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteConnection(BotRoleNames.Parse(role)), cancellationToken);
        return NoContent();
    }

    /// <summary>Test a bot with Telegram</summary>
    /// <remarks>Asks Telegram how the connection really stands: the bot's identity, its administrator rights in each channel, its webhook.</remarks>
    [HttpPost(Role + "/test")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status400BadRequest, "Telegram refused the request, e.g. the bot's token was revoked.")]
    [ProducesProblem(StatusCodes.Status409Conflict, "A sandbox bot never reaches Telegram: there is nothing to test.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "Telegram cannot be reached.")]
    public async Task<ConnectionReport> Test(string role, CancellationToken cancellationToken) =>
        await sender.Send(new TestConnection(BotRoleNames.Parse(role)), cancellationToken);
}

/// <param name="Token">The bot's token from @BotFather; stored encrypted, only ever shown masked.</param>
/// <param name="ChannelId">Signal bot only: the VIP channel (-100… or @name).</param>
/// <param name="FreeChannelId">Signal bot only: the FREE channel.</param>
/// <param name="Sandbox">Development only: a stand-in bot without a token; nothing reaches Telegram.</param>
public sealed record SaveConnectionRequest(string? Token, string? ChannelId, string? FreeChannelId, bool? Sandbox);
