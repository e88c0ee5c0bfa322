using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>A fake Stripe API on 127.0.0.1 (Stripe.net with <c>Stripe__ApiBase</c>) for one test class; each test resets it.</summary>
public sealed class FakeStripe : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public void Dispose() => Server.Stop();
}
