namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// The action reads its request body itself: a file sent as the body in one of these media types, or as the file
/// <see cref="FormField"/> of a multipart form. No parameter says so, so <see cref="FileRequestBodyTransformer"/> documents it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsFileAttribute(string formField, params string[] mediaTypes) : Attribute
{
    public string FormField { get; } = formField;

    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
