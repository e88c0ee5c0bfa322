namespace PromoStack.Domain.Signals.Strategies;

internal static class Proposals
{
    public static SignalProposal AtrBased(
        SignalDirection direction, double entry, double atr, double stopAtr, (double Tp1, double Tp2, double Tp3) targets, IReadOnlyDictionary<string, double> used)
    {
        var sign = direction == SignalDirection.Buy ? 1 : -1;
        return new SignalProposal(
            direction, entry, entry - (sign * stopAtr * atr), entry + (sign * targets.Tp1 * atr), entry + (sign * targets.Tp2 * atr),
            entry + (sign * targets.Tp3 * atr), used);
    }
}
