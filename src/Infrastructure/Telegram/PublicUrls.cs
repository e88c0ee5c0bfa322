using Microsoft.Extensions.Options;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Telegram;

public sealed class PublicUrls(IOptions<AppOptions> options) : IPublicUrls
{
    public Uri TelegramWebhook(Guid publicId) =>
        new($"{Base}/api/telegram/{publicId:D}/webhook");

    public Uri StripeWebhook(string tenantId) => new($"{Base}/api/stripe/webhook/{Uri.EscapeDataString(tenantId)}");

    private string Base => options.Value.PublicBaseUrl is { Length: > 0 } url
        ? url.TrimEnd('/')
        : throw new ConflictException("App__PublicBaseUrl is not configured, so Telegram has nowhere to send updates: set it and try again.");
}
