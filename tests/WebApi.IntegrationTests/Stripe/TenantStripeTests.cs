using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Stripe;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Stripe;

/// <summary>The one port that gives handlers the current tenant's Stripe account: its stored key decrypted, its connected account.</summary>
public sealed class TenantStripeTests(AppFixture fixture) : IntegrationTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
    }

    [Fact]
    public async Task WithoutSavedSettings_ThereIsNoAccount()
    {
        await InTenantAsync("alpha", async services =>
        {
            var stripe = services.GetRequiredService<ITenantStripe>();

            (await stripe.ForCurrentTenantAsync(CancellationToken.None)).Should().BeNull();
            stripe.Of(null).Should().BeNull();
        });
    }

    [Fact]
    public async Task TheCurrentTenantsAccount_HasItsStoredKeyDecrypted_AndItsConnectedAccount_AndNoOtherTenantSeesIt()
    {
        var now = Factory.Clock.GetUtcNow();
        await InTenantAsync("alpha", async services =>
        {
            await StripeWebhooks.SaveSecretsAsync(services, "alpha", "whsec_alphaSigningSecret0123456789", now);
            var db = services.GetRequiredService<AppDbContext>();
            (await db.StripeSettings.SingleAsync()).SetProduct("acct_1Alpha", null, null, null, null, now);
            await db.SaveChangesAsync();
        });

        await InTenantAsync("alpha", async services =>
        {
            var stripe = services.GetRequiredService<ITenantStripe>();
            var settings = await services.GetRequiredService<AppDbContext>().StripeSettings.AsNoTracking().SingleAsync();

            (await stripe.ForCurrentTenantAsync(CancellationToken.None)).Should().Be(new StripeAccess("sk_test_x12345678", "acct_1Alpha"));
            stripe.Of(settings).Should().Be(new StripeAccess("sk_test_x12345678", "acct_1Alpha"));
        });
        await InTenantAsync("beta", async services =>
            (await services.GetRequiredService<ITenantStripe>().ForCurrentTenantAsync(CancellationToken.None)).Should().BeNull());
    }
}
