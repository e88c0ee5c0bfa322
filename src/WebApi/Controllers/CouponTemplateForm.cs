using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// The multipart form of a template: the JSON field <c>template</c> (a <see cref="CouponTemplateRequest"/>) and the
/// image files, one per size (<c>square</c>, <c>story</c>, <c>feed</c>), and the <c>logo</c>. The fields carry no doc
/// comments: the OpenAPI generator would take one for the whole form's description (the action's <c>form</c> parameter says it).
/// </summary>
public sealed class CouponTemplateForm
{
    [FromForm(Name = "template")]
    public string? Template { get; set; }

    [FromForm(Name = "square")]
    public IFormFile? Square { get; set; }

    [FromForm(Name = "story")]
    public IFormFile? Story { get; set; }

    [FromForm(Name = "feed")]
    public IFormFile? Feed { get; set; }

    [FromForm(Name = "logo")]
    public IFormFile? Logo { get; set; }

    /// <summary>The JSON read with the API's own options; what cannot be read is a 400 naming the field it failed at.</summary>
    public CouponTemplateRequest Request(JsonSerializerOptions options)
    {
        if (string.IsNullOrWhiteSpace(Template))
        {
            throw Invalid("template", "The template's fields are required: a JSON field named 'template'.");
        }

        try
        {
            return JsonSerializer.Deserialize<CouponTemplateRequest>(Template, options) ?? throw Invalid("template", "The template's fields are a JSON object.");
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "template";
            throw Invalid(field, "The value is not valid.");
        }
    }

    /// <summary>The file's bytes, or null when none was sent (the request's size limit bounds what is read).</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
