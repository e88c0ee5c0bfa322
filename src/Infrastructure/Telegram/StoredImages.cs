using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Stored images in queued Bot API calls: the queued call names the image (<c>promostack:stored-image:42</c>), never
/// its bytes; just before the call is made the name is swapped for the image itself, read in the row's tenant, so
/// the call goes out as a multipart upload. An image that is gone (kept a day) makes the call fail for good.
/// </summary>
public sealed class StoredImages(TenantScopes tenantScopes)
{
    private const string Prefix = "promostack:stored-image:";

    public static string Reference(long id) => Prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Replaces the stored-image names in a photo, document or album call with the images; false if one is gone.</summary>
    public async Task<bool> AttachAsync(string tenantId, object request, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case SendPhotoRequest photo when Id(photo.Photo) is { } photoId:
                return await LoadAsync(tenantId, photoId, cancellationToken) is { } photoFile && Set(() => photo.Photo = photoFile);
            case SendDocumentRequest document when Id(document.Document) is { } documentId:
                return await LoadAsync(tenantId, documentId, cancellationToken) is { } documentFile && Set(() => document.Document = documentFile);
            case SendMediaGroupRequest album:
                foreach (var media in album.Media.OfType<InputMediaPhoto>())
                {
                    if (Id(media.Media) is { } mediaId)
                    {
                        if (await LoadAsync(tenantId, mediaId, cancellationToken) is not { } mediaFile)
                        {
                            return false;
                        }

                        media.Media = mediaFile;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    private static long? Id(InputFile? file) =>
        (file switch { InputFileId named => named.Id, InputFileUrl url => url.Url.OriginalString, _ => null }) is { } value
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && long.TryParse(value.AsSpan(Prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private Task<InputFileStream?> LoadAsync(string tenantId, long id, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(tenantId, async (services, ct) =>
        {
            var image = await services.GetRequiredService<AppDbContext>().CouponRenders.AsNoTracking()
                .Where(r => r.Id == id).Select(r => new { r.FileName, r.Content }).SingleOrDefaultAsync(ct);
            return image is null ? null : InputFile.FromStream(new MemoryStream(image.Content, writable: false), image.FileName);
        }, cancellationToken);
}
