using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>
/// Reports the migrations a database is missing (as the application's role), or applies them as the owner: the owner's
/// connection is opened only to migrate.
/// </summary>
public sealed class DatabaseMigrator(AppDbContext db, IServiceProvider services)
{
    /// <summary>
    /// On a database without a history table every migration is pending. Npgsql's provider cannot tell whether the
    /// table exists (it assumes it does and catches the error), so asking it would log a failed command on every
    /// fresh database; we look the table up instead.
    /// </summary>
    public Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken) => PendingAsync(db, cancellationToken);

    /// <summary>Applies what is missing as the owner, who also creates the application's and the system's roles.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var owner = services.GetRequiredKeyedService<AppDbContext>(DatabaseRoles.Owner);
        var pending = await PendingAsync(owner, cancellationToken);
        if (pending.Count == 0)
        {
            return pending;
        }

        await owner.Database.ExecuteSqlRawAsync(owner.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        await owner.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    private static async Task<IReadOnlyList<string>> PendingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!await HistoryTableExistsAsync(db, cancellationToken))
        {
            return db.Database.GetMigrations().ToList();
        }

        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }

    private static async Task<bool> HistoryTableExistsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var table = $"\"{HistoryRepository.DefaultTableName}\"";
        return await db.Database
            .SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"")
            .SingleAsync(cancellationToken);
    }
}

/// <summary>The database is behind the code; the message says how to migrate.</summary>
public sealed class PendingMigrationsException(IReadOnlyList<string> pending)
    : Exception($"The database is missing {pending.Count} migration(s) ({string.Join(", ", pending)}). " +
                "Apply them with `./promostack migrate` (or `dotnet PromoStack.Cli.dll migrate` with the same database settings) before starting the app.");
