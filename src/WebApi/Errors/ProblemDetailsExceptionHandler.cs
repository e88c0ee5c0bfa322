using System.Diagnostics;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Coupons;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.WebApi.Errors;

/// <summary>
/// The one place exceptions become HTTP answers: 400 with field errors, 403, 404, 409 for broken rules and
/// illegal transitions (a stale template edit also carries <c>currentVersion</c>), 413 for oversized bodies, 503 when
/// an outside service or the image store is unavailable (or a Stripe event comes before what it refers to), 400 when
/// one refuses, and 500 with a trace id and nothing internal.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request is malformed."),
            NotFoundException => Problem(StatusCodes.Status404NotFound, exception.Message),
            ForbiddenException => Problem(StatusCodes.Status403Forbidden, exception.Message),
            MissingTenantException => Problem(StatusCodes.Status403Forbidden, "You do not belong to a tenant yet: create one with POST /api/tenants."),
            StaleTemplateException stale => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Detail = exception.Message, Extensions = { ["currentVersion"] = stale.CurrentVersion },
            },
            ConflictException or DomainException => Problem(StatusCodes.Status409Conflict, exception.Message),
            OutsideServiceUnavailableException or StripeEventNotYetApplicableException or ImageStoreUnavailableException =>
                Problem(StatusCodes.Status503ServiceUnavailable, exception.Message),
            CouponRenderException => Problem(StatusCodes.Status503ServiceUnavailable, "The image could not be made right now; try again in a minute."),
            OutsideServiceRejectedException => Problem(StatusCodes.Status400BadRequest, exception.Message),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred. Quote the trace id when reporting it.");
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    private static ValidationProblemDetails ValidationProblem(ValidationException exception) =>
        new(exception.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "One or more fields are invalid.",
        };

    /// <summary>Field errors use the JSON (camelCase) names the client sent.</summary>
    internal static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
