using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>One setting of a tenant's signal engine (<c>rsi_oversold</c>, <c>active_strategy</c>, …).</summary>
public sealed class ForexConfig : ITenantOwned
{
    private ForexConfig(string tenantId, string settingKey, string settingValue)
    {
        TenantId = tenantId;
        SettingKey = settingKey;
        SettingValue = settingValue;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string SettingKey { get; private set; }
    public string SettingValue { get; private set; }

    public static ForexConfig Create(string tenantId, string key, string value) =>
        new(tenantId, Guard.NotBlank(key, "Setting key", 100), value);

    public void Change(string value) => SettingValue = value;
}
