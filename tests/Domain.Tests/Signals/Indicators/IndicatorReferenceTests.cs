using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Tests.Signals.Indicators;

/// <summary>
/// Every reference file in tests/TestData/indicators, reproduced within its stated tolerance (sources and
/// conventions in that folder's SOURCE.md). A warm-up bar must be null, never 0.
/// </summary>
public sealed class IndicatorReferenceTests
{
    private static readonly Dictionary<string, Func<IndicatorValues, double?>> StockIndicatorsColumns = new()
    {
        ["sma20"] = v => v.Sma,
        ["ema20"] = v => v.Ema,
        ["rsi14"] = v => v.Rsi,
        ["tr"] = v => v.TrueRange,
        ["atr14"] = v => v.Atr,
        ["pdi14"] = v => v.PlusDi,
        ["mdi14"] = v => v.MinusDi,
        ["dx14"] = v => v.Dx,
        ["adx14"] = v => v.Adx,
        ["macd"] = v => v.Macd,
        ["macd_signal9"] = v => v.MacdSignal,
        ["macd_hist"] = v => v.MacdHistogram,
        ["bb20_mid"] = v => v.BollingerMiddle,
        ["bb20_upper"] = v => v.BollingerUpper,
        ["bb20_lower"] = v => v.BollingerLower,
        ["stoch_k_14_3_3"] = v => v.StochasticK,
        ["stoch_d_14_3_3"] = v => v.StochasticD,
    };

    public static TheoryData<string> StockIndicatorsColumnNames => [.. StockIndicatorsColumns.Keys];

    public static TheoryData<string> DerivedColumnNames => [.. StockIndicatorsColumns.Keys.Append("stoch_fast_k_14")];

    [Theory]
    [MemberData(nameof(StockIndicatorsColumnNames))]
    public void StockIndicators_Spy502_EveryColumnMatchesTheLibrarysBaselines(string column)
    {
        var csv = ReferenceCsv.Load("indicators/stockindicators_spy_daily_502.csv");
        var series = IndicatorSeries.Compute(csv.Candles());

        ShouldMatch(csv, column, i => StockIndicatorsColumns[column](series[i]), 1e-6);
    }

    [Fact]
    public void StockIndicators_Spy502_SpotValuesFromTheLibrarysOwnUnitTests()
    {
        var series = IndicatorSeries.Compute(ReferenceCsv.Load("indicators/stockindicators_default_quotes_spy_502.csv").Candles());

        series[14].Rsi.Should().BeApproximately(62.0541, 0.00005);
        series[501].Rsi.Should().BeApproximately(42.0773, 0.00005);
        series[14].Atr.Should().BeApproximately(1.3364, 0.00005);
        series[501].Atr.Should().BeApproximately(6.1497, 0.00005);
        series[27].Adx.Should().BeApproximately(15.9459, 0.00005);
        series[29].PlusDi.Should().BeApproximately(37.9719, 0.00005);
        series[29].MinusDi.Should().BeApproximately(14.1658, 0.00005);
        series[501].Adx.Should().BeApproximately(34.2987, 0.00005);
        series[29].Ema.Should().BeApproximately(216.6228, 0.00005);
        series[19].Sma.Should().BeApproximately(214.525, 0.00005);
        series[49].Macd.Should().BeApproximately(1.7203, 0.00005);
        series[49].MacdSignal.Should().BeApproximately(1.9675, 0.00005);
        series[501].MacdHistogram.Should().BeApproximately(-0.3629, 0.00005);
        series[501].BollingerUpper.Should().BeApproximately(273.7004, 0.00005);
        series[501].BollingerLower.Should().BeApproximately(230.0196, 0.00005);
        series[17].StochasticK.Should().BeApproximately(92.1307, 0.00005);
        series[17].StochasticD.Should().BeApproximately(88.4995, 0.00005);
    }

    [Theory]
    [MemberData(nameof(DerivedColumnNames))]
    public void DerivedXauUsd15m_EveryColumnMatchesOnRealGoldPrices(string column)
    {
        var csv = ReferenceCsv.Load("indicators/derived_xauusd_15m_sample_3000_expected.csv");
        var series = IndicatorSeries.Compute(csv.Candles());

        ShouldMatch(csv, column, i => column == "stoch_fast_k_14" ? series[i].StochasticFastK : StockIndicatorsColumns[column](series[i]), 1e-6);
    }

    [Fact]
    public void StockCharts_Rsi14_WilderWithASimpleMeanSeed()
    {
        var csv = ReferenceCsv.Load("indicators/stockcharts_rsi14_wilder__pyalgotrade.csv");
        var series = IndicatorSeries.Compute(csv.Candles(close: "Input", high: null, low: null, open: null));

        ShouldMatch(csv, "Expected", i => series[i].Rsi, 1e-6);
        series[14].Rsi.Should().BeApproximately(70.53278948, 1e-8);
    }

    [Fact]
    public void StockCharts_Ema10_SeededWithTheSma()
    {
        var csv = ReferenceCsv.Load("indicators/stockcharts_ema10__pyalgotrade.csv");
        var series = IndicatorSeries.Compute(csv.Candles(close: "Input", high: null, low: null, open: null), new IndicatorSettings { EmaPeriod = 10 });

        ShouldMatch(csv, "Expected", i => series[i].Ema, 1e-5);
    }

