using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

internal static class ForexConfigView
{
    public static ForexConfigDto Of(IReadOnlyDictionary<string, string> stored)
    {
        var current = ForexSettings.From(stored);
        var effective = current.Values;
        var settings = ForexSettings.All.Select(d => new ForexSettingDto(
                d.Key, d.Description, d.Kind.ToString().ToLowerInvariant(), effective[d.Key], !stored.ContainsKey(d.Key) || stored[d.Key] != effective[d.Key],
                d.DefaultValue, d.Kind is ForexSettingKind.Number or ForexSettingKind.Integer ? d.Minimum : null,
                d.Kind is ForexSettingKind.Number or ForexSettingKind.Integer ? d.Maximum : null, d.Choices))
            .ToList();
        var aliases = ForexSettingAliases.All.ToDictionary(a => a.Name, a => new ForexSettingAliasDto(a.Keys, a.ValueIn(current), a.Description));
        var unknown = stored.Where(s => ForexSettings.Find(s.Key) is null && s.Key != ForexConfigStore.PendingStrategyKey)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ForexUnknownSettingDto(s.Key, s.Value))
            .ToList();
        return new ForexConfigDto(settings, stored.GetValueOrDefault(ForexConfigStore.PendingStrategyKey), aliases, unknown);
    }
}
