using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Jobs;

public abstract class JobsTestBase(AppFixture fixture) : IntegrationTest(fixture)
{
    protected DateTimeOffset Now => Factory.Clock.GetUtcNow();

    protected static async Task SeedTenantsAsync(params string[] tenantIds)
    {
        foreach (var id in tenantIds)
        {
            await using var db = TestDatabase.CreateContext(id);
            db.Tenants.Add(Tenant.Create(id, id, TimeZones.Utc, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }

    protected async Task AddAsync(string tenantId, params object[] rows)
    {
        await InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.AddRange(rows);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A claim, completion or failure from its own scope, as a separate worker would make it.</summary>
    protected async Task<T> WithQueueAsync<T>(Func<WorkQueue, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WorkQueue>());
    }
}
