namespace PromoStack.Application.Signals;

/// <summary>The results of a set of closed signals, each weighted by its partial closes.</summary>
/// <param name="Pips">The pips won or lost, summed.</param>
/// <param name="R">
/// The risk multiples won or lost, summed: each signal's result over its initial risk (entry to the first stop), so
/// +1 is one risk won and -1 a full stop loss, whatever the instrument or the stop's distance.
/// </param>
/// <param name="AverageR">The risk multiple of an average signal (<paramref name="R"/> over <paramref name="Signals"/>).</param>
public sealed record ResultSummary(int Signals, int Wins, int Losses, double WinRate, decimal Pips, decimal R, decimal AverageR);

public sealed record DayResult(DateOnly Day, ResultSummary Result);

public sealed record EquityPointDto(DateTimeOffset Time, decimal Pips);
