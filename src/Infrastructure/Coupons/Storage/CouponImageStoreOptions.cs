namespace PromoStack.Infrastructure.Coupons.Storage;

/// <summary>
/// <c>Coupons__ImageStore__*</c>: where template images live. <c>Kind</c> is <c>postgres</c> (the default: the
/// <c>coupon_images</c> table, nothing else to run) or <c>s3</c>: a bucket at any S3-compatible endpoint (AWS,
/// Cloudflare R2, DigitalOcean Spaces, MinIO), whose objects stay private (the API serves them). The secret key is
/// never logged nor put in a message.
/// </summary>
public sealed class CouponImageStoreOptions
{
    public const string Section = "Coupons:ImageStore";

    public string? Kind { get; set; }

    /// <summary>The endpoint, e.g. <c>https://s3.eu-west-1.amazonaws.com</c> or <c>https://ACCOUNT.r2.cloudflarestorage.com</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region requests are signed for (<c>auto</c> for R2, <c>us-east-1</c> for most MinIO set-ups).</summary>
    public string? Region { get; set; }

    public string? Bucket { get; set; }

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Path-style URLs (<c>endpoint/bucket/key</c>), which every S3-compatible server understands.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Put before every object key, e.g. <c>coupons/</c> to share a bucket (a missing trailing slash is added).</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>How long one request to the bucket may take before the store is called unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The kind in force: the configured one, or <c>postgres</c>.</summary>
    public string KindOrDefault => string.IsNullOrWhiteSpace(Kind) ? Kinds.Postgres : Kind.Trim().ToLowerInvariant();

    /// <summary>The key prefix as used: no leading slash, one trailing slash, or empty.</summary>
    public string NormalizedKeyPrefix => KeyPrefix?.Trim().Trim('/') is { Length: > 0 } prefix ? prefix + "/" : string.Empty;

    /// <summary>What stops start-up, each naming its environment variable (never a value of a secret).</summary>
    public IEnumerable<string> Problems()
    {
        if (!Kinds.All.Contains(KindOrDefault))
        {
            yield return $"Coupons__ImageStore__Kind '{Kind}' is not one of: {string.Join(", ", Kinds.All)}.";
            yield break;
        }

        if (KindOrDefault != Kinds.S3)
        {
            yield break;
        }

        foreach (var (name, value) in new[]
                 {
                     ("ServiceUrl", ServiceUrl), ("Region", Region), ("Bucket", Bucket), ("AccessKeyId", AccessKeyId), ("SecretAccessKey", SecretAccessKey),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"Coupons__ImageStore__{name} is required when Coupons__ImageStore__Kind=s3.";
            }
        }

        if (!string.IsNullOrWhiteSpace(ServiceUrl)
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return $"Coupons__ImageStore__ServiceUrl '{ServiceUrl}' is not an absolute http(s) URL.";
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            yield return "Coupons__ImageStore__TimeoutSeconds is 1 to 300.";
        }
    }

    public static class Kinds
    {
        public const string Postgres = "postgres";
        public const string S3 = "s3";

        public static readonly string[] All = [Postgres, S3];
    }
}
