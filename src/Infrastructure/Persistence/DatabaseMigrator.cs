using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>Applies the committed migrations, or reports the ones a database is missing.</summary>
public sealed class DatabaseMigrator(AppDbContext db)
{
    /// <summary>
    /// On a database without a history table every migration is pending. Npgsql's provider cannot tell whether the
    /// table exists (it assumes it does and catches the error), so asking it would log a failed command on every
    /// fresh database; we look the table up instead.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        if (!await HistoryTableExistsAsync(cancellationToken))
        {
            return db.Database.GetMigrations().ToList();
        }

        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return pending;
        }

        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    private async Task<bool> HistoryTableExistsAsync(CancellationToken cancellationToken)
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
