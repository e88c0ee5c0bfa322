using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Common;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

public sealed class ErrorsAndModelTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AnUnexpectedException_Becomes500WithATraceId_AndNothingInternal()
    {
        var handler = Factory.Services.GetServices<IExceptionHandler>().Single();
        var context = new DefaultHttpContext { RequestServices = Factory.Services.CreateScope().ServiceProvider };
        context.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("connection string Password=hunter2"), CancellationToken.None);

        handled.Should().BeTrue();
        context.Response.StatusCode.Should().Be((int)HttpStatusCode.InternalServerError);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        body.Should().NotContain("hunter2").And.NotContain("InvalidOperationException");
        JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task AnIllegalTransition_Becomes409WithItsMessage()
    {
        var handler = Factory.Services.GetServices<IExceptionHandler>().Single();
        var context = new DefaultHttpContext { RequestServices = Factory.Services.CreateScope().ServiceProvider };
        context.Response.Body = new MemoryStream();

        await handler.TryHandleAsync(context, new InvalidTransitionException("Signal", "Stopped", "Tp1Hit"), CancellationToken.None);

        context.Response.StatusCode.Should().Be((int)HttpStatusCode.Conflict);
        context.Response.Body.Position = 0;
        (await new StreamReader(context.Response.Body).ReadToEndAsync()).Should().Contain("Signal cannot move from 'Stopped' to 'Tp1Hit'.");
    }

    [Fact]
    public void TheRealModel_DeclaresTheTenancyOfEveryPersistedType()
    {
        using var db = TestDatabase.CreateContext();

        var check = () => ModelChecks.EnsureTenancyIsDeclared(db.Model);

        check.Should().NotThrow();
    }

    [Fact]
    public void TheCommittedMigrations_MatchTheModel()
    {
        using var db = TestDatabase.CreateContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a committed migration (see README, Adding a feature)");
    }

    [Fact]
    public void AModelWithAnUndeclaredType_FailsTheStartUpCheck()
    {
        using var db = new UndeclaredContext();

        var check = () => ModelChecks.EnsureTenancyIsDeclared(db.Model);

        check.Should().Throw<InvalidOperationException>().WithMessage("*neither ITenantOwned nor IGlobalEntity: Orphan*");
    }

    private sealed class Orphan
    {
        public int Id { get; set; }
    }

    private sealed class UndeclaredContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql(TestDatabase.ConnectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Orphan>();
    }
}
