using PromoStack.Application.Dev;
using PromoStack.Application.TenantUsers;
using PromoStack.Application.Tests.Validation;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tests.TenantUsers;

public sealed class TenantUserValidatorsTests
{
    [Theory]
    [InlineData("member@acme.io", TenantRole.Member)]
    [InlineData("Admin@Acme.IO", TenantRole.Admin)]
    public void AddTenantUser_Valid_Passes(string email, TenantRole role) =>
        Validators.Validate(new AddTenantUser(email, role)).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("@acme.io")]
    [InlineData("member@")]
    public void AddTenantUser_BadEmail_FailsOnEmail(string email) =>
        Validators.Validate(new AddTenantUser(email, TenantRole.Member)).ShouldOnlyFailOn(nameof(AddTenantUser.Email));

    [Fact]
    public void AddTenantUser_EmailOverTheLimit_FailsOnEmail()
    {
        var email = new string('a', TenantUser.EmailMaxLength) + "@acme.io";

        Validators.Validate(new AddTenantUser(email, TenantRole.Member)).ShouldOnlyFailOn(nameof(AddTenantUser.Email));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    [InlineData(2)]
    public void AddTenantUser_UndefinedRole_FailsOnRole(int role) =>
        Validators.Validate(new AddTenantUser("member@acme.io", (TenantRole)role)).ShouldOnlyFailOn(nameof(AddTenantUser.Role));

    [Theory]
    [InlineData(TenantRole.Admin)]
    [InlineData(TenantRole.Member)]
    public void ChangeTenantUserRole_DefinedRole_Passes(TenantRole role) =>
        Validators.Validate(new ChangeTenantUserRole(1, role)).IsValid.Should().BeTrue();

    [Fact]
    public void ChangeTenantUserRole_UndefinedRole_FailsOnRole() =>
        Validators.Validate(new ChangeTenantUserRole(1, (TenantRole)99)).ShouldOnlyFailOn(nameof(ChangeTenantUserRole.Role));

    [Fact]
    public void EnsureDevUser_Valid_Passes() =>
        Validators.Validate(new EnsureDevUser("demo", TenantRole.Admin)).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("De")]
    [InlineData("Demo")]
    [InlineData("admin")]
    [InlineData("demo-")]
    public void EnsureDevUser_BadTenantSlug_FailsOnTenantId(string tenantId) =>
        Validators.Validate(new EnsureDevUser(tenantId, TenantRole.Member)).ShouldOnlyFailOn(nameof(EnsureDevUser.TenantId));

    [Fact]
    public void EnsureDevUser_UndefinedRole_FailsOnRole() =>
        Validators.Validate(new EnsureDevUser("demo", (TenantRole)99)).ShouldOnlyFailOn(nameof(EnsureDevUser.Role));
}
