using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Infrastructure.Webhooks;

namespace PromoStack.WebApi.Webhooks;

/// <summary>The answer both webhooks give a source over its limits.</summary>
public static class WebhookAnswers
{
    /// <summary>429 with <c>Retry-After</c>: when the source's counting window ends.</summary>
    public static ObjectResult TooManyRequests(this ControllerBase controller, WebhookSource source)
    {
        controller.Response.Headers.RetryAfter = Math.Ceiling(source.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return controller.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            detail: "Too many failed deliveries from this address, or too many deliveries: try again after the Retry-After delay.");
    }
}
