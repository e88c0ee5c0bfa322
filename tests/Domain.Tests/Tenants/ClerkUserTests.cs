using PromoStack.Domain.Tenants;

namespace PromoStack.Domain.Tests.Tenants;

public sealed class ClerkUserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstSeen_NormalizesTheEmail() =>
        ClerkUser.FirstSeen("user_1", " Someone@Example.COM ", Now).Email.Should().Be("someone@example.com");

    [Fact]
    public void Refresh_WithTheSameEmailInAnotherCase_KeepsTheEmail_AndRecordsWhenTheUserWasLookedAt()
    {
        var user = ClerkUser.FirstSeen("user_1", "someone@example.com", Now);

        user.Refresh("SOMEONE@example.com", Now.AddDays(1)).Should().BeFalse();

        user.Email.Should().Be("someone@example.com");
        user.UpdatedAt.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void Refresh_WithANewEmail_RecordsItNormalized()
    {
        var user = ClerkUser.FirstSeen("user_1", "old@example.com", Now);

        user.Refresh("New@Example.com", Now.AddDays(1)).Should().BeTrue();

        user.Email.Should().Be("new@example.com");
        user.UpdatedAt.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void Refresh_WithNull_KeepsTheKnownEmail()
    {
        var user = ClerkUser.FirstSeen("user_1", "old@example.com", Now);

        user.Refresh(null, Now.AddDays(1)).Should().BeFalse();

        user.Email.Should().Be("old@example.com");
    }
}
