using System.Net;
using System.Threading.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PromoStack.Application.Tenants;

namespace PromoStack.WebApi.PublicEndpoints;

/// <summary>
/// <c>PublicEndpoints__PerClientPerMinute</c> (default 10), <c>PublicEndpoints__PerTenantPerMinute</c> (default 300),
/// <c>PublicEndpoints__ImagesPerClientPerMinute</c> (default 120) and <c>PublicEndpoints__PerAddressPerMinute</c> (default 600).
/// </summary>
public sealed class PublicEndpointOptions
{
    public const string Section = "PublicEndpoints";

    /// <summary>Calls a minute one client address may make to one tenant's public endpoint.</summary>
    public int PerClientPerMinute { get; set; } = 10;

    /// <summary>
    /// Calls a minute all clients together may make to one tenant's public endpoints of one feature (checkout,
    /// campaigns, the coupon generator): bounds what they cost (Stripe and partner calls), and a flood of one feature
    /// does not spend another's budget.
    /// </summary>
    public int PerTenantPerMinute { get; set; } = 300;

    /// <summary>
    /// Calls a minute one client address may make to all public endpoints together, whatever tenant it names (a
    /// client cycling through tenant names gets no fresh budget).
    /// </summary>
    public int PerAddressPerMinute { get; set; } = 600;

    /// <summary>
    /// Template images a minute one client address may fetch from one tenant (a generator page shows several; they are
    /// cached for a year by URL). They are outside the per-tenant budget, which they would otherwise spend for the
    /// endpoints that cost something.
    /// </summary>
    public int ImagesPerClientPerMinute { get; set; } = 120;
}

/// <summary>
/// <c>Proxies__KnownProxies</c> (comma-separated addresses) and <c>Proxies__KnownNetworks</c> (comma-separated CIDR
/// ranges): the reverse proxies whose <c>X-Forwarded-For</c> names the real client (and whose
/// <c>X-Forwarded-Proto</c> the scheme). A header from anyone else is ignored, so a client cannot pick its own address
/// to escape a rate limit. <c>Proxies__ForwardLimit</c> (default 1): how many proxies the request may have crossed, for
/// a chain such as a CDN in front of a load balancer (each of them must be known).
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    public string? KnownProxies { get; set; }

    public string? KnownNetworks { get; set; }

    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// The endpoints anyone may call (a tenant's website starting a checkout or a campaign entry): the client's real
/// address behind the configured proxies, rate limits per client and tenant and per tenant, and CORS for exactly the
/// tenant's own website origins.
/// </summary>
public static class PublicEndpointsSetup
{
    /// <summary>The CORS policy of the public endpoints: the origins the route's tenant has listed.</summary>
    public const string CorsPolicy = "tenant-site";

    public static IServiceCollection AddPublicEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxies.ForwardLimit < 1)
        {
            throw new Infrastructure.Configuration.ConfigurationException($"Proxies__ForwardLimit '{proxies.ForwardLimit}' must be at least 1: the number of proxies in front of the app.");
        }

        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxies.ForwardLimit;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in Split(proxies.KnownProxies))
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in Split(proxies.KnownNetworks))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var limits = configuration.GetSection(PublicEndpointOptions.Section).Get<PublicEndpointOptions>() ?? new PublicEndpointOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.Connection.RemoteIpAddress}/{context.Request.RouteValues["tenant"]}/{context.GetEndpoint()?.DisplayName}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerClientPerMinute, Window = TimeSpan.FromMinutes(1) }));

            limiter.AddPolicy(ImageRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                $"images/{context.Connection.RemoteIpAddress}/{context.Request.RouteValues["tenant"]}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ImagesPerClientPerMinute, Window = TimeSpan.FromMinutes(1) }));

            // On the public routes only: all clients together per tenant and feature (template images have their own
            // limit), and each client address over every tenant.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.Request.Path.StartsWithSegments("/api/public") && context.Request.RouteValues["tenant"] is string tenant
                    && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != ImageRateLimit
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            $"tenant/{tenant}/{context.Request.RouteValues["controller"]}",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerTenantPerMinute, Window = TimeSpan.FromMinutes(1) })
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.Request.Path.StartsWithSegments("/api/public")
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            $"address/{context.Connection.RemoteIpAddress}",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerAddressPerMinute, Window = TimeSpan.FromMinutes(1) })
                        : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        services.AddSingleton<ICorsPolicyProvider, TenantSiteCorsPolicyProvider>();
        return services;
    }

    /// <summary>
    /// Takes the client's address from <c>X-Forwarded-For</c> only when proxies are configured: with none, ASP.NET would
    /// trust the header from anyone.
    /// </summary>
    public static IApplicationBuilder UseForwardedHeadersFromKnownProxies(this IApplicationBuilder app)
    {
        var forwarded = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return forwarded.KnownProxies.Count + forwarded.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }

    /// <summary>The rate-limit policy of the public endpoints.</summary>
    public const string RateLimit = "public";

    /// <summary>The rate-limit policy of the public template images.</summary>
    public const string ImageRateLimit = "public-images";

    private static IEnumerable<string> Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The public endpoints' CORS policy is the route's tenant's own website origins (remembered for 30 s); any other
/// policy is the configured one.
/// </summary>
internal sealed class TenantSiteCorsPolicyProvider(IOptions<CorsOptions> options, IMemoryCache cache, IServiceScopeFactory scopes) : ICorsPolicyProvider
{
    private readonly DefaultCorsPolicyProvider _default = new(options);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PublicEndpointsSetup.CorsPolicy)
        {
            return await _default.GetPolicyAsync(context, policyName);
        }

        if (context.Request.RouteValues["tenant"] is not string tenant)
        {
            return null;
        }

        return await cache.GetOrCreateAsync($"cors/{tenant}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            entry.Size = 1;
            await using var scope = scopes.CreateAsyncScope();
            var origins = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetSiteOrigins(tenant), context.RequestAborted);
            return new CorsPolicyBuilder().WithOrigins([.. origins]).WithMethods("POST").WithHeaders("Content-Type").Build();
        });
    }
}
