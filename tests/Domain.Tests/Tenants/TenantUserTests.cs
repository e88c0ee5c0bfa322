using PromoStack.Domain.Common;
using PromoStack.Domain.Tenants;

namespace PromoStack.Domain.Tests.Tenants;

public sealed class TenantUserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static TenantUser Admin() => TenantUser.Join("acme", "user_admin", "Admin@Acme.io", TenantRole.Admin, Now);

    [Fact]
    public void Join_IsALinkedMembershipWithANormalizedEmail()
    {
        var user = TenantUser.Join("acme", "user_1", "  Founder@Acme.IO ", TenantRole.Admin, Now);

        user.IsPendingInvite.Should().BeFalse();
        user.ClerkUserId.Should().Be("user_1");
        user.Email.Should().Be("founder@acme.io");
        user.Role.Should().Be(TenantRole.Admin);
    }

    [Fact]
    public void Invite_IsPendingWithANormalizedEmail()
    {
        var user = TenantUser.Invite("acme", " New.Member@Acme.IO", TenantRole.Member, Now);

        user.IsPendingInvite.Should().BeTrue();
        user.ClerkUserId.Should().BeNull();
        user.Email.Should().Be("new.member@acme.io");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Invite_WithABlankEmail_Throws(string email)
    {
        var invite = () => TenantUser.Invite("acme", email, TenantRole.Member, Now);

        invite.Should().Throw<DomainException>();
    }

    [Fact]
    public void Invite_WithAnEmailOverTheLimit_Throws()
    {
        var invite = () => TenantUser.Invite("acme", new string('a', TenantUser.EmailMaxLength - 4) + "@x.io", TenantRole.Member, Now);

        invite.Should().Throw<DomainException>();
    }

    [Fact]
    public void NormalizeEmail_TrimsAndLowercases() => TenantUser.NormalizeEmail("  MiXeD@Case.COM\t").Should().Be("mixed@case.com");

    [Fact]
    public void UpdateEmail_Normalizes_AndIgnoresBlank()
    {
        var user = Admin();

        user.UpdateEmail("  Other@Acme.IO ");
        user.Email.Should().Be("other@acme.io");

        user.UpdateEmail("   ");
        user.UpdateEmail(null);
        user.Email.Should().Be("other@acme.io");
    }

    [Fact]
    public void Accept_OnAPendingInvite_MakesTheInviteeAMember()
    {
        var user = TenantUser.Invite("acme", "member@acme.io", TenantRole.Member, Now);
        user.InviteExpiresAt.Should().Be(Now + TenantUser.InviteLifetime);

        user.Accept("user_2", Now.AddDays(6));

        user.ClerkUserId.Should().Be("user_2");
        user.IsPendingInvite.Should().BeFalse();
        user.InviteExpiresAt.Should().BeNull();
    }

    [Fact]
    public void Accept_OnceAccepted_Throws_SoAMembershipNeverChangesHands()
    {
        var user = Admin();

        var accept = () => user.Accept("user_intruder", Now);

        accept.Should().Throw<DomainException>();
        user.ClerkUserId.Should().Be("user_admin");
    }

    [Fact]
    public void Accept_AfterTheInviteExpired_Throws()
    {
        var user = TenantUser.Invite("acme", "member@acme.io", TenantRole.Member, Now);

        var accept = () => user.Accept("user_2", Now + TenantUser.InviteLifetime);

        accept.Should().Throw<DomainException>().WithMessage("*expired*");
        user.IsExpiredInvite(Now + TenantUser.InviteLifetime).Should().BeTrue();
        user.ClerkUserId.Should().BeNull();
    }

    [Fact]
    public void ChangeRole_DemotingTheLastAdmin_Throws()
    {
        var user = Admin();

        var demote = () => user.ChangeRole(TenantRole.Member, adminCount: 1);

        demote.Should().Throw<DomainException>();
        user.Role.Should().Be(TenantRole.Admin);
    }

    [Fact]
    public void ChangeRole_DemotingAnAdminWhenAnotherRemains_Works()
    {
        var user = Admin();

        user.ChangeRole(TenantRole.Member, adminCount: 2);

        user.Role.Should().Be(TenantRole.Member);
    }

    [Fact]
    public void ChangeRole_AdminToAdmin_WithOneAdmin_IsANoOp()
    {
        var user = Admin();

        user.ChangeRole(TenantRole.Admin, adminCount: 1);

        user.Role.Should().Be(TenantRole.Admin);
    }

    [Fact]
    public void ChangeRole_PromotingAMember_IgnoresTheAdminCount()
    {
        var user = TenantUser.Join("acme", "user_m", "m@acme.io", TenantRole.Member, Now);

        user.ChangeRole(TenantRole.Admin, adminCount: 0);

        user.Role.Should().Be(TenantRole.Admin);
    }

    [Fact]
    public void ChangeRole_DemotingAPendingAdminInvite_IsAllowedBecauseItIsNotCounted()
    {
        var user = TenantUser.Invite("acme", "future@acme.io", TenantRole.Admin, Now);

        user.ChangeRole(TenantRole.Member, adminCount: 1);

        user.Role.Should().Be(TenantRole.Member);
    }

    [Fact]
    public void EnsureRemovable_TheLastAdmin_Throws()
    {
        var user = Admin();

        var remove = () => user.EnsureRemovable(adminCount: 1);

        remove.Should().Throw<DomainException>();
    }

    [Fact]
    public void EnsureRemovable_AnAdminWhenAnotherRemains_DoesNotThrow()
    {
        var remove = () => Admin().EnsureRemovable(adminCount: 2);

        remove.Should().NotThrow();
    }

    [Fact]
    public void EnsureRemovable_AMember_DoesNotThrowWhateverTheAdminCount()
    {
        var user = TenantUser.Join("acme", "user_m", "m@acme.io", TenantRole.Member, Now);

        var remove = () => user.EnsureRemovable(adminCount: 1);

        remove.Should().NotThrow();
    }
}
