using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Stripe;

public sealed record GetStripeSettings : ITenantQuery<StripeSettingsDto>;

internal sealed class GetStripeSettingsHandler(IAppDbContext db, ISecretProtector secrets) : IQueryHandler<GetStripeSettings, StripeSettingsDto>
{
    public async ValueTask<StripeSettingsDto> Handle(GetStripeSettings query, CancellationToken cancellationToken) =>
        StripeSettingsView.Of(await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken), secrets);
}
