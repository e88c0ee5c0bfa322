using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Tests.Fakes;
using static PromoStack.Application.Tests.Behaviors.TestMessages;

namespace PromoStack.Application.Tests.Behaviors;

public sealed class TransactionBehaviorTests
{
    [Fact]
    public async Task Handle_RunsNextInsideOneTransactionAndReturnsItsResponse()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behavior = new TransactionBehavior<ScopedCommand, string>(unitOfWork);
        var insideDuringNext = false;

        var response = await behavior.Handle(new ScopedCommand("x"), (m, _) =>
        {
            insideDuringNext = unitOfWork.InTransaction;
            return ValueTask.FromResult($"saved {m.Value}");
        }, CancellationToken.None);

        response.Should().Be("saved x");
        insideDuringNext.Should().BeTrue();
        unitOfWork.Started.Should().Be(1);
        unitOfWork.Committed.Should().Be(1);
        unitOfWork.InTransaction.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheTransactionAndToNext()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behavior = new TransactionBehavior<ScopedCommand, string>(unitOfWork);
        using var cts = new CancellationTokenSource();
        CancellationToken seen = default;

        await behavior.Handle(new ScopedCommand("x"), (_, ct) =>
        {
            seen = ct;
            return ValueTask.FromResult("ok");
        }, cts.Token);

        unitOfWork.TransactionToken.Should().Be(cts.Token);
        seen.Should().Be(cts.Token);
    }

    [Fact]
    public async Task Handle_WhenNextThrows_PropagatesAndTheTransactionDoesNotCommit()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behavior = new TransactionBehavior<ScopedCommand, string>(unitOfWork);

        var handle = async () => await behavior.Handle(
            new ScopedCommand("x"), (_, _) => throw new InvalidOperationException("boom"), CancellationToken.None);

        await handle.Should().ThrowAsync<InvalidOperationException>().WithMessage("boom");
        unitOfWork.Committed.Should().Be(0);
        unitOfWork.RolledBack.Should().Be(1);
    }

    [Fact]
    public async Task Handle_ACommandThatCallsOutsideServices_IsNotWrapped_ItCommitsInShortStepsOfItsOwn()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behavior = new TransactionBehavior<OutsideCallCommand, string>(unitOfWork);
        var insideDuringNext = true;

        var response = await behavior.Handle(new OutsideCallCommand("x"), (m, _) =>
        {
            insideDuringNext = unitOfWork.InTransaction;
            return ValueTask.FromResult($"called {m.Value}");
        }, CancellationToken.None);

        response.Should().Be("called x");
        insideDuringNext.Should().BeFalse("a hanging call must not hold a pooled connection in an open transaction");
        unitOfWork.Started.Should().Be(0);
    }
}
