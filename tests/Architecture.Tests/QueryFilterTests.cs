using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Architecture.Tests;

public sealed class QueryFilterTests
{
    private static bool IsIgnoreQueryFilters(MethodBase method) =>
        method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters)
        && method.DeclaringType == typeof(EntityFrameworkQueryableExtensions);

    [Fact]
    public void IgnoreQueryFilters_IsCalledOnlyByTenantDirectory()
    {
        var callers = IlCalls.CallersOf(ProjectAssemblies.All, IsIgnoreQueryFilters);

        callers.Should().NotBeEmpty("TenantDirectory calls IgnoreQueryFilters, so a scan that finds nothing is broken");
        callers.Should().BeEquivalentTo([typeof(TenantDirectory)],
            "only TenantDirectory may look across tenants; found in {0}", string.Join(", ", callers.Select(t => t.FullName)));
    }

    private static readonly HashSet<string> RawSqlMethods =
    [
        nameof(RelationalDatabaseFacadeExtensions.ExecuteSql), nameof(RelationalDatabaseFacadeExtensions.ExecuteSqlAsync),
        nameof(RelationalDatabaseFacadeExtensions.ExecuteSqlRaw), nameof(RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync),
        nameof(RelationalDatabaseFacadeExtensions.ExecuteSqlInterpolated), nameof(RelationalDatabaseFacadeExtensions.ExecuteSqlInterpolatedAsync),
        nameof(RelationalDatabaseFacadeExtensions.SqlQuery), nameof(RelationalDatabaseFacadeExtensions.SqlQueryRaw),
        nameof(RelationalQueryableExtensions.FromSql), nameof(RelationalQueryableExtensions.FromSqlRaw),
        nameof(RelationalQueryableExtensions.FromSqlInterpolated),
    ];

    /// <summary>
    /// Raw SQL sees every tenant's rows: it is allowed only in the shared mechanisms that work across tenants by
    /// design (the queue claim, the schedule slots, system-table pruning), in the tenant lock of the DbContext, in the
    /// Telegram inbox's atomic insert-once, in the Telegram sender (per-bot leases and claims), in the Stripe event ledger's insert-once, in the coupon image store's put (an upsert committed on its own), in the coupon code list's bulk insert, in the coupon code-check cache's upsert, in TenantDirectory, in the interceptor that names the tenant to row-level security, and in the import's reader of the original system's database (another database, read only). A feature that needs SQL adds itself here, on review.
    /// </summary>
    [Fact]
    public void RawSql_IsUsedOnlyByTheReviewedCrossTenantMechanisms()
    {
        var callers = IlCalls.CallersOf(ProjectAssemblies.All, method =>
            (RawSqlMethods.Contains(method.Name)
             && (method.DeclaringType == typeof(RelationalDatabaseFacadeExtensions) || method.DeclaringType == typeof(RelationalQueryableExtensions)))
            || IsAdoNetCommand(method));

        callers.Should().BeEquivalentTo(
            [
                typeof(TenantDirectory),
                typeof(PromoStack.Infrastructure.Persistence.AppDbContext),
                typeof(PromoStack.Infrastructure.Persistence.DatabaseMigrator),
                typeof(PromoStack.Infrastructure.Jobs.WorkQueue),
                typeof(PromoStack.Infrastructure.Schedules.ScheduleRunner),
                typeof(PromoStack.Infrastructure.Schedules.PruneSystemTables),
                typeof(PromoStack.Infrastructure.Telegram.TelegramInbox),
                typeof(PromoStack.Infrastructure.Telegram.TelegramSenderWorker),
                typeof(PromoStack.Infrastructure.Stripe.WebhookEventLedger),
                typeof(PromoStack.Infrastructure.Coupons.Storage.PostgresCouponImageStore),
                typeof(PromoStack.Infrastructure.Coupons.CouponCodeBulkInsert),
                typeof(PromoStack.Infrastructure.Coupons.CouponCodeCheckCache),
                typeof(PromoStack.Infrastructure.Import.OriginalDatabase),
                typeof(PromoStack.Infrastructure.Observability.QueueBacklog),
                typeof(PromoStack.Infrastructure.Persistence.TenantSessionInterceptor),
            ],
            "raw SQL bypasses the tenant filter; found in {0}", string.Join(", ", callers.Select(t => t.FullName)));
    }

    /// <summary>
    /// The system role's connection sees every tenant's rows (row-level security lets it), and the owner's changes the
    /// schema: they are taken only by the mechanisms that work across tenants by design and by the migrator, either
    /// injected by key or resolved by key from a scope.
    /// </summary>
    [Fact]
    public void SystemAndOwnerConnections_AreTakenOnlyByTheReviewedMechanisms()
    {
        string[] privileged = [DatabaseRoles.System, DatabaseRoles.Owner];
        var injected = ProjectAssemblies.All.SelectMany(ProjectAssemblies.TypesOf)
            .Where(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(constructor =>
                constructor.GetParameters().Any(parameter =>
                    parameter.GetCustomAttribute<FromKeyedServicesAttribute>()?.Key is string key && privileged.Contains(key))))
            .Select(IlCalls.SourceTypeOf);
        var resolved = IlCalls.CallersOf(ProjectAssemblies.All, method =>
            method is MethodInfo { IsGenericMethod: true, Name: "GetRequiredKeyedService" or "GetKeyedService" } generic
            && generic.GetGenericArguments()[0] is var service
            && (service == typeof(AppDbContext) || service == typeof(NpgsqlDataSource)));

        injected.Concat(resolved).Distinct().Should().BeEquivalentTo(
            [
                typeof(TenantDirectory),
                typeof(PromoStack.Infrastructure.DependencyInjection),
                typeof(PromoStack.Infrastructure.Persistence.DatabaseMigrator),
                typeof(PromoStack.Infrastructure.Jobs.WorkQueue),
                typeof(PromoStack.Infrastructure.Schedules.ScheduleRunner),
                typeof(PromoStack.Infrastructure.Schedules.PruneSystemTables),
                typeof(PromoStack.Infrastructure.Telegram.TelegramInbox),
                typeof(PromoStack.Infrastructure.Telegram.TelegramSenderWorker),
                typeof(PromoStack.Infrastructure.Observability.QueueBacklog),
            ],
            "the system role bypasses row-level security; found in {0}", string.Join(", ", injected.Concat(resolved).Distinct().Select(t => t.FullName)));
    }

    /// <summary>SQL sent past EF altogether: a command made from a data source, a connection or by hand.</summary>
    private static bool IsAdoNetCommand(MethodBase method) =>
        (method.DeclaringType == typeof(NpgsqlDataSource) && method.Name is nameof(NpgsqlDataSource.CreateCommand) or nameof(NpgsqlDataSource.CreateBatch))
        || (method.DeclaringType == typeof(NpgsqlConnection) && method.Name is nameof(NpgsqlConnection.CreateCommand) or nameof(NpgsqlConnection.CreateBatch))
        || (method is ConstructorInfo && (method.DeclaringType == typeof(NpgsqlCommand) || method.DeclaringType == typeof(NpgsqlBatchCommand)));

    /// <summary>The scan must see calls that the compiler moves into lambda closures and async state machines.</summary>
    [Fact]
    public void CallersOf_FindsCallsInLambdasAndAsyncMethodsAndMapsThemToTheSourceType()
    {
        var callers = IlCalls.CallersOf([typeof(QueryFilterTests).Assembly], IsIgnoreQueryFilters);

        callers.Should().BeEquivalentTo([typeof(FilterBypassSamples)]);
    }

    [Fact]
    public void SourceTypeOf_MapsCompilerGeneratedNestedTypesToTheirOuterType()
    {
        var generated = typeof(FilterBypassSamples).GetNestedTypes(BindingFlags.NonPublic).Where(t => t.Name.StartsWith('<')).ToList();

        generated.Should().HaveCountGreaterThanOrEqualTo(2, "the samples have a closure class and an async state machine");
        generated.Should().OnlyContain(t => IlCalls.SourceTypeOf(t) == typeof(FilterBypassSamples));
        IlCalls.SourceTypeOf(typeof(FilterBypassSamples)).Should().Be(typeof(FilterBypassSamples));
    }
}

/// <summary>Never run: only scanned, to prove the IL scan finds calls hidden by the compiler.</summary>
internal static class FilterBypassSamples
{
    public static async Task<int> InAsyncMethodAsync(IQueryable<string> rows)
    {
        await Task.Yield();
        return rows.IgnoreQueryFilters().Count();
    }

    public static Func<IQueryable<string>, int> InLambda(int extra) => rows => rows.IgnoreQueryFilters(["tenant"]).Count() + extra;
}
