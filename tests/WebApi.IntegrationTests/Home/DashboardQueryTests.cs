using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PromoStack.WebApi.IntegrationTests.Home;

/// <summary>The home screen costs the same few queries however much data a tenant has: no query per row.</summary>
public sealed class DashboardQueryTests(AppFixture fixture, ClassApp classApp, ITestOutputHelper output) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task TheDashboard_RunsAFixedNumberOfQueries_WhateverTheNumberOfRows()
    {
        var app = classApp.ForTest(() => new PromoStackFactory(
            Identity, new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
                ["Logging:Console:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
            }, telegram: Telegram)
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(_logs),
        });
        var alpha = await Given.TenantAsync(app, Identity, "user_alpha_admin", "alpha");
        var beta = await Given.TenantAsync(app, Identity, "user_beta_admin", "beta");
        await SeedAsync(app, "alpha", copies: 1);
        await SeedAsync(app, "beta", copies: 20);
        await QueriesAsync(alpha);
        await QueriesAsync(beta);

        var few = await QueriesAsync(alpha);
        var many = await QueriesAsync(beta);

        output.WriteLine($"GET /api/dashboard: {few.Queries} queries and {few.Elapsed.TotalMilliseconds:0} ms with 1 copy of the data; {many.Queries} and {many.Elapsed.TotalMilliseconds:0} ms with 20");
        many.Queries.Should().Be(few.Queries);
        few.Queries.Should().BeLessThanOrEqualTo(14, "the counts share one query; the sign-in's own queries are included");
    }

    private static Task SeedAsync(PromoStackFactory app, string tenant, int copies) =>
        app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>().RunAsync(tenant, async (services, _) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var now = app.Clock.GetUtcNow();
            DashboardData.Subscriptions(db, tenant, now, copies);
            DashboardData.Signals(db, tenant, now, copies);
            DashboardData.Broadcasts(db, tenant, now, copies);
            DashboardData.CouponAttempts(db, tenant, now, copies);
            await db.SaveChangesAsync();
        }, CancellationToken.None);

    private async Task<(int Queries, TimeSpan Elapsed)> QueriesAsync(HttpClient admin)
    {
        _logs.Messages.Clear();
        var clock = Stopwatch.StartNew();
        (await admin.GetAsync("/api/dashboard")).EnsureSuccessStatusCode();
        var elapsed = clock.Elapsed;
        return (_logs.Messages.Count(m => m.Category == "Microsoft.EntityFrameworkCore.Database.Command" && m.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal)), elapsed);
    }
}
