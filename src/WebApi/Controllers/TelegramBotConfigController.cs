using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>What the tenant's bots say: the reply to /start, /help, /stop and the default reply.</summary>
[ApiController]
[Route("api/bot-config")]
[Tags(ApiTags.BotReplies)]
public sealed class TelegramBotConfigController(ISender sender) : ControllerBase
{
    /// <summary>Get the bots' replies</summary>
    /// <remarks>Every setting with its description, its value (the default when not set) and its maximum length.</remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<BotSettingDto>> Get(CancellationToken cancellationToken) =>
        await sender.Send(new GetBotConfig(), cancellationToken);

    /// <summary>Change the bots' replies</summary>
    /// <remarks>Sets the named settings (null puts one back to its default); the others are kept. Unknown keys are a 400.</remarks>
    [HttpPut]
    [Authorize(Policies.TenantAdmin)]
    public async Task<IReadOnlyList<BotSettingDto>> Update(UpdateBotConfigRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateBotConfig(request.Settings), cancellationToken);
}

public sealed record UpdateBotConfigRequest(Dictionary<string, string?> Settings);
