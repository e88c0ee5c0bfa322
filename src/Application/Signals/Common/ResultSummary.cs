namespace PromoStack.Application.Signals;

public sealed record ResultSummary(int Signals, int Wins, int Losses, double WinRate, decimal Pips, decimal AverageR);

public sealed record DayResult(DateOnly Day, ResultSummary Result);

public sealed record EquityPointDto(DateTimeOffset Time, decimal Pips);
