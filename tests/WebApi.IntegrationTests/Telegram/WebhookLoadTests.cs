using Microsoft.Extensions.Time.Testing;
using PromoStack.Infrastructure.Telegram;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

public sealed class WebhookLoadTests
{
    [Fact]
    public void TheWebhookIsBusy_FromTheThresholdOverTheLastSecond_AndQuietOnceThatSecondHasPassed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var load = new WebhookLoad(clock);

        for (var i = 0; i < WebhookLoad.BusyPerSecond - 1; i++)
        {
            load.Recorded();
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        load.IsBusy.Should().BeFalse();
        load.Recorded();
        load.IsBusy.Should().BeTrue();
        load.PerSecond.Should().Be(WebhookLoad.BusyPerSecond);

        clock.Advance(TimeSpan.FromMilliseconds(600));
        load.PerSecond.Should().BeLessThan(WebhookLoad.BusyPerSecond, "the first updates are more than a second old");
        clock.Advance(TimeSpan.FromSeconds(1));
        load.PerSecond.Should().Be(0);
        load.IsBusy.Should().BeFalse();
    }

    [Fact]
    public void ABucketIsReused_OnlyForItsNewSlot_NotAddedToWhatItHeldASecondAgo()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var load = new WebhookLoad(clock);
        for (var i = 0; i < 300; i++)
        {
            load.Recorded();
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        load.Recorded();

        load.PerSecond.Should().Be(1);
    }
}
