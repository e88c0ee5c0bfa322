using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary><c>Subscriptions__GraceDays</c>: how long a renewing subscription keeps access with a payment overdue (default 3).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    public int GraceDays { get; set; } = 3;
}
