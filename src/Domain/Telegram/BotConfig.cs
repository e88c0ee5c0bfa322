using PromoStack.Domain.Common;

namespace PromoStack.Domain.Telegram;

/// <summary>One setting of a tenant's bots (welcome text, help text, …).</summary>
public sealed class BotConfig : TenantSetting
{
    private BotConfig(string tenantId, string settingKey, string settingValue)
        : base(tenantId, settingKey, settingValue)
    {
    }

    public static BotConfig Create(string tenantId, string key, string value) => new(tenantId, key, value);
}
