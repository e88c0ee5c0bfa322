using Microsoft.AspNetCore.Mvc;

namespace PromoStack.WebApi.Errors;

/// <summary>
/// Binding failures (malformed JSON, wrong types, unknown enum values, missing fields) as a 400 whose field names
/// are the JSON names, e.g. <c>role</c> rather than <c>$.role</c>.
/// </summary>
public static class InvalidModelState
{
    public static IActionResult Respond(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
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
