namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// The action can also answer 200 with a file of these media types, besides its declared response. ApiExplorer keeps
/// one response type per status code, so <see cref="FileResponseTransformer"/> adds these to the document.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesFileAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
