namespace PromoStack.Application.Common.Abstractions;

/// <summary>Runs a command's work in one database transaction.</summary>
public interface IUnitOfWork
{
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
