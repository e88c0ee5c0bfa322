using Microsoft.EntityFrameworkCore;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>Applies the committed migrations, or reports the ones a database is missing.</summary>
public sealed class DatabaseMigrator(AppDbContext db)
{
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}

/// <summary>The database is behind the code; the message says how to migrate.</summary>
public sealed class PendingMigrationsException(IReadOnlyList<string> pending)
    : Exception($"The database is missing {pending.Count} migration(s) ({string.Join(", ", pending)}). " +
                "Apply them with `./promostack migrate` (or `dotnet PromoStack.Cli.dll migrate` with the same database settings) before starting the app.");
