namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// The action answers 200 with a file of these media types, besides any JSON it declares for 200. ApiExplorer keeps one
/// response type per status code, and leaves out the 200 an action does not declare once it declares another status
/// (a 304), so <see cref="FileResponseTransformer"/> adds these to the document.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesFileAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
