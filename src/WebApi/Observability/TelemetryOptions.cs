namespace PromoStack.WebApi.Observability;

/// <summary>
/// <c>Telemetry__*</c>: where traces and metrics go. Nothing is exported unless configured: OTLP when an endpoint is
/// set (here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), Prometheus text at <c>GET /metrics</c> when a
/// scrape token is set (the scraper sends it as <c>Authorization: Bearer …</c>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The service name traces and metrics carry.</summary>
    public string ServiceName { get; set; } = "promostack";

    /// <summary>The OTLP collector (e.g. <c>http://otel-collector:4317</c>).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The bearer token of <c>GET /metrics</c> (at least 32 characters); without one, the endpoint does not exist.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>Readiness reports <c>Degraded</c> when a queue's oldest due item has waited longer than this.</summary>
    public int QueueAgeDegradedSeconds { get; set; } = 300;
}
