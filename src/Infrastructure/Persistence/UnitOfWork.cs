using PromoStack.Application.Common.Abstractions;
using PromoStack.Infrastructure.Jobs;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>A database transaction around a command; the queues it gave work to are woken once it has committed.</summary>
public sealed class UnitOfWork(AppDbContext db, CommitSignals signals) : IUnitOfWork
{
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        // A failed save fails the whole unit of work (nothing carries on after a database error), so the savepoint EF
        // would set before each save inside the transaction is a round trip for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signals.Committed();
        return result;
    }
}
