using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Coupons.Storage;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Storage;

/// <summary>The default image store, the <c>coupon_images</c> table, as the app composes it.</summary>
public sealed class PostgresCouponImageStoreTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
    }

    [Fact]
    public async Task TheAppUsesThePostgresStore_ByDefault() =>
        await InTenantAsync("alpha", services =>
        {
            services.GetRequiredService<ICouponImageStore>().Should().BeOfType<PostgresCouponImageStore>();
            return Task.CompletedTask;
        });

    [Fact]
    public async Task AnImagePut_IsReadBack_WithItsContentType()
    {
        await InTenantAsync("alpha", services => Store(services).PutAsync("templates/abc123.png", Png, "image/png", CancellationToken.None));

        await InTenantAsync("alpha", async services => (await Store(services).GetAsync("templates/abc123.png", CancellationToken.None)).Should().Equal(Png));
        (await TestDatabase.ScalarAsync<string>("SELECT content_type FROM coupon_images WHERE tenant_id = 'alpha' AND key = 'templates/abc123.png'"))
            .Should().Be("image/png");
    }

    [Fact]
    public async Task AnotherTenant_CannotGetAnImage_AndItsOwnUnderTheSameKeyIsItsOwn()
    {
        await InTenantAsync("alpha", services => Store(services).PutAsync("k.png", Png, "image/png", CancellationToken.None));

        await InTenantAsync("beta", async services =>
        {
            (await Store(services).GetAsync("k.png", CancellationToken.None)).Should().BeNull();
            await Store(services).PutAsync("k.png", [9, 9], "image/webp", CancellationToken.None);
        });

        await InTenantAsync("alpha", async services => (await Store(services).GetAsync("k.png", CancellationToken.None)).Should().Equal(Png));
        await InTenantAsync("beta", async services => (await Store(services).GetAsync("k.png", CancellationToken.None)).Should().Equal(9, 9));
    }

    [Fact]
    public async Task AMissingKey_IsNull() =>
        await InTenantAsync("alpha", async services => (await Store(services).GetAsync("none.png", CancellationToken.None)).Should().BeNull());

    [Fact]
    public async Task APutUnderATakenKey_ReplacesTheImage()
    {
        await InTenantAsync("alpha", async services =>
        {
            await Store(services).PutAsync("k", Png, "image/png", CancellationToken.None);
            await Store(services).PutAsync("k", [7], "image/webp", CancellationToken.None);
        });

        await InTenantAsync("alpha", async services => (await Store(services).GetAsync("k", CancellationToken.None)).Should().Equal(7));
        (await TestDatabase.ScalarAsync<string>("SELECT content_type FROM coupon_images WHERE tenant_id = 'alpha' AND key = 'k'")).Should().Be("image/webp");
    }

    [Fact]
    public async Task APut_CommitsAtOnce_OutsideTheCallersTransaction_AndSavesNoneOfItsPendingChanges()
    {
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.CouponCodes.Add(CouponCodeListEntry.Of("alpha", "PENDING1", DateTimeOffset.UtcNow));

            await Store(services).PutAsync("k.png", Png, "image/png", CancellationToken.None);

            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM coupon_images WHERE key = 'k.png'")).Should().Be(1, "the put is committed already");
            db.ChangeTracker.Entries<CouponCodeListEntry>().Should().ContainSingle().Which.State.Should().Be(EntityState.Added);
            await transaction.RollbackAsync();
        });

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM coupon_codes")).Should().Be(0);
        await InTenantAsync("alpha", async services => (await Store(services).GetAsync("k.png", CancellationToken.None)).Should().Equal(Png));
    }

    [Theory]
    [InlineData("../beta/k.png")]
    [InlineData("/k.png")]
    [InlineData("a//k.png")]
    [InlineData("a/./k.png")]
    [InlineData(".hidden")]
    [InlineData("a b.png")]
    [InlineData("")]
    public async Task AKeyAUrlCouldRewrite_IsRefused(string key) =>
        await InTenantAsync("alpha", async services =>
        {
            await Store(services).Invoking(s => s.PutAsync(key, Png, "image/png", CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
            await Store(services).Invoking(s => s.GetAsync(key, CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
        });

    private static ICouponImageStore Store(IServiceProvider services) => services.GetRequiredService<ICouponImageStore>();
}
