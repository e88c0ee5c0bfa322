namespace PromoStack.Application.Coupons;

/// <summary>
/// Where the current tenant's template images live: PostgreSQL by default, an S3-compatible bucket by configuration.
/// Keys are the tenant's own (the store keeps tenants apart); an image is written once under a key that names its
/// content, so it can be cached for ever.
/// </summary>
public interface ICouponImageStore
{
    Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>The image, or null when there is none under that key.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The store could not be reached or refused the call (the API answers 503).</summary>
public sealed class ImageStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
