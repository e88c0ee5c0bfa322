using PromoStack.Application.Import;

namespace PromoStack.Application.Tests.Import;

public sealed class SourceRowTests
{
    private static readonly SourceClock Utc = new(TimeZoneInfo.Utc);

    [Fact]
    public void NaiveTimestamps_AreReadInTheSourceZone()
    {
        var naive = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Unspecified);
        var london = new SourceClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var newYork = new SourceClock(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Row(("t", naive)).Time("t").Should().Be(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Row(london, ("t", new DateTime(2026, 7, 1, 9, 0, 0))).Time("t").Should().Be(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), "London is on summer time in July");
        Row(newYork, ("t", naive)).Time("t").Should().Be(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void AColumnTheSourceLacks_ReadsAsNull()
    {
        var row = Row(("a", 1));

        row.Text("missing").Should().BeNull();
        row.Time("missing").Should().BeNull();
        row.Bool("missing").Should().BeNull();
    }

    [Fact]
    public void JsonThatIsNoObject_IsAFormatError_NamingTheColumn()
    {
        FluentActions.Invoking(() => Row(("config", "[]")).Object("config")).Should().Throw<SourceFormatException>().WithMessage("*config*not an object*");
        FluentActions.Invoking(() => Row(("config", "\"text\"")).Object("config")).Should().Throw<SourceFormatException>();
        FluentActions.Invoking(() => Row(("config", "{not json")).Object("config")).Should().Throw<SourceFormatException>().WithMessage("*not valid JSON*");
        Row(("config", "{\"a\":1}")).Object("config")!["a"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void AValueOfTheWrongType_IsAFormatError()
    {
        FluentActions.Invoking(() => Row(("n", "twelve")).Long("n")).Should().Throw<SourceFormatException>();
        FluentActions.Invoking(() => Row(("b", 3)).Bool("b")).Should().Throw<SourceFormatException>();
        Row(("n", 12.00m)).Long("n").Should().Be(12);
        Row(("n", 3_000_000_000L)).Invoking(r => r.Int("n")).Should().Throw<SourceFormatException>();
    }

    [Fact]
    public void TheQuarantineCopy_MasksSecretColumns_AndKeepsTheRest()
    {
        var json = Row(("bot_token", "7000000001:AAFakeToken"), ("bot_username", "GoldBot"), ("id", 3)).ToJson(new HashSet<string> { "bot_token" });

        json.Should().NotContain("AAFake").And.Contain("GoldBot").And.Contain("\"id\":3");
    }

    private static SourceRow Row(params (string Column, object? Value)[] values) => Row(Utc, values);

    private static SourceRow Row(SourceClock clock, params (string Column, object? Value)[] values) =>
        new("t", values.ToDictionary(v => v.Column, v => v.Value), clock);
}
