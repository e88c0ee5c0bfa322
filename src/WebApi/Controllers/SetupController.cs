using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Home;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The first-run checklist of the admin app.</summary>
[ApiController]
[Route("api/setup")]
[Tags(ApiTags.AdminApp)]
public sealed class SetupController(ISender sender) : ControllerBase
{
    /// <summary>Get the setup checklist</summary>
    /// <remarks>
    /// Every setup step in a fixed order — signal bot (connected, webhook here, rights in the VIP and FREE channels),
    /// message bot, channels, Stripe keys, Stripe webhook verified, plan prices, cross-promotion, first journey, coupon
    /// partner (optional) — each checked for real against the database and, for the bots, against Telegram, with what
    /// is wrong and how to fix it; <c>nextStep</c> is the first required step not done. Also the Stripe webhook URL and
    /// the exact events to enable on it. 503 never: a bot Telegram cannot be asked about is reported as not checked.
    /// </remarks>
    [HttpGet]
    [Authorize(Policies.TenantMember)]
    public async Task<SetupChecklistDto> Get(CancellationToken cancellationToken) => await sender.Send(new GetSetupChecklist(), cancellationToken);
}
