using System.Collections.ObjectModel;
using System.Globalization;
using PromoStack.Domain.Common;

namespace PromoStack.Domain.Signals;

/// <summary>The kind of a <c>forex_config</c> value, which decides how it is parsed and checked.</summary>
public enum ForexSettingKind
{
    Number,
    Integer,
    Boolean,
    Choice,
    Days,
    Partials,
    Targets,
}

/// <summary>One <c>forex_config</c> key: its meaning, default and allowed range or choices.</summary>
public sealed record ForexSettingDefinition(
    string Key, string Description, ForexSettingKind Kind, string DefaultValue, double Minimum = 0, double Maximum = 0, IReadOnlyList<string>? Choices = null)
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else why not.</summary>
    public string? Check(string value) => Kind switch
    {
        ForexSettingKind.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? InRange(number) : "must be a number",
        ForexSettingKind.Integer => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) ? InRange(integer) : "must be a whole number",
        ForexSettingKind.Boolean => value is "true" or "false" ? null : "must be true or false",
        ForexSettingKind.Choice => Choices!.Contains(value) ? null : $"must be one of {string.Join(", ", Choices!)}",
        ForexSettingKind.Days => ForexSettings.ParseDays(value) is null ? "must list days like mon,tue,wed,thu,fri" : null,
        ForexSettingKind.Partials => ForexSettings.TryParsePartials(value) is null ? "must be three percentages adding up to 100, like 50/30/20" : null,
        ForexSettingKind.Targets => ForexSettings.TryParseTargets(value) is null ? "must be three increasing positive ATR multiples, like 1.2/2.0/2.5" : null,
        _ => "is not supported",
    };

    private string? InRange(double value) =>
        value >= Minimum && value <= Maximum ? null : $"must be between {Minimum.ToString(CultureInfo.InvariantCulture)} and {Maximum.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A tenant's signal engine settings, read from <c>forex_config</c> over the documented defaults. Every key, its
/// default and its range is in <see cref="All"/>; the API rejects anything else.
/// </summary>
public sealed class ForexSettings
{
    public const string ActiveStrategyKey = "active_strategy";

    public static IReadOnlyList<string> Strategies { get; } = ["aggressive", "conservative", "trend_pullback"];

