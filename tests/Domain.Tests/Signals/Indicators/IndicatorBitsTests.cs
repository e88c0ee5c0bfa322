using System.Security.Cryptography;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Tests.Signals.Indicators;

/// <summary>
/// Every value of every indicator, to the bit: a SHA-256 over the bits of each value (and whether it is null) at every
/// bar, recorded from the engine before it was made faster. The reference tests allow each value a tolerance; these
/// allow none, so a change in the order of the arithmetic shows here even where it stays within the references'.
/// </summary>
public sealed class IndicatorBitsTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "gold 38,489, defaults", "6ead8d1cfd9e619c5de407469b5b1a2300b5cdd060bf88a69c1ba59d5b2b5b8d" },
        { "gold 3,000, StockCharts true range, unequal periods", "66a7dac5aa3923ecc48ccbd047dae73d23d47bef99b91da0c4c1f5d45077a3ac" },
        { "random walk with frozen stretches, defaults", "3aa0086f776468f6d3313bf62fe8f69842ca94cc7f6744b9ef6841b9229b5750" },
        { "random walk with frozen stretches, long periods", "e8491caadd467360703468918c63fe9247a32c104ea630825ed04d76e4e14d53" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheWholeSeries_HasTheRecordedBits(string name, string sha256)
    {
        var (candles, settings) = Case(name);

        Fingerprint(IndicatorSeries.Compute(candles, settings), candles.Length).Should().Be(sha256);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AppendingOneCandleAtATime_HasTheRecordedBits(string name, string sha256)
    {
        var (candles, settings) = Case(name);
        var engine = new IndicatorEngine(settings);
        var values = candles.Select(c => engine.Append(c)).ToArray();

        Fingerprint(i => values[i], candles.Length).Should().Be(sha256);
    }

    /// <summary>The batch works in blocks of bars and four bars at a time: every length around those edges, against the live engine.</summary>
    [Theory]
    [InlineData("defaults")]
    [InlineData("long periods")]
    [InlineData("short periods")]
    public void TheBatch_AgreesWithTheLiveEngineToTheBit_AtAnyLength(string settingsName)
    {
        var settings = settingsName switch
        {
            "long periods" => new IndicatorSettings { SmaPeriod = 7, BollingerPeriod = 301, StochasticPeriod = 90, StochasticSmooth = 5, StochasticSignal = 6, AdxPeriod = 40 },
            "short periods" => new IndicatorSettings
            {
                SmaPeriod = 2, EmaPeriod = 2, RsiPeriod = 2, AtrPeriod = 2, AdxPeriod = 2, MacdFast = 2, MacdSlow = 3, MacdSignal = 2, BollingerPeriod = 3,
                StochasticPeriod = 2, StochasticSmooth = 1, StochasticSignal = 1,
            },
            _ => IndicatorSettings.Default,
        };
        var walk = RandomWalk(2_200);
        int[] lengths = [.. Enumerable.Range(0, 80), 299, 300, 301, 302, 1_023, 1_024, 1_025, 1_026, 1_027, 2_047, 2_048, 2_049, 2_200];

        foreach (var length in lengths)
        {
            var candles = walk[..length];
            var engine = new IndicatorEngine(settings);
            var live = candles.Select(c => engine.Append(c)).ToArray();

            Fingerprint(IndicatorSeries.Compute(candles, settings), length).Should().Be(Fingerprint(i => live[i], length), $"{length} candles");
        }
    }

    [Fact]
    public void TheEmaBeyondTheEngine_HasTheRecordedBits()
    {
        var closes = Averages.Closes(ReferenceCsv.Load("ohlc/xauusd_15m_2024-01_2025-08_utc.csv").Candles());
        var (ema50, ema200) = (Averages.Ema(closes, 50), Averages.Ema(closes, 200));

        Fingerprint(i => new IndicatorValues { Ema = NullForNaN(ema50[i]), Sma = NullForNaN(ema200[i]) }, closes.Length)
            .Should().Be("24eef05968f5066a1d3226bc1ac64a3ea0ad2ae0e53de9a36a6779c38c57e1bb");
    }

    private static (Candle[] Candles, IndicatorSettings? Settings) Case(string name) => name switch
    {
        "gold 38,489, defaults" => (ReferenceCsv.Load("ohlc/xauusd_15m_2024-01_2025-08_utc.csv").Candles(), null),
        "gold 3,000, StockCharts true range, unequal periods" => (ReferenceCsv.Load("ohlc/xauusd_15m_sample_3000_utc.csv").Candles(), new IndicatorSettings
        {
            SmaPeriod = 10, EmaPeriod = 9, RsiPeriod = 7, AtrPeriod = 10, AdxPeriod = 5, MacdFast = 5, MacdSlow = 35, MacdSignal = 5, BollingerPeriod = 30,
            BollingerWidth = 2.5, StochasticPeriod = 5, StochasticSmooth = 1, StochasticSignal = 4, TrueRangeStart = TrueRangeStart.FirstBarHighLow,
        }),
        "random walk with frozen stretches, defaults" => (RandomWalk(20_000), null),
        "random walk with frozen stretches, long periods" => (RandomWalk(20_000), new IndicatorSettings
        {
            SmaPeriod = 200, EmaPeriod = 200, RsiPeriod = 100, AtrPeriod = 50, AdxPeriod = 60, MacdFast = 50, MacdSlow = 200, MacdSignal = 30,
            BollingerPeriod = 100, StochasticPeriod = 150, StochasticSmooth = 7, StochasticSignal = 9,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A seeded random walk with runs of identical bars (a frozen quote: flat ranges, zero changes).</summary>
    private static Candle[] RandomWalk(int count)
    {
        var random = new Random(7);
        var candles = new Candle[count];
        var close = 1_000.0;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            if (i % 1_000 is >= 500 and < 540)
            {
                candles[i] = new Candle(DateTimeOffset.UnixEpoch.AddMinutes(i), open, open, open, open);
                continue;
            }

            close = Math.Max(1, open + ((random.NextDouble() - 0.5) * 6));
            candles[i] = new Candle(
                DateTimeOffset.UnixEpoch.AddMinutes(i), open, Math.Max(open, close) + (random.NextDouble() * 3), Math.Min(open, close) - (random.NextDouble() * 3), close);
        }

        return candles;
    }

    private static string Fingerprint(IndicatorSeries series, int length) => Fingerprint(i => series[i], length);

    private static string Fingerprint(Func<int, IndicatorValues> at, int length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> cell = stackalloc byte[9];
        for (var i = 0; i < length; i++)
        {
            var v = at(i);
            foreach (var value in new[]
                     {
                         v.Sma, v.Ema, v.Rsi, v.TrueRange, v.Atr, v.PlusDi, v.MinusDi, v.Dx, v.Adx, v.Macd, v.MacdSignal, v.MacdHistogram, v.BollingerMiddle,
                         v.BollingerUpper, v.BollingerLower, v.StochasticFastK, v.StochasticK, v.StochasticD,
                     })
            {
                cell[0] = value is null ? (byte)0 : (byte)1;
                BitConverter.TryWriteBytes(cell[1..], BitConverter.DoubleToInt64Bits(value ?? 0));
                hash.AppendData(cell);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static double? NullForNaN(double value) => double.IsNaN(value) ? null : value;
}
