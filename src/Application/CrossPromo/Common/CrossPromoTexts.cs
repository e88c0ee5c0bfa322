using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Signals;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.CrossPromo;

/// <summary>The texts of the posts, from the tenant's own data; no line that would be empty or misleading.</summary>
internal sealed class CrossPromoTexts(IAppDbContext db, IMarketData market, IMarketNews news)
{
    public async Task<CrossPromoPreview> MorningNewsAsync(TimeZoneInfo zone, DateOnly day, CancellationToken cancellationToken)
    {
        var source = market.IsReplay ? SignalSource.Demo : SignalSource.Live;
        var lines = new List<string>();
        foreach (var (label, from) in new[] { ("Yesterday", day.AddDays(-1)), ("Last 7 days", day.AddDays(-7)) })
        {
            var start = ZonedTime.Instant(from, TimeOnly.MinValue, zone);
            var end = ZonedTime.Instant(day, TimeOnly.MinValue, zone);
            var closed = await db.ForexSignals.AsNoTracking()
                .Where(s => s.Source == source && s.ClosedAt >= start && s.ClosedAt < end && s.ResultPips != null)
                .Select(s => s.ResultPips!.Value).ToListAsync(cancellationToken);
            if (closed.Count > 0)
            {
                var pips = closed.Sum();
                var result = pips == 0 ? "flat" : $"{pips.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)} pips";
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {closed.Count} signal{(closed.Count == 1 ? string.Empty : "s")}, {closed.Count(p => p > 0)} won, <b>{result}</b>"));
            }
        }

        var settings = await ForexConfigStore.SettingsAsync(db, cancellationToken);
        try
        {
            var price = await market.LatestPriceAsync(settings.Instrument, cancellationToken);
            lines.Add($"{TelegramHtml.Escape(settings.Instrument.Symbol)} now: <b>{price.ToString($"N{settings.Instrument.PriceDecimals}", CultureInfo.InvariantCulture)}</b>");
        }
        catch (MarketDataUnavailableException)
        {
            // No price line rather than a stale or made-up one.
        }

        lines.AddRange((await news.HeadlinesAsync(settings.Instrument, 3, cancellationToken))
            .Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => $"📰 {TelegramHtml.Escape(h.Trim())}"));

        return lines.Count == 0
            ? new CrossPromoPreview(null, "Nothing to report: no closed signals in the last 7 days and no price available.")
            : new CrossPromoPreview($"☀️ <b>Good morning!</b>\n{string.Join('\n', lines)}", null);
    }

    public static string Teaser => "🔒 <b>VIP members get every setup live, with entries, stops and targets.</b>\nJoin them today.";

    public static string WinningCta => "✅ <b>This VIP signal just hit its first target.</b> Members had it live.";
}
