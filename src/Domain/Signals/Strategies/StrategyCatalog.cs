namespace PromoStack.Domain.Signals.Strategies;

public static class StrategyCatalog
{
    public static IReadOnlyList<IStrategy> All { get; } = [new AggressiveStrategy(), new ConservativeStrategy(), new TrendPullbackStrategy()];

    public static IStrategy For(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new Common.DomainException($"Unknown strategy '{name}'. Known: {string.Join(", ", All.Select(s => s.Name))}.");
}
