namespace PromoStack.Domain.Common;

/// <summary>One key/value setting of a tenant (the signal engine's <c>forex_config</c>, the bots' <c>bot_config</c>).</summary>
public abstract class TenantSetting : ITenantOwned
{
    public const int KeyMaxLength = 100;

    protected TenantSetting(string tenantId, string settingKey, string settingValue)
    {
        TenantId = tenantId;
        SettingKey = Guard.NotBlank(settingKey, "Setting key", KeyMaxLength);
        SettingValue = settingValue;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string SettingKey { get; private set; }
    public string SettingValue { get; private set; }

    public void Change(string value) => SettingValue = value;
}
