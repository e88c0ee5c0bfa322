using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;

namespace PromoStack.Infrastructure.Coupons.Storage;

/// <summary>
/// Template images in an S3-compatible bucket (<c>Coupons__ImageStore__Kind=s3</c>), as private objects under
/// <c>{KeyPrefix}{tenant}/{key}</c>: the API serves them, so no ACL is set and the bucket needs no public access.
/// Requests are signed with SigV4 and sent without the SDK's newer streaming checksums, which several S3-compatible
/// servers refuse. A missing object is null; a refusal (bad keys, no such bucket), a server error or a timeout is an
/// <see cref="ImageStoreUnavailableException"/> naming the bucket and the answer, never a credential.
/// </summary>
public sealed class S3CouponImageStore(IAmazonS3 s3, IOptions<CouponImageStoreOptions> options, ITenantContext tenant) : ICouponImageStore
{
    private readonly CouponImageStoreOptions _options = options.Value;

    /// <summary>The client the app shares (it holds the connection pool); built from validated options.</summary>
    public static IAmazonS3 CreateClient(CouponImageStoreOptions options) =>
        new AmazonS3Client(
            new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey),
            new AmazonS3Config
            {
                ServiceURL = options.ServiceUrl,
                AuthenticationRegion = options.Region,
                ForcePathStyle = options.ForcePathStyle,
                Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                DisableLogging = true,
            });

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = ObjectKey(key),
            InputStream = new MemoryStream(content, writable: false),
            ContentType = contentType,
            UseChunkEncoding = false,
        };
        await CallAsync("store", () => s3.PutObjectAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = _options.Bucket, Key = ObjectKey(key) };
        return await CallAsync("read", async () =>
        {
            try
            {
                using var response = await s3.GetObjectAsync(request, cancellationToken);
                using var content = new MemoryStream(response.ContentLength is > 0 and <= int.MaxValue ? (int)response.ContentLength : 0);
                await response.ResponseStream.CopyToAsync(content, cancellationToken);
                return content.ToArray();
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
            {
                return null;
            }
        }, cancellationToken);
    }

    private string ObjectKey(string key) => $"{_options.NormalizedKeyPrefix}{tenant.RequiredTenantId}/{CouponImageKey.Checked(key)}";

    private async Task<T> CallAsync<T>(string action, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException exception)
        {
            throw new ImageStoreUnavailableException(
                $"The image store (bucket '{_options.Bucket}') could not {action} an image: HTTP {(int)exception.StatusCode} {exception.ErrorCode}.", exception);
        }
        catch (Exception exception) when (exception is AmazonClientException or HttpRequestException or IOException or TimeoutException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ImageStoreUnavailableException(
                $"The image store (bucket '{_options.Bucket}') could not {action} an image: {(exception is OperationCanceledException or TimeoutException ? "timed out" : "unreachable")}.",
                exception);
        }
    }
}
