using System.Net;
using Microsoft.Extensions.Options;
using PromoStack.Application.Stripe;
using Stripe;

namespace PromoStack.Infrastructure.Stripe;

/// <summary><c>Stripe__ApiBase</c> (default Stripe's own) and the request timeout.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string ApiBase { get; set; } = "https://api.stripe.com";
    public int TimeoutSeconds { get; set; } = 20;
}

/// <summary>
/// Stripe through Stripe.net, one client per tenant key, against <c>Stripe__ApiBase</c>. Refusals (bad key, unknown
/// account) become <see cref="StripeRejectedException"/> with Stripe's message; network failures and Stripe's own
/// errors become <see cref="StripeUnavailableException"/>. The key is never part of a message.
/// </summary>
public sealed class StripeGateway(IHttpClientFactory httpClients, IOptions<StripeOptions> options) : IStripeGateway
{
    public const string HttpClientName = "stripe";

    public async Task CheckAccessAsync(StripeAccess access, CancellationToken cancellationToken) =>
        await CallAsync(async () => await new BalanceService(Client(access)).GetAsync(Options(access), cancellationToken));

    public async Task<StripeCatalog> ReadCatalogAsync(StripeAccess access, CancellationToken cancellationToken) =>
        await CallAsync(async () =>
        {
            var client = Client(access);
            var products = new List<StripeCatalogProduct>();
            await foreach (var product in new ProductService(client).ListAutoPagingAsync(new ProductListOptions { Limit = 100 }, Options(access), cancellationToken))
            {
                products.Add(new StripeCatalogProduct(product.Id, product.Name, product.Description, product.Active));
            }

            var prices = new List<StripeCatalogPrice>();
            await foreach (var price in new PriceService(client).ListAutoPagingAsync(new PriceListOptions { Limit = 100 }, Options(access), cancellationToken))
            {
                prices.Add(new StripeCatalogPrice(
                    price.Id, price.ProductId, price.Currency, price.UnitAmount, price.Recurring?.Interval, (int?)price.Recurring?.IntervalCount, price.Nickname,
                    price.Active));
            }

            return new StripeCatalog(products, prices);
        });

    public async Task CancelSubscriptionAsync(StripeAccess access, string stripeSubscriptionId, CancellationToken cancellationToken) =>
        await CallAsync(async () =>
        {
            try
            {
                return await new SubscriptionService(Client(access)).CancelAsync(stripeSubscriptionId, null, Options(access), cancellationToken);
            }
            catch (StripeException exception) when (exception.HttpStatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });

    public async Task SetCancelAtPeriodEndAsync(StripeAccess access, string stripeSubscriptionId, bool cancel, CancellationToken cancellationToken) =>
        await CallAsync(async () => await new SubscriptionService(Client(access)).UpdateAsync(
            stripeSubscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = cancel }, Options(access), cancellationToken));

    public async Task<StripeCheckout> CreateCheckoutAsync(StripeAccess access, StripeCheckoutRequest request, CancellationToken cancellationToken) =>
        await CallAsync(async () =>
        {
            var metadata = request.Metadata.ToDictionary(m => m.Key, m => m.Value);
            var options = new global::Stripe.Checkout.SessionCreateOptions
            {
                Mode = request.Recurring ? "subscription" : "payment",
                LineItems = [new global::Stripe.Checkout.SessionLineItemOptions { Price = request.PriceId, Quantity = 1 }],
                CustomerEmail = request.Email,
                ClientReferenceId = request.ClientReferenceId,

                // A one-time payment makes no customer unless asked, and its refund would then name none: with one,
                // charge.refunded finds the lifetime subscription it must end.
                CustomerCreation = request.Recurring ? null : "always",
                SuccessUrl = request.SuccessUrl,
                CancelUrl = request.CancelUrl,
                Metadata = metadata,
                SubscriptionData = request.Recurring ? new global::Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = metadata } : null,

                // Copied onto the charge: a refund names our subscription even when it arrives before the checkout's completion.
                PaymentIntentData = request.Recurring ? null : new global::Stripe.Checkout.SessionPaymentIntentDataOptions { Metadata = metadata },
            };
            var session = await new global::Stripe.Checkout.SessionService(Client(access)).CreateAsync(options, Options(access), cancellationToken);
            return new StripeCheckout(session.Id, session.Url);
        });

    private StripeClient Client(StripeAccess access)
    {
        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = access.SecretKey,
            ApiBase = options.Value.ApiBase,
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 1),
        });
    }

    private static RequestOptions? Options(StripeAccess access) => access.AccountId is null ? null : new RequestOptions { StripeAccount = access.AccountId };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException exception) when (exception.HttpStatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
                                                    or HttpStatusCode.NotFound or HttpStatusCode.PaymentRequired)
        {
            throw new StripeRejectedException($"Stripe refused: {exception.StripeError?.Message ?? exception.Message}");
        }
        catch (StripeException exception)
        {
            throw new StripeUnavailableException($"Stripe failed ({(int)exception.HttpStatusCode}); try again.", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new StripeUnavailableException("Stripe is unreachable; try again.", exception);
        }
    }
}
