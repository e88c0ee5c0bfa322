using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PromoStack.WebApi.Errors;

/// <summary>
/// Binding failures (malformed JSON, wrong types, unknown enum values, missing fields) as a 400 whose field names
/// are the JSON names, e.g. <c>role</c> rather than <c>$.role</c>.
/// </summary>
public static class InvalidModelState
{
    public static IActionResult Respond(ActionContext context)
    {
        // When the body could not be read, its parameter is also reported missing; the reader's error says more.
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var failed = context.ModelState.Where(entry => entry.Value is { Errors.Count: > 0 }).ToList();
        if (failed.Any(entry => !bodyParameters.Contains(entry.Key)))
        {
            failed.RemoveAll(entry => bodyParameters.Contains(entry.Key));
        }

        var errors = failed
            .GroupBy(entry => FieldName(entry.Key))
            .ToDictionary(
                group => group.Key,
                group => group.SelectMany(entry => entry.Value!.Errors)
                    .Select(error => string.IsNullOrEmpty(error.ErrorMessage) ? "The value is invalid." : error.ErrorMessage)
                    .Distinct()
                    .ToArray());
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The request could not be read: check the fields listed.",
        };
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static string FieldName(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key == "$" ? "body" : key;
        return ProblemDetailsExceptionHandler.JsonName(name);
    }
}
