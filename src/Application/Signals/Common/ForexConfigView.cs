using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

internal static class ForexConfigView
{
    public static ForexConfigDto Of(IReadOnlyDictionary<string, string> stored)
    {
        var effective = ForexSettings.From(stored).Values;
        var settings = ForexSettings.All.Select(d => new ForexSettingDto(
                d.Key, d.Description, d.Kind.ToString().ToLowerInvariant(), effective[d.Key], !stored.ContainsKey(d.Key) || stored[d.Key] != effective[d.Key],
                d.DefaultValue, d.Kind is ForexSettingKind.Number or ForexSettingKind.Integer ? d.Minimum : null,
                d.Kind is ForexSettingKind.Number or ForexSettingKind.Integer ? d.Maximum : null, d.Choices))
            .ToList();
        return new ForexConfigDto(settings, stored.GetValueOrDefault(ForexConfigStore.PendingStrategyKey));
    }
}
