using System.Globalization;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Tests.Signals.Indicators;

/// <summary>A reference CSV from tests/TestData (see its README for sources): header names to columns, empty = null.</summary>
internal sealed class ReferenceCsv
{
    private readonly Dictionary<string, int> _columns;
    private readonly string[][] _rows;

    private ReferenceCsv(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", path)).Where(l => l.Length > 0).ToArray();
        _columns = lines[0].Split(',').Select((name, index) => (name.Trim(), index)).ToDictionary(c => c.Item1, c => c.index);
        _rows = [.. lines.Skip(1).Select(l => l.Split(','))];
    }

    public int Count => _rows.Length;

    public static ReferenceCsv Load(string path) => new(path);

    public double? Value(int row, string column)
    {
        var cell = _rows[row][_columns[column]].Trim();
        return cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);
    }

    public double Required(int row, string column) => Value(row, column) ?? throw new InvalidDataException($"{column}[{row}] is empty.");

    /// <summary>Candles from open/high/low/close columns (any may be missing: a close-only file makes flat bars).</summary>
    public Candle[] Candles(string close = "close", string? high = "high", string? low = "low", string? open = "open") =>
        [.. Enumerable.Range(0, Count).Select(i =>
        {
            var c = Required(i, close);
            return new Candle(
                DateTimeOffset.UnixEpoch.AddMinutes(i), open is null ? c : Required(i, open), high is null ? c : Required(i, high),
                low is null ? c : Required(i, low), c);
        })];
}
