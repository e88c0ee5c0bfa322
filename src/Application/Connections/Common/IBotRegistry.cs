namespace PromoStack.Application.Connections;

/// <summary>Cross-tenant facts about bots, answered by the tenancy directory.</summary>
public interface IBotRegistry
{
    /// <summary>Whether another tenant has connected this bot (one bot has one webhook, so it can serve one tenant).</summary>
    Task<bool> IsConnectedToAnotherTenantAsync(long botTelegramId, CancellationToken cancellationToken);
}