    [Fact]
    public void StockCharts_Sma10_WithinThePublishedRounding()
    {
        var csv = ReferenceCsv.Load("indicators/stockcharts_sma10__pyalgotrade.csv");
        var series = IndicatorSeries.Compute(csv.Candles(close: "Input", high: null, low: null, open: null), new IndicatorSettings { SmaPeriod = 10 });

        ShouldMatch(csv, "Expected", i => series[i].Sma, 0.005);
    }

    /// <summary>StockCharts takes the first bar's TR as high − low, so ATR(n) starts a bar earlier; its sheet writes 0.0 for warm-up, we write null.</summary>
    [Theory]
    [InlineData("indicators/stockcharts_atr14__bukosabino_cs-atr.csv", 14)]
    [InlineData("indicators/atr10__bukosabino_cs-atr2.csv", 10)]
    public void StockCharts_Atr_WithTheFirstBarHighLowConvention(string file, int period)
    {
        var csv = ReferenceCsv.Load(file);
        var series = IndicatorSeries.Compute(
            csv.Candles(close: "Close", high: "High", low: "Low", open: null),
            new IndicatorSettings { AtrPeriod = period, TrueRangeStart = TrueRangeStart.FirstBarHighLow });

        for (var i = 0; i < csv.Count; i++)
        {
            series[i].TrueRange.Should().BeApproximately(csv.Required(i, "TR"), 1e-8, $"TR[{i}]");
            if (i < period - 1)
            {
                csv.Required(i, "ATR").Should().Be(0.0, "the sheet marks warm-up with 0.0");
                series[i].Atr.Should().BeNull($"ATR[{i}] is warming up");
            }
            else
            {
                series[i].Atr.Should().BeApproximately(csv.Required(i, "ATR"), 1e-8, $"ATR[{i}]");
            }
        }
    }

    [Fact]
    public void StockCharts_Adx14_TheSameWilderConventionAsStockIndicators()
    {
        var csv = ReferenceCsv.Load("indicators/stockcharts_adx14__bukosabino_cs-adx.csv");
        var series = IndicatorSeries.Compute(csv.Candles(close: "Close", high: "High", low: "Low", open: null));

        ShouldMatch(csv, "TR", i => series[i].TrueRange, 1e-6);
        ShouldMatch(csv, "+DI14", i => series[i].PlusDi, 1e-6);
        ShouldMatch(csv, "-DI14", i => series[i].MinusDi, 1e-6);
        ShouldMatch(csv, "DX", i => series[i].Dx, 1e-6);
        ShouldMatch(csv, "ADX", i => series[i].Adx, 1e-6);
        series[27].Adx.Should().BeApproximately(33.5833, 0.0001);
    }

    [Fact]
    public void StockCharts_Bollinger20_WithThePopulationDeviation()
    {
        var csv = ReferenceCsv.Load("indicators/stockcharts_bb20_2__bukosabino_cs-bbands.csv");
        var series = IndicatorSeries.Compute(csv.Candles(close: "Close", high: null, low: null, open: null));

        ShouldMatch(csv, "MiddleBand", i => series[i].BollingerMiddle, 1e-6);
        ShouldMatch(csv, "HighBand", i => series[i].BollingerUpper, 1e-6);
        ShouldMatch(csv, "LowBand", i => series[i].BollingerLower, 1e-6);
    }

    /// <summary>
    /// StockCharts' fast stochastic: SO is the raw %K and its signal the SMA(3) of it, which is our slow %K. The sheet
    /// leaves index 15 blank (its value would be 75.749746); that one cell is checked against the computed value.
    /// </summary>
    [Fact]
    public void StockCharts_FastStochastic14_3()
    {
        var csv = ReferenceCsv.Load("indicators/stockcharts_stoch14_3__bukosabino_cs-soo.csv");

        // The sheet gives closes only from index 13, where %K starts; a bar's close matters to %K on that bar alone,
        // so the warm-up bars take their low as a stand-in.
        var candles = Enumerable.Range(0, csv.Count)
            .Select(i => new Candle(DateTimeOffset.UnixEpoch.AddDays(i), csv.Required(i, "Low"), csv.Required(i, "High"), csv.Required(i, "Low"),
                csv.Value(i, "Close") ?? csv.Required(i, "Low")))
            .ToArray();
        var series = IndicatorSeries.Compute(candles);

        ShouldMatch(csv, "SO", i => series[i].StochasticFastK, 1e-6);
        for (var i = 0; i < csv.Count; i++)
        {
            if (csv.Value(i, "SO_SIG") is { } signal)
            {
                series[i].StochasticK.Should().BeApproximately(signal, 1e-6, $"SO_SIG[{i}]");
            }
        }

        csv.Value(15, "SO_SIG").Should().BeNull();
        series[15].StochasticK.Should().BeApproximately(75.749746, 1e-6);
    }

    private static void ShouldMatch(ReferenceCsv csv, string column, Func<int, double?> actual, double tolerance)
    {
        var compared = 0;
        for (var i = 0; i < csv.Count; i++)
        {
            var expected = csv.Value(i, column);
            var value = actual(i);
            if (expected is null)
            {
                value.Should().BeNull($"{column}[{i}] is warming up");
            }
            else
            {
                value.Should().NotBeNull($"{column}[{i}] has a value").And.BeApproximately(expected.Value, tolerance, $"{column}[{i}]");
                compared++;
            }
        }

        compared.Should().BeGreaterThan(0);
    }
}
