using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Secrets;

namespace PromoStack.WebApi;

internal static class StartupDatabase
{
    /// <summary>
    /// Development migrates the database at start-up; anywhere else the app refuses to start on a database that is
    /// behind the code. Either way, every persisted type must declare its tenancy and the master key must decrypt the
    /// stored key ring.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        ModelChecks.EnsureTenancyIsDeclared(db.Model);
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (app.Environment.IsDevelopment())
        {
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
        }
        else if (await migrator.PendingAsync(app.Lifetime.ApplicationStopping) is { Count: > 0 } pending)
        {
            throw new PendingMigrationsException(pending);
        }

        KeyRingCheck.EnsureReadable(app.Services);
    }
}
