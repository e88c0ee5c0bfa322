using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Tests.Fakes;
using static PromoStack.Application.Tests.Behaviors.TestMessages;

namespace PromoStack.Application.Tests.Behaviors;

public sealed class LoggingBehaviorTests
{
    private const string Secret = "hunter2-s3cr3t-Pa55";
    private const string SecretEmail = "private.person@example.com";

    private static readonly SecretCommand Message = new(SecretEmail, Secret);

    [Fact]
    public async Task Handle_OnSuccess_LogsTheMessageNameAndTenantAtInformation()
    {
        var logger = new CapturingLogger<LoggingBehavior<SecretCommand, string>>();
        var behavior = new LoggingBehavior<SecretCommand, string>(logger, new FakeTenantContext("acme"));

        var response = await behavior.Handle(Message, (_, _) => ValueTask.FromResult("ok"), CancellationToken.None);

        response.Should().Be("ok");
        var entry = logger.Entries.Should().ContainSingle().Which;
        entry.Level.Should().Be(LogLevel.Information);
        entry.Message.Should().Contain(nameof(SecretCommand)).And.Contain("acme");
        entry.State.Should().Contain(new KeyValuePair<string, object?>("Message", nameof(SecretCommand)));
        entry.State.Should().Contain(new KeyValuePair<string, object?>("Tenant", "acme"));
    }

    [Fact]
    public async Task Handle_WithoutTenant_LogsADash()
    {
        var logger = new CapturingLogger<LoggingBehavior<SecretCommand, string>>();
        var behavior = new LoggingBehavior<SecretCommand, string>(logger, new FakeTenantContext());

        await behavior.Handle(Message, (_, _) => ValueTask.FromResult("ok"), CancellationToken.None);

        logger.Entries.Should().ContainSingle().Which.State.Should().Contain(new KeyValuePair<string, object?>("Tenant", "-"));
    }

    [Fact]
    public async Task Handle_OnSuccess_NeverLogsThePayload()
    {
        var logger = new CapturingLogger<LoggingBehavior<SecretCommand, string>>();
        var behavior = new LoggingBehavior<SecretCommand, string>(logger, new FakeTenantContext("acme"));

        await behavior.Handle(Message, (_, _) => ValueTask.FromResult("ok"), CancellationToken.None);

        logger.Entries.Should().NotBeEmpty();
        logger.Entries.Should().AllSatisfy(e =>
        {
            e.AllText.Should().NotContain(Secret).And.NotContain(SecretEmail);
            e.State.Select(kv => kv.Value).Should().NotContain(v => ReferenceEquals(v, Message));
        });
    }

    [Fact]
    public async Task Handle_OnFailure_LogsAWarningWithTheExceptionTypeOnlyAndRethrows()
    {
        var logger = new CapturingLogger<LoggingBehavior<SecretCommand, string>>();
        var behavior = new LoggingBehavior<SecretCommand, string>(logger, new FakeTenantContext("acme"));

        // The failing handler puts the payload into its exception message: that must not reach the log either.
        var handle = async () => await behavior.Handle(
            Message, (m, _) => throw new InvalidOperationException($"bad password {m.Password} for {m.Email}"), CancellationToken.None);

        await handle.Should().ThrowAsync<InvalidOperationException>();
        var entry = logger.Entries.Should().ContainSingle().Which;
        entry.Level.Should().Be(LogLevel.Warning);
        entry.Message.Should().Contain(nameof(SecretCommand)).And.Contain("acme").And.Contain(nameof(InvalidOperationException));
        entry.AllText.Should().NotContain(Secret).And.NotContain(SecretEmail);
    }
}
