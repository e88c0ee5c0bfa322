using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Telegram;
using PromoStack.WebApi.Auth;

namespace PromoStack.WebApi.Controllers;

/// <summary>What the tenant's bots say: the reply to /start, /help, /stop and the default reply.</summary>
[ApiController]
[Route("api/bot-config")]
public sealed class TelegramBotConfigController(ISender sender) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<BotSettingDto>> Get(CancellationToken cancellationToken) =>
        await sender.Send(new GetBotConfig(), cancellationToken);

    /// <summary>Sets the named settings (null puts one back to its default); unknown keys are a 400.</summary>
    [HttpPut]
    [Authorize(Policies.TenantAdmin)]
    public async Task<IReadOnlyList<BotSettingDto>> Update(UpdateBotConfigRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateBotConfig(request.Settings), cancellationToken);
}

public sealed record UpdateBotConfigRequest(Dictionary<string, string?> Settings);
