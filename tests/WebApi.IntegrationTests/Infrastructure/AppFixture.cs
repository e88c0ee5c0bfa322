using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>One app and one fake identity provider for the whole test run; the database is reset per test.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public TestIdentityProvider Identity { get; } = new();

    public FakeTelegram Telegram { get; } = new();

    public PromoStackFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestDatabase.ResetAsync();
        Factory = new PromoStackFactory(Identity, telegram: Telegram);
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Identity.Dispose();
        Telegram.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<AppFixture>
{
    /// <summary>Every test that touches the database is in this collection, so none runs concurrently with another.</summary>
    public const string Name = "Database";
}

/// <summary>A signed-in user of the API: their client, Clerk id and tenant (if any).</summary>
public sealed record Session(HttpClient Client, string UserId, string? TenantId);

[Collection(DatabaseCollection.Name)]
public abstract class IntegrationTest(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;

    protected TestIdentityProvider Identity => Fixture.Identity;

    protected PromoStackFactory Factory => Fixture.Factory;

    protected FakeTelegram Telegram => Fixture.Telegram;

    public virtual Task InitializeAsync()
    {
        Fixture.Telegram.Reset();
        ForgetTheWipedDatabase(Factory);
        return TestDatabase.ResetAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What an app shared by tests remembers (webhook lookups, secrets) belongs to the database being wiped.</summary>
    internal static void ForgetTheWipedDatabase(PromoStackFactory app)
    {
        ((MemoryCache)app.Services.GetRequiredService<IMemoryCache>()).Clear();
        app.Services.GetRequiredService<ChatThrottle>().Clear();
    }

    protected HttpClient Anonymous() => Factory.CreateClient();

    protected HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A signed-in user who belongs to no tenant yet.</summary>
    protected Session NewUser(string userId, string? email = null) =>
        new(ClientWith(Identity.Token(userId, email ?? $"{userId}@example.com")), userId, null);

    /// <summary>Onboards a tenant through the API; its founder is its admin.</summary>
    protected async Task<Session> NewTenantAsync(string slug, string? timezone = null)
    {
        var founder = NewUser($"user_{slug}_admin");
        var response = await founder.Client.PostAsJsonAsync("/api/tenants", new { slug, name = $"Tenant {slug}", timezone });
        response.EnsureSuccessStatusCode();
        return founder with { TenantId = slug };
    }

    /// <summary>Invites a member with a role to a tenant; they sign in and accept the invitation.</summary>
    protected async Task<Session> NewMemberAsync(Session admin, string userId, string role)
    {
        var email = $"{userId}@example.com";
        (await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email, role })).EnsureSuccessStatusCode();
        var member = NewUser(userId, email);
        await Invitations.AcceptAllAsync(member.Client);
        return member with { TenantId = admin.TenantId };
    }

    /// <summary>Runs code in an app scope with a tenant set, as a webhook or worker would.</summary>
    protected async Task InTenantAsync(string tenantId, Func<IServiceProvider, Task> work)
    {
        await Factory.Services.GetRequiredService<TenantScopes>().RunAsync(tenantId, (services, _) => work(services), CancellationToken.None);
    }
}
