namespace PromoStack.Domain.Signals.Indicators;

/// <summary>An EMA seeded with the simple mean of its first <c>period</c> values, then prev + k(x − prev); NaN while it warms up.</summary>
internal struct SeededEma(int period)
{
    private readonly double _k = 2.0 / (period + 1);
    private int _count;
    private double _value;

    public double Add(double value)
    {
        _count++;
        if (_count < period)
        {
            _value += value;
            return double.NaN;
        }

        _value = _count == period ? (_value + value) / period : _value + (_k * (value - _value));
        return _value;
    }
}
