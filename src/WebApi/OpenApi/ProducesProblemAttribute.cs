namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// The action can also answer this error, for the reason given (a conflict, an outside service that is down, a 400 or
/// 404 no parameter explains). <see cref="ProblemResponsesTransformer"/> documents it as problem details. Unlike
/// <c>[ProducesResponseType]</c>, it leaves the action's success response to be inferred from its return type.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesProblemAttribute(int statusCode, string description) : Attribute
{
    public int StatusCode { get; } = statusCode;

    public string Description { get; } = description;
}
