using Mediator;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Common;

namespace PromoStack.Application.CrossPromo;

/// <summary>Today's morning post as it would go out, without sending it.</summary>
public sealed record PreviewMorningNews : ITenantQuery<CrossPromoPreview>;

public sealed record CrossPromoPreview(string? Text, string? WhyNothing);

internal sealed class PreviewMorningNewsHandler(CrossPromoSettingsStore store, CrossPromoTexts texts, TimeProvider clock) : IQueryHandler<PreviewMorningNews, CrossPromoPreview>
{
    public async ValueTask<CrossPromoPreview> Handle(PreviewMorningNews query, CancellationToken cancellationToken)
    {
        var settings = await store.LoadAsync(track: false, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
        return await texts.MorningNewsAsync(zone, ZonedTime.Today(clock.GetUtcNow(), zone), cancellationToken);
    }
}
