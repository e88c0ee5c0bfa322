using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Tests.Fakes;
using static PromoStack.Application.Tests.Behaviors.TestMessages;

namespace PromoStack.Application.Tests.Behaviors;

public sealed class TenantBehaviorTests
{
    [Fact]
    public async Task Handle_WithoutTenant_ThrowsMissingTenantAndDoesNotCallNext()
    {
        var behavior = new TenantBehavior<ScopedCommand, string>(new FakeTenantContext());
        var called = false;

        var handle = async () => await behavior.Handle(new ScopedCommand("x"), (_, _) =>
        {
            called = true;
            return ValueTask.FromResult("handled");
        }, CancellationToken.None);

        (await handle.Should().ThrowAsync<MissingTenantException>()).Which.Message.Should().Contain(nameof(ScopedCommand));
        called.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_WithTenant_CallsNextWithTheSameMessageAndReturnsItsResponse()
    {
        var behavior = new TenantBehavior<ScopedQuery, int>(new FakeTenantContext("acme"));
        var message = new ScopedQuery();
        using var cts = new CancellationTokenSource();
        ScopedQuery? seen = null;
        CancellationToken seenToken = default;

        var response = await behavior.Handle(message, (m, ct) =>
        {
            seen = m;
            seenToken = ct;
            return ValueTask.FromResult(42);
        }, cts.Token);

        response.Should().Be(42);
        seen.Should().BeSameAs(message);
        seenToken.Should().Be(cts.Token);
    }
}
