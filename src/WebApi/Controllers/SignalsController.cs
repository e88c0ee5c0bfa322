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
[Tags(ApiTags.Signals)]
public sealed class SignalsController(ISender sender) : ControllerBase
{
    /// <summary>Get the signal engine's settings</summary>
    /// <remarks>
    /// Every setting with its value, default and range; the original system's names accepted for them (<c>aliases</c>);
    /// stored keys the engine does not know (<c>unknown</c>).
    /// </remarks>
    [HttpGet("config")]
    [Authorize(Policies.TenantMember)]
    public async Task<ForexConfigDto> GetConfig(CancellationToken cancellationToken) => await sender.Send(new GetForexConfig(), cancellationToken);

    /// <summary>Change the signal engine's settings</summary>
    /// <remarks>
    /// Sets the named settings (null: back to the default); the others are kept. The original system's names
    /// (<c>aliases</c> in the GET) are accepted and stored as our keys; an alias and its own key set to different values,
    /// unknown keys and out-of-range values are a 400. A new <c>active_strategy</c> waits for an open live signal to close.
    /// </remarks>
    [HttpPut("config")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ForexConfigDto> UpdateConfig(UpdateForexConfigRequest request, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateForexConfig(request.Settings), cancellationToken);

    /// <summary>List signals</summary>
    /// <remarks>The signals the engine opened, newest first, filtered by status, direction, strategy and creation time; demo signals only when asked for.</remarks>
    /// <param name="status">Only the signals in this status.</param>
    /// <param name="direction">Only buys or only sells.</param>
    /// <param name="strategy">Only the signals of this strategy.</param>
    /// <param name="from">Created at or after this instant.</param>
    /// <param name="to">Created before this instant.</param>
    /// <param name="includeDemo">Include the demo signals of replayed candles.</param>
    [HttpGet("signals")]
    [Authorize(Policies.TenantMember)]
    public async Task<Page<SignalDto>> ListSignals(
        [FromQuery] SignalStatus? status, [FromQuery] SignalDirection? direction, [FromQuery] string? strategy, [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to, [FromQuery] bool includeDemo = false, [FromQuery] int page = 1, [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        await sender.Send(new ListSignals(status, direction, strategy, from, to, includeDemo, page, pageSize), cancellationToken);

    /// <summary>Get a signal</summary>
    /// <remarks>
    /// The signal with its levels, status and result, the indicator values it was opened on, and the messages posted for
    /// it, oldest first (<c>posts</c>): the VIP post, its edits and the replies announcing targets, the stop or the close,
    /// and cross-promotion's copies in the FREE channel; each with its channel, status, Telegram message id and what it
    /// shows there.
    /// </remarks>
    [HttpGet("signals/{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<SignalDetailDto> GetSignal(int id, CancellationToken cancellationToken) => await sender.Send(new GetSignal(id), cancellationToken);

    /// <summary>Close a signal</summary>
    /// <remarks>Closes an open signal by hand at the given price, or at the market price when none is given.</remarks>
    [ProducesProblem(StatusCodes.Status409Conflict, "The signal is already closed.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "No price was given and the market data provider cannot be reached.")]
    [HttpPost("signals/{id:int}/close")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<SignalDto> CloseSignal(int id, CloseSignalRequest? request, CancellationToken cancellationToken) =>
        await sender.Send(new CloseSignal(id, request?.Price), cancellationToken);

    /// <summary>Run a check now</summary>
    /// <remarks>
    /// Looks for a signal on the last closed candle now, even with the engine switched off and on a candle already
    /// checked, and answers what came of it (a provider that fails is recorded in the answer).
    /// </remarks>
    [HttpPost("check")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<ForexCheckResult> Check(CancellationToken cancellationToken) => await sender.Send(new RunForexCheck(Forced: true), cancellationToken);

    /// <summary>Get the last check</summary>
    /// <remarks>The last check, scheduled or not: when, on which candle, and why there was no signal (or which one). 204 before the first.</remarks>
    [HttpGet("check")]
    [Authorize(Policies.TenantMember)]
    [ProducesResponseType<ForexCheckResult>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> LastCheck(CancellationToken cancellationToken) =>
        await sender.Send(new GetLastForexCheck(), cancellationToken) is { } result ? Ok(result) : NoContent();

    /// <summary>Signal analytics</summary>
    /// <remarks>
    /// Results of the signals closed in the period (the last 30 days by default), weighted by their partial closes: in pips
    /// and in R (risk multiples: a signal's result over its initial risk, summed and averaged), in all, per strategy and per
    /// day (the workspace's days); demo signals only when asked for.
    /// </remarks>
    /// <param name="from">Closed at or after this instant.</param>
    /// <param name="to">Closed before this instant.</param>
    /// <param name="includeDemo">Include the demo signals of replayed candles.</param>
    [HttpGet("analytics")]
    [Authorize(Policies.TenantMember)]
    public async Task<ForexAnalytics> Analytics(
        [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] bool includeDemo = false, CancellationToken cancellationToken = default) =>
        await sender.Send(new GetForexAnalytics(from, to, includeDemo), cancellationToken);

    /// <summary>Run a backtest</summary>
    /// <remarks>
    /// Runs a strategy with the workspace's settings (overlaid by <c>settings</c>) through the live gates and lifecycle,
    /// over the provider's last <c>bars</c> candles or up to 10,000 sent ones (the body limit is 1 MB; the CLI takes any
    /// file). Nothing is written. <c>format=png</c> or <c>svg</c> answers with the equity chart instead of the figures.
    /// </remarks>
    /// <param name="format">The answer: the figures (<c>json</c>, the default) or the equity chart.</param>
    [HttpPost("backtest")]
    [Authorize(Policies.TenantMember)]
    [ProducesResponseType<BacktestResultDto>(StatusCodes.Status200OK, "application/json")]
    [ProducesFile("image/png", "image/svg+xml")]
    [ProducesProblem(StatusCodes.Status409Conflict, "The market data provider has fewer than 300 candles to test on.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "No candles were sent and the market data provider cannot be reached.")]
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
