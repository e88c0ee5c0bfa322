using System.Diagnostics;
using Npgsql;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// Counts what reaches PostgreSQL while it lives, from Npgsql's own traces: every command, EF's and raw Npgsql's alike,
/// and every physical connection opened, on the test database (other databases' work in this process is not counted).
/// </summary>
public sealed class DatabaseWork : IDisposable
{
    private static readonly string Database = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database!;
    private readonly ActivityListener _listener;
    private int _count;

    public DatabaseWork()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if ((activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) is not string database || database == Database)
                {
                    Interlocked.Increment(ref _count);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Commands (and physical connection opens) so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>What <paramref name="work"/> sent to the database.</summary>
    public static async Task<int> DuringAsync(Func<Task> work)
    {
        using var counted = new DatabaseWork();
        await work();
        return counted.Count;
    }

    public void Dispose() => _listener.Dispose();
}