    public static IReadOnlyList<ForexSettingDefinition> All { get; } =
    [
        new(ActiveStrategyKey, "The strategy that opens signals", ForexSettingKind.Choice, "aggressive", Choices: Strategies),
        new("enabled", "Whether the engine checks for signals", ForexSettingKind.Boolean, "false"),
        new("symbol", "The instrument traded", ForexSettingKind.Choice, Instrument.Default.Symbol, Choices: [.. Instrument.All.Select(i => i.Symbol)]),
        new("timeframe", "The candles signals are found on", ForexSettingKind.Choice, "15min", Choices: ["15min", "1h"]),
        new("adx_min", "Minimum ADX (trend strength) for the aggressive and conservative strategies", ForexSettingKind.Number, "15", 0, 100),
        new("rsi_oversold", "RSI below which a BUY is considered", ForexSettingKind.Number, "40", 1, 50),
        new("rsi_overbought", "RSI above which a SELL is considered", ForexSettingKind.Number, "60", 50, 99),
        new("stoch_oversold", "Stochastic %K below which price is oversold", ForexSettingKind.Number, "20", 1, 50),
        new("stoch_overbought", "Stochastic %K above which price is overbought", ForexSettingKind.Number, "80", 50, 99),
        new("aggressive_band_atr", "Aggressive: how close to a Bollinger band counts as a touch, in ATRs", ForexSettingKind.Number, "0.5", 0, 5),
        new("aggressive_sl_atr", "Aggressive: stop distance in ATRs", ForexSettingKind.Number, "1.0", 0.1, 10),
        new("aggressive_tp_atr", "Aggressive: TP1/TP2/TP3 distances in ATRs", ForexSettingKind.Targets, "1.2/2.0/2.5"),
        new("conservative_band_atr", "Conservative: band touch distance in ATRs", ForexSettingKind.Number, "0.3", 0, 5),
        new("conservative_min_confirmations", "Conservative: confirmations needed of band touch, stochastic extreme, MACD momentum", ForexSettingKind.Integer, "2", 1, 3),
        new("conservative_sl_atr", "Conservative: stop distance in ATRs", ForexSettingKind.Number, "2.0", 0.1, 10),
        new("conservative_tp_atr", "Conservative: TP1/TP2/TP3 distances in ATRs", ForexSettingKind.Targets, "2/3/4"),
        new("pullback_session_start_hour", "Trend pullback: first UTC hour of its session", ForexSettingKind.Integer, "7", 0, 23),
        new("pullback_session_end_hour", "Trend pullback: UTC hour its session ends", ForexSettingKind.Integer, "17", 1, 24),
        new("pullback_adx_min", "Trend pullback: minimum ADX", ForexSettingKind.Number, "20", 0, 100),
        new("pullback_ema_atr", "Trend pullback: how close to the 15-minute EMA20 price must be, in ATRs", ForexSettingKind.Number, "0.3", 0, 5),
        new("pullback_max_range_atr", "Trend pullback: the largest trigger candle, in ATRs", ForexSettingKind.Number, "2.5", 0.5, 10),
        new("pullback_sl_atr", "Trend pullback: stop cap in ATRs (the 8-bar swing is used when closer)", ForexSettingKind.Number, "1.2", 0.1, 10),
        new("pullback_min_stop", "Trend pullback: smallest stop distance, in price units", ForexSettingKind.Number, "2.0", 0, 1000),
        new("trading_days", "Days signals may open (tenant's time zone)", ForexSettingKind.Days, "mon,tue,wed,thu,fri"),
        new("trading_start_hour", "First hour signals may open (tenant's time zone)", ForexSettingKind.Integer, "8", 0, 23),
        new("trading_end_hour", "Hour after which no signal opens (tenant's time zone)", ForexSettingKind.Integer, "22", 1, 24),
        new("daily_loss_cap_pips", "No new signal once the day's weighted result is this many pips down", ForexSettingKind.Number, "50", 0, 100000),
        new("pause_after_loss_minutes", "Pause after a losing signal", ForexSettingKind.Integer, "30", 0, 1440),
        new("max_signals_per_day", "Most signals opened per day (tenant's time zone)", ForexSettingKind.Integer, "5", 1, 100),
        new("cooldown_minutes", "Least time between two signals opening", ForexSettingKind.Integer, "20", 0, 1440),
        new("timeout_hours", "An open signal is closed at market after this long", ForexSettingKind.Number, "4", 0.25, 168),
        new("revalidate_after_minutes", "After this long, an open signal is closed when its strategy now signals the other way (0: never)",
            ForexSettingKind.Integer, "90", 0, 10080),
        new("partials", "Percentages closed at TP1/TP2/TP3", ForexSettingKind.Partials, "50/30/20"),
        new("breakeven_after_tp1", "Move the stop to the entry after TP1", ForexSettingKind.Boolean, "true"),
        new("daily_recap", "Post the day's results in the VIP channel (nothing on a day without signals)", ForexSettingKind.Boolean, "true"),
        new("weekly_recap", "Post the week's results in the VIP channel", ForexSettingKind.Boolean, "true"),
        new("weekly_recap_day", "The day the weekly recap is posted", ForexSettingKind.Choice, "fri", Choices: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        new("recap_hour", "The hour recaps are posted (tenant's time zone)", ForexSettingKind.Integer, "22", 0, 23),
        new("trail_to_tp1_after_tp2", "Move the stop to TP1 after TP2", ForexSettingKind.Boolean, "true"),
    ];

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, double> _numbers = [];
    private readonly Dictionary<string, int> _integers = [];
    private readonly IReadOnlySet<DayOfWeek> _tradingDays;

    /// <summary>Numbers and days are parsed once here: the gates and strategies read them at every candle of a backtest.</summary>
    private ForexSettings(Dictionary<string, string> values)
    {
        _values = values;
        foreach (var (key, value) in values)
        {
            if (double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
            {
                _numbers[key] = number;
            }

            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            {
                _integers[key] = integer;
            }
        }

        _tradingDays = new ReadOnlySet<DayOfWeek>(new HashSet<DayOfWeek>(ParseDays(values["trading_days"])!));
    }

    public static ForexSettingDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>The defaults overlaid with <paramref name="stored"/>; a stored value that no longer checks out falls back to its default.</summary>
    public static ForexSettings From(IReadOnlyDictionary<string, string> stored)
    {
        var values = All.ToDictionary(d => d.Key, d => d.DefaultValue);
        foreach (var (key, value) in stored)
        {
            if (Find(key) is { } definition && definition.Check(value) is null)
            {
                values[key] = value;
            }
        }

        return new ForexSettings(values);
    }

    public static ForexSettings Defaults { get; } = From(new Dictionary<string, string>());

    /// <summary>A copy with some values changed (for backtests); unknown keys and bad values throw.</summary>
    public ForexSettings With(IReadOnlyDictionary<string, string> changes)
    {
        var values = new Dictionary<string, string>(_values);
        foreach (var (key, value) in changes)
        {
            var definition = Find(key) ?? throw new DomainException($"Unknown setting '{key}'.");
            if (definition.Check(value) is { } problem)
            {
                throw new DomainException($"{key} '{value}' {problem}.");
            }

            values[key] = value;
        }

        return new ForexSettings(values);
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string ActiveStrategy => _values[ActiveStrategyKey];
    public bool Enabled => _values["enabled"] == "true";
    public Instrument Instrument => Instrument.For(_values["symbol"]);
    public string Timeframe => _values["timeframe"];

    public double Number(string key) => _numbers.TryGetValue(key, out var number) ? number : double.Parse(_values[key], CultureInfo.InvariantCulture);

    public int Integer(string key) => _integers.TryGetValue(key, out var integer) ? integer : int.Parse(_values[key], CultureInfo.InvariantCulture);

    /// <summary>Three ATR multiples (a <see cref="ForexSettingKind.Targets"/> value).</summary>
    public (double Tp1, double Tp2, double Tp3) Targets(string key) => TryParseTargets(_values[key])!.Value;

    public IReadOnlySet<DayOfWeek> TradingDays => _tradingDays;

    public DayOfWeek WeeklyRecapDay => ParseDays(_values["weekly_recap_day"])!.Single();

    public ExitPlan Exits => TryParsePartials(_values["partials"])! with
    {
        BreakevenAfterTp1 = _values["breakeven_after_tp1"] == "true",
        TrailToTp1AfterTp2 = _values["trail_to_tp1_after_tp2"] == "true",
    };

    public TimeSpan Timeout => TimeSpan.FromHours(Number("timeout_hours"));

    internal static IReadOnlySet<DayOfWeek>? ParseDays(string value)
    {
        var names = new Dictionary<string, DayOfWeek>
        {
            ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
            ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
        };
        var days = new HashSet<DayOfWeek>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!names.TryGetValue(part, out var day) || !days.Add(day))
            {
                return null;
            }
        }

        return days.Count == 0 ? null : days;
    }

    internal static (double, double, double)? TryParseTargets(string value)
    {
        var parts = value.Split('/');
        var numbers = new double[3];
        if (parts.Length != 3)
        {
            return null;
        }

        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !(numbers[i] > 0) || numbers[i] > 100
                || (i > 0 && numbers[i] <= numbers[i - 1]))
            {
                return null;
            }
        }

        return (numbers[0], numbers[1], numbers[2]);
    }

    internal static ExitPlan? TryParsePartials(string value)
    {
        try
        {
            return ExitPlan.Parse(value);
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
