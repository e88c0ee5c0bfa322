using System.Globalization;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>A candle file is not in the expected shape; the message names the line.</summary>
public sealed class CandleFileException(string message) : Exception(message);

/// <summary>
/// Candle files: <c>time_utc,open,high,low,close,volume</c>, the bar's open time in UTC (ISO 8601), strictly
/// increasing, each bar consistent (high ≥ open, close ≥ low). Volume may be empty.
/// </summary>
public static class CandleCsv
{
    public const string Header = "time_utc,open,high,low,close,volume";

    public static Candle[] Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static Candle[] Read(TextReader reader, string name)
    {
        var header = reader.ReadLine()?.Trim().TrimStart('\uFEFF');
        if (!string.Equals(header, Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new CandleFileException($"{name}: the first line must be '{Header}', not '{header}'.");
        }

        var candles = new List<Candle>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var candle = Parse(line, name, number);
            if (candles.Count > 0 && candle.Time <= candles[^1].Time)
            {
                throw new CandleFileException($"{name} line {number}: times must increase ({candle.Time:O} follows {candles[^1].Time:O}).");
            }

            candles.Add(candle);
        }

        return [.. candles];
    }

    private static Candle Parse(string line, string name, int number)
    {
        var cells = line.Split(',');
        if (cells.Length is < 5 or > 6)
        {
            throw new CandleFileException($"{name} line {number}: expected 6 columns ({Header}).");
        }

        if (!DateTimeOffset.TryParse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new CandleFileException($"{name} line {number}: '{cells[0]}' is not a UTC time.");
        }

        double Number(int index, string column) =>
            double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
                ? value
                : throw new CandleFileException($"{name} line {number}: {column} '{cells[index]}' is not a price.");

        var (open, high, low, close) = (Number(1, "open"), Number(2, "high"), Number(3, "low"), Number(4, "close"));
        var volume = cells.Length == 6 && cells[5].Length > 0 ? Number(5, "volume") : 0;
        if (high < Math.Max(open, close) || low > Math.Min(open, close))
        {
            throw new CandleFileException($"{name} line {number}: high and low must enclose open and close.");
        }

        return new Candle(time, open, high, low, close, volume);
    }
}
