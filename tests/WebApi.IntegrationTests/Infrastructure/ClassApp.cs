namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A test class's own app (its own configuration or services), started by the class's first test, shared by the
/// others and disposed after the last: starting a host costs most of a second. Only for classes whose tests need no
/// host of their own (a clock from a given instant, empty in-memory state, start-up itself). Like the collection's
/// app, it forgets before each test what it cached of the database being wiped.
/// </summary>
public sealed class ClassApp : IAsyncLifetime
{
    private PromoStackFactory? _app;

    /// <summary>The class's app for the next test: started with <paramref name="start"/> the first time.</summary>
    public PromoStackFactory ForTest(Func<PromoStackFactory> start)
    {
        _app ??= start();
        IntegrationTest.ForgetTheWipedDatabase(_app);
        return _app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
