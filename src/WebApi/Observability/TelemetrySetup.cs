using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PromoStack.Infrastructure.Coupons.Rendering;
using PromoStack.Infrastructure.Observability;

namespace PromoStack.WebApi.Observability;

/// <summary>
/// OpenTelemetry for the API and its workers: traces of requests (by route), outgoing HTTP (Telegram, Stripe, market
/// data), PostgreSQL commands and every queue item (tagged with its tenant); metrics of the same plus PromoStack's own
/// (<see cref="Telemetry"/>: queue depth and age, deliveries, inbox lag, schedule lateness, Stripe events, coupon
/// renders). Logs carry the trace and span ids, as JSON in Production.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    private const int MinimumTokenLength = 32;

    public static void AddPromoStackTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.ScrapeToken is { Length: > 0 and < MinimumTokenLength })
        {
            throw new InvalidOperationException($"Telemetry:ScrapeToken must be at least {MinimumTokenLength} characters.");
        }

        builder.Services.Configure<TelemetryOptions>(builder.Configuration.GetSection(TelemetryOptions.Section));
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Telemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsPlumbing(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp is { Length: > 0 })
                {
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Telemetry.Name, SkiaCouponRenderer.MeterName, "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (options.ScrapeToken is { Length: > 0 })
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is { Length: > 0 })
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            });

        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (builder.Environment.IsProduction())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
            });
        }
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus text, for the holder of the scrape token only (compared in constant time);
    /// the queue gauges are read fresh (at most 10 s old). Not mapped without a token.
    /// </summary>
    public static void MapPromoStackMetrics(this WebApplication app)
    {
        var token = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.ScrapeToken;
        if (token is not { Length: > 0 })
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes($"Bearer {token}");
        app.UseWhen(context => context.Request.Path.Equals(MetricsPath, StringComparison.Ordinal), branch => branch.Use(async (context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await context.RequestServices.GetRequiredService<QueueBacklog>().GetAsync(TimeSpan.FromSeconds(10), context.RequestAborted);
            await next(context);
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments(MetricsPath, StringComparison.Ordinal) || path.StartsWithSegments("/health", StringComparison.Ordinal);
}
