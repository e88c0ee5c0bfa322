using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Connections;
using PromoStack.Domain.Connections;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>The tenant's Telegram bots: <c>signal_bot</c> (channels) and <c>message_bot</c> (private chats).</summary>
[ApiController]
[Route("api/connections")]
public sealed class ConnectionsController(ISender sender) : ControllerBase
{
    private const string Role = "{role:regex(^(signal_bot|message_bot|coupon_bot)$)}";

    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<ConnectionDto>> List(CancellationToken cancellationToken) =>
        await sender.Send(new ListConnections(), cancellationToken);

    /// <summary>
    /// Connects the bot for a role: the token is checked with Telegram and stored encrypted, the webhook registered.
    /// 400 when Telegram refuses the token, 409 when the bot serves another workspace, 503 when Telegram is unreachable.
    /// </summary>
    [HttpPut(Role)]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ConnectionDto> Save(string role, SaveConnectionRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new SaveConnection(BotRoleNames.Parse(role), request.Token, request.ChannelId, request.FreeChannelId, request.Sandbox ?? false), cancellationToken);

    [HttpDelete(Role)]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string role, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteConnection(BotRoleNames.Parse(role)), cancellationToken);
        return NoContent();
    }

    /// <summary>Checks the bot with Telegram: identity, administrator rights in each channel, webhook status.</summary>
    [HttpPost(Role + "/test")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ConnectionReport> Test(string role, CancellationToken cancellationToken) =>
        await sender.Send(new TestConnection(BotRoleNames.Parse(role)), cancellationToken);
}

/// <param name="Token">The bot's token from @BotFather; stored encrypted, only ever shown masked.</param>
/// <param name="ChannelId">Signal bot only: the VIP channel (-100… or @name).</param>
/// <param name="FreeChannelId">Signal bot only: the FREE channel.</param>
/// <param name="Sandbox">Development only: a stand-in bot without a token; nothing reaches Telegram.</param>
public sealed record SaveConnectionRequest(string? Token, string? ChannelId, string? FreeChannelId, bool? Sandbox);
