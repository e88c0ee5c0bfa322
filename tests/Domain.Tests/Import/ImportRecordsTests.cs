using PromoStack.Domain.Common;
using PromoStack.Domain.Import;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Domain.Tests.Import;

public sealed class ImportRecordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AQuarantinedRow_KeepsItsReason_ShortenedToTheColumn()
    {
        var row = QuarantinedRow.Of(Guid.NewGuid(), "ghost", null, "bot_users", "6000000999", new string('r', 600), "{}", Now);

        row.Reason.Should().HaveLength(QuarantinedRow.ReasonMaxLength);
        row.TenantId.Should().BeNull("an orphan has no tenant here");
    }

    [Fact]
    public void AQuarantinedRow_NamesItsTableAndKey() =>
        FluentActions.Invoking(() => QuarantinedRow.Of(Guid.NewGuid(), null, null, " ", "1", "why", "{}", Now)).Should().Throw<DomainException>();

    [Fact]
    public void ATenantImport_NeverCountsNegativeQuarantines() =>
        FluentActions.Invoking(() => TenantImport.Completed("entrylab", "entrylab", "db:5432/x", Now, "{}", -1)).Should().Throw<DomainException>();

    [Fact]
    public void DiscardedEvents_AreNeverDispatched_SoAnImportedHistoryIsNotReLived()
    {
        var subscription = TelegramSubscription.Begin("entrylab", "a@example.com", PlanType.Lifetime, Now);
        subscription.Activate(null, Now);
        subscription.HasPendingEvents.Should().BeTrue();

        subscription.DiscardEvents();

        subscription.HasPendingEvents.Should().BeFalse();
        subscription.DequeueEvents().Should().BeEmpty();
    }
}
