namespace PromoStack.WebApi;

public static class WebApiLimits
{
    /// <summary>No API body is anywhere near this; larger ones get 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;
}
