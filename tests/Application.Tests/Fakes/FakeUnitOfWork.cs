using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Tests.Fakes;

/// <summary>Records whether work runs inside a transaction, and how the transaction ended.</summary>
internal sealed class FakeUnitOfWork : IUnitOfWork
{
    public bool InTransaction { get; private set; }
    public int Started { get; private set; }
    public int Committed { get; private set; }
    public int RolledBack { get; private set; }
    public CancellationToken? TransactionToken { get; private set; }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Started++;
        InTransaction = true;
        TransactionToken = cancellationToken;
        try
        {
            var result = await work(cancellationToken);
            Committed++;
            return result;
        }
        catch
        {
            RolledBack++;
            throw;
        }
        finally
        {
            InTransaction = false;
        }
    }
}
