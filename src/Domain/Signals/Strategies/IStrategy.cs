using System.Globalization;

namespace PromoStack.Domain.Signals.Strategies;

/// <summary>A strategy: a pure function of the candles up to <c>index</c> (its close) and the tenant's settings.</summary>
public interface IStrategy
{
    string Name { get; }

    StrategyDecision Evaluate(MarketView market, int index, ForexSettings settings);
}

/// <summary>What a strategy concluded at one candle: no signal (and why), or a signal.</summary>
public abstract record StrategyDecision;

public sealed record NoSignal(string Reason) : StrategyDecision;

/// <summary>A signal a strategy proposes at a candle's close, with the indicator values it used.</summary>
public sealed record SignalProposal(
    SignalDirection Direction, double Entry, double StopLoss, double Tp1, double Tp2, double Tp3, IReadOnlyDictionary<string, double> Indicators,
    ExitPlan? Exits = null) : StrategyDecision
{
    /// <summary>The levels as stored and posted: decimals at the instrument's precision.</summary>
    public SignalLevels Levels(Instrument instrument) =>
        new(instrument.Price(Entry), instrument.Price(StopLoss), instrument.Price(Tp1), instrument.Price(Tp2), instrument.Price(Tp3));

    /// <summary>The <c>indicators_used</c> JSON: names to values, rounded for reading.</summary>
    public string IndicatorsJson() =>
        "{" + string.Join(",", Indicators.Select(i => $"\"{i.Key}\":{Math.Round(i.Value, 4).ToString(CultureInfo.InvariantCulture)}")) + "}";
}
