using System.Globalization;

namespace PromoStack.Domain.Signals;

/// <summary>
/// A setting name the original system documented (its <c>DATABASE.md</c>) and the keys of ours it stands for.
/// <see cref="SetsFinalTarget"/> is false: every key gets the alias's value. True (<c>tp_multiplier</c>): the value is
/// the last target in ATRs; see <see cref="ValueFor"/>.
/// </summary>
public sealed record ForexSettingAlias(string Name, IReadOnlyList<string> Keys, string Description, bool SetsFinalTarget = false)
{
    /// <summary>Null when <paramref name="value"/> is acceptable for this alias, else why not.</summary>
    public string? Check(string value)
    {
        if (!SetsFinalTarget)
        {
            return Keys.Select(k => ForexSettings.Find(k)!.Check(value)).FirstOrDefault(problem => problem is not null);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var last) && last > 0 && last <= 100
            ? null
            : "must be the last target's distance in ATRs, above 0 and at most 100";
    }

    /// <summary>
    /// What a PUT of this alias (a value <see cref="Check"/> accepts) writes to one of its <see cref="Keys"/>, over that
    /// key's value <paramref name="current"/>: the alias's value itself, or null (back to the default) for null. For
    /// <c>tp_multiplier</c> the targets are scaled so that the last one is the value and TP1 and TP2 keep their
    /// proportion to it (<c>1.2/2.0/2.5</c> with 5 is <c>2.4/4/5</c>); multiples are rounded to 4 decimals.
    /// </summary>
    public string? ValueFor(string? value, string current)
    {
        if (value is null || !SetsFinalTarget)
        {
            return value;
        }

        var last = double.Parse(value, CultureInfo.InvariantCulture);
        var (tp1, tp2, tp3) = ForexSettings.TryParseTargets(current) ?? throw new ArgumentException($"'{current}' is not three targets.", nameof(current));
        if (tp3 == last)
        {
            return current;
        }

        var factor = last / tp3;
        return string.Join('/', new[] { tp1 * factor, tp2 * factor, last }.Select(v => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture)));
    }

    /// <summary>The alias's value in <paramref name="settings"/>: its first key's (for <c>tp_multiplier</c>, that key's last target).</summary>
    public string ValueIn(ForexSettings settings) => SetsFinalTarget
        ? settings.Targets(Keys[0]).Tp3.ToString(CultureInfo.InvariantCulture)
        : settings.Values[Keys[0]];
}

/// <summary>
/// A PUT of settings in our keys: <see cref="Values"/> to write (null: back to the default), or <see cref="Problems"/>
/// by the name the request used.
/// </summary>
public sealed record ForexSettingsUpdate(IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string> Problems);

/// <summary>
/// The setting names the original system documented, accepted by <c>GET</c>/<c>PUT /api/forex/config</c> beside ours:
/// <list type="bullet">
/// <item><c>adx_min_strength</c> is <c>adx_min</c>.</item>
/// <item><c>sl_multiplier</c> sets both <c>aggressive_sl_atr</c> and <c>conservative_sl_atr</c>; it reads as <c>aggressive_sl_atr</c>.</item>
/// <item><c>tp_multiplier</c> is the last target in ATRs: it sets TP3 of both <c>aggressive_tp_atr</c> and
/// <c>conservative_tp_atr</c> and scales each strategy's TP1 and TP2 in proportion (our strategies have three targets, the
/// original had one distance); it reads as <c>aggressive_tp_atr</c>'s TP3. To set the targets one by one, use those keys.</item>
/// <item><c>trading_hours_start</c> and <c>trading_hours_end</c> are <c>trading_start_hour</c> and <c>trading_end_hour</c>:
/// hours of the tenant's time zone, as ours are.</item>
/// <item><c>rsi_oversold</c>, <c>rsi_overbought</c> and <c>active_strategy</c> are our keys already.</item>
/// </list>
/// A PUT of an alias writes our keys (the alias name is never stored).
/// </summary>
public static class ForexSettingAliases
{
    public static IReadOnlyList<ForexSettingAlias> All { get; } =
    [
        new("rsi_oversold", ["rsi_oversold"], "Our key"),
        new("rsi_overbought", ["rsi_overbought"], "Our key"),
        new("adx_min_strength", ["adx_min"], "ADX minimum: adx_min"),
        new("sl_multiplier", ["aggressive_sl_atr", "conservative_sl_atr"], "Stop distance in ATRs: sets both strategies' stop; reads aggressive_sl_atr"),
        new("tp_multiplier", ["aggressive_tp_atr", "conservative_tp_atr"],
            "Last target in ATRs: sets TP3 of both strategies and scales their TP1 and TP2 in proportion; reads aggressive_tp_atr's TP3",
            SetsFinalTarget: true),
        new("trading_hours_start", ["trading_start_hour"], "First hour signals may open, in the tenant's time zone: trading_start_hour"),
        new("trading_hours_end", ["trading_end_hour"], "Hour after which no signal opens, in the tenant's time zone: trading_end_hour"),
        new(ForexSettings.ActiveStrategyKey, [ForexSettings.ActiveStrategyKey], "Our key"),
    ];

    public static ForexSettingAlias? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// <paramref name="requested"/> in our keys: our keys as they are, each alias as the keys it stands for (over their
    /// values in <paramref name="current"/>, or over the value the same request gives the key). An alias whose result for a
    /// key differs from the value the request also gives that key is a problem, as is a <c>tp_multiplier</c> whose scaled
    /// targets no longer check out, as is an alias value that does not check out. Names that are neither are left to the
    /// caller, which refuses them.
    /// </summary>
    public static ForexSettingsUpdate Resolve(IReadOnlyDictionary<string, string?> requested, ForexSettings current)
    {
        var values = requested.Where(r => ForexSettings.Find(r.Key) is not null).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in requested)
        {
            if (ForexSettings.Find(name) is not null || Find(name) is not { } alias)
            {
                continue;
            }

            if (value is not null && alias.Check(value) is { } wrong)
            {
                problems[name] = $"'{value}' {wrong}.";
                continue;
            }

            foreach (var key in alias.Keys)
            {
                var definition = ForexSettings.Find(key)!;
                var named = requested.TryGetValue(key, out var given);
                var over = named && given is not null && definition.Check(given) is null ? given : current.Values[key];
                var result = alias.ValueFor(value, over);
                if (named && !Same(definition, given, result))
                {
                    problems[name] = $"{(value is null ? "null" : $"'{value}'")} sets {key} to {Shown(result)}, but this request also sets {key} to "
                                     + $"{Shown(given)}: send one of the two, or make them agree.";
                    break;
                }

                if (result is not null && definition.Check(result) is { } problem)
                {
                    problems[name] = $"'{value}' would make {key} '{result}', which {problem}: set {key} itself.";
                    break;
                }

                values[key] = result;
            }
        }

        return new ForexSettingsUpdate(values, problems);
    }

    private static string Shown(string? value) => value is null ? "its default" : $"'{value}'";

    /// <summary>Equal as the setting reads them: <c>2</c> and <c>2.0</c> are one stop distance.</summary>
    private static bool Same(ForexSettingDefinition definition, string? a, string? b)
    {
        if (a == b)
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        return definition.Kind switch
        {
            ForexSettingKind.Number or ForexSettingKind.Integer =>
                double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y,
            ForexSettingKind.Targets => ForexSettings.TryParseTargets(a) is { } first && ForexSettings.TryParseTargets(b) == first,
            _ => false,
        };
    }
}
