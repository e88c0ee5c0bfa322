using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PromoStack.Infrastructure.Webhooks;

namespace PromoStack.WebApi.IntegrationTests.Webhooks;

/// <summary>The webhooks' per-source counts: fixed windows, failures and deliveries per source, bounded memory.</summary>
public sealed class WebhookSourcesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ASource_IsLimitedAfterItsFailures_UntilItsWindowEnds_AndOtherSourcesAreNot()
    {
        var sources = Sources(new WebhookOptions { WindowSeconds = 10, FailuresPerSource = 3 });
        var answers = Enumerable.Range(0, 4).Select(_ => sources.Arrive(IPAddress.Parse("192.0.2.1")).Fail()).ToList();

        answers.Should().Equal([false, false, false, true], "the first three failures are refused as such, the fourth is over the limit");
        sources.Arrive(IPAddress.Parse("192.0.2.1")).IsLimited.Should().BeTrue();
        sources.Arrive(IPAddress.Parse("192.0.2.2")).IsLimited.Should().BeFalse("another address has its own count");
        _clock.Advance(TimeSpan.FromSeconds(4));
        sources.Arrive(IPAddress.Parse("192.0.2.1")).RetryAfter.Should().Be(TimeSpan.FromSeconds(6));

        _clock.Advance(TimeSpan.FromSeconds(6));

        sources.Arrive(IPAddress.Parse("192.0.2.1")).IsLimited.Should().BeFalse("a new window starts with nothing counted");
    }

    [Fact]
    public void ASource_OverItsDeliveries_IsCapped_WhetherTheyFailOrNot()
    {
        var sources = Sources(new WebhookOptions { RequestsPerSource = 5 });

        var capped = Enumerable.Range(0, 6).Select(_ => sources.Arrive(IPAddress.Loopback).IsOverRequestCap).ToList();

        capped.Should().Equal([false, false, false, false, false, true]);
        sources.Arrive(IPAddress.Parse("192.0.2.9")).IsOverRequestCap.Should().BeFalse();
    }

    [Fact]
    public void AWindow_CountsAtMostTrackedSources_AndTheOthersAreTakenFromMemoryOnly()
    {
        var sources = Sources(new WebhookOptions { TrackedSources = 100 });

        for (var i = 0; i < 10_000; i++)
        {
            sources.Arrive(new IPAddress(BitConverter.GetBytes(0x0A000000 + i))).Fail();
        }

        sources.Tracked.Should().Be(100, "memory is bounded whatever the number of senders");
        var untracked = sources.Arrive(IPAddress.Parse("198.51.100.1"));
        untracked.IsLimited.Should().BeTrue("a source the window has no room for gets no database work");
        untracked.Fail().Should().BeTrue();
        untracked.IsOverRequestCap.Should().BeFalse("it is not refused before its check: it may prove itself from memory");

        _clock.Advance(TimeSpan.FromSeconds(new WebhookOptions().WindowSeconds));

        sources.Arrive(IPAddress.Parse("198.51.100.1")).IsLimited.Should().BeFalse();
        sources.Tracked.Should().Be(1, "the ended window's counts are dropped whole");
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("192.0.2.7", "::ffff:192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    public void OneSource_IsAnIPv4Address_OrAnIPv6Slash64(string first, string second, bool same)
    {
        var sources = Sources(new WebhookOptions { FailuresPerSource = 1 });

        sources.Arrive(IPAddress.Parse(first)).Fail();

        sources.Arrive(IPAddress.Parse(second)).IsLimited.Should().Be(same);
    }

    [Fact]
    public void ALimitBelowOne_StopsStartUp_NamingItsVariable()
    {
        var problems = new WebhookOptions { FailuresPerSource = 0, TrackedSources = -1 }.Problems().ToList();

        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.Contains("Webhooks__FailuresPerSource", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("Webhooks__TrackedSources", StringComparison.Ordinal));
        new WebhookOptions().Problems().Should().BeEmpty("the defaults are valid");
    }

    private WebhookSources Sources(WebhookOptions options) => new(Options.Create(options), _clock);
}
