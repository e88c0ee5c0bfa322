using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Infrastructure.Events;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>A database transaction around a command; events it stored are dispatched once it has committed.</summary>
public sealed class UnitOfWork(AppDbContext db, DomainEventOutbox outbox) : IUnitOfWork
{
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.NotifyCommitted();
        return result;
    }
}
