using System.Text;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Signals;
using PromoStack.Domain.Signals;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>The signal engine: its settings, signals, checks, analytics and backtests.</summary>
[ApiController]
[Route("api/forex")]
public sealed class SignalsController(ISender sender) : ControllerBase
{
    /// <summary>Every setting; the original system's names accepted for them (<c>aliases</c>); stored keys the engine does not know (<c>unknown</c>).</summary>
    [HttpGet("config")]
    [Authorize(Policies.TenantMember)]
    public async Task<ForexConfigDto> GetConfig(CancellationToken cancellationToken) => await sender.Send(new GetForexConfig(), cancellationToken);

    /// <summary>
    /// Sets the named settings (null: back to the default). The original system's names (<c>aliases</c> in the GET) are
    /// accepted and stored as our keys; an alias and its own key set to different values, unknown keys and out-of-range
    /// values are a 400.
    /// </summary>
    [HttpPut("config")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ForexConfigDto> UpdateConfig(UpdateForexConfigRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateForexConfig(request.Settings), cancellationToken);

    [HttpGet("signals")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<SignalDto>> ListSignals(
        [FromQuery] SignalStatus? status, [FromQuery] SignalDirection? direction, [FromQuery] string? strategy, [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to, [FromQuery] bool includeDemo = false, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListSignals(status, direction, strategy, from, to, includeDemo, page, pageSize), cancellationToken);

    [HttpGet("signals/{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<SignalDetailDto> GetSignal(int id, CancellationToken cancellationToken) => await sender.Send(new GetSignal(id), cancellationToken);

    /// <summary>Closes an open signal at the given price, or at the market price; 409 when it is already closed.</summary>
    [HttpPost("signals/{id:int}/close")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SignalDto> CloseSignal(int id, CloseSignalRequest? request, CancellationToken cancellationToken) =>
        await sender.Send(new CloseSignal(id, request?.Price), cancellationToken);

    /// <summary>Runs a check now (even with the engine switched off) and returns what came of it.</summary>
    [HttpPost("check")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ForexCheckResult> Check(CancellationToken cancellationToken) => await sender.Send(new RunForexCheck(Forced: true), cancellationToken);

    /// <summary>The last check (scheduled or not): when, on which candle, and why there was no signal. 204 before the first.</summary>
    [HttpGet("check")]
    [Authorize(Policies.TenantMember)]
    [ProducesResponseType<ForexCheckResult>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> LastCheck(CancellationToken cancellationToken) =>
        await sender.Send(new GetLastForexCheck(), cancellationToken) is { } result ? Ok(result) : NoContent();

    [HttpGet("analytics")]
    [Authorize(Policies.TenantMember)]
    public async Task<ForexAnalytics> Analytics(
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] bool includeDemo = false, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetForexAnalytics(from, to, includeDemo), cancellationToken);

    /// <summary>
    /// Backtests the provider's last candles, or up to 10,000 sent ones (the body limit is 1 MB; the CLI takes any file).
    /// <c>format=png</c> or <c>svg</c> answers with the equity chart instead of the figures; an unknown format is a 400.
    /// </summary>
    [HttpPost("backtest")]
    [Authorize(Policies.TenantMember)]
    [ProducesResponseType<BacktestResultDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesFile("image/png", "image/svg+xml")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Backtest(
        BacktestRequest request, [FromServices] IEquityChart chart, [FromQuery] BacktestFormat? format, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RunBacktest(request.Strategy, request.Settings, request.Candles, request.Bars ?? 2_000), cancellationToken);
        return format switch
        {
            BacktestFormat.Png => File(chart.Png(result), "image/png"),
            BacktestFormat.Svg => File(Encoding.UTF8.GetBytes(chart.Svg(result)), "image/svg+xml"),
            _ => Ok(result),
        };
    }
}

public sealed record UpdateForexConfigRequest(Dictionary<string, string?> Settings);

public sealed record CloseSignalRequest(decimal? Price);

public sealed record BacktestRequest(string? Strategy, Dictionary<string, string>? Settings, List<BacktestCandle>? Candles, int? Bars);

/// <summary>What <c>POST /api/forex/backtest</c> answers with: the figures as JSON, or the equity chart as an image.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BacktestFormat>))]
public enum BacktestFormat
{
    [JsonStringEnumMemberName("json")]
    Json,

    [JsonStringEnumMemberName("png")]
    Png,

    [JsonStringEnumMemberName("svg")]
    Svg,
}
