namespace PromoStack.Application.Subscriptions;

/// <summary><c>Subscriptions__GraceDays</c>: how long a renewing subscription keeps access with a payment overdue (default 3).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    public int GraceDays { get; set; } = 3;
}
