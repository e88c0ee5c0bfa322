using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>One setting of a tenant's signal engine (<c>rsi_oversold</c>, <c>active_strategy</c>, …).</summary>
public sealed class ForexConfig : TenantSetting
{
    private ForexConfig(string tenantId, string settingKey, string settingValue)
        : base(tenantId, settingKey, settingValue)
    {
    }

    public static ForexConfig Create(string tenantId, string key, string value) => new(tenantId, key, value);
}
