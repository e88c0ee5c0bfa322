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

    /// <summary>Replaces the stored-image names in a photo, document or album call with the images (read in one query); false if one is gone.</summary>
    public async Task<bool> AttachAsync(string tenantId, object request, CancellationToken cancellationToken)
    {
        var named = Slots(request).Select(slot => (Id: Id(slot.File), slot.Assign)).Where(slot => slot.Id is not null).ToList();
        if (named.Count == 0)
        {
            return true;
        }

        var images = await LoadAsync(tenantId, [.. named.Select(slot => slot.Id!.Value).Distinct()], cancellationToken);
        if (named.Any(slot => !images.ContainsKey(slot.Id!.Value)))
        {
            return false;
        }

        foreach (var (id, assign) in named)
        {
            var image = images[id!.Value];
            assign(InputFile.FromStream(new MemoryStream(image.Content, writable: false), image.FileName));
        }

        return true;
    }

    /// <summary>Where a call carries files, and how each is replaced.</summary>
    private static IEnumerable<(InputFile? File, Action<InputFile> Assign)> Slots(object request)
    {
        switch (request)
        {
            case SendPhotoRequest photo:
                yield return (photo.Photo, file => photo.Photo = file);
                break;
            case SendDocumentRequest document:
                yield return (document.Document, file => document.Document = file);
                break;
            case SendMediaGroupRequest album:
                foreach (var media in album.Media.OfType<InputMediaPhoto>())
                {
                    yield return (media.Media, file => media.Media = file);
                }

                break;
        }
    }

    private static long? Id(InputFile? file) =>
        (file switch { InputFileId named => named.Id, InputFileUrl url => url.Url.OriginalString, _ => null }) is { } value
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && long.TryParse(value.AsSpan(Prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private Task<Dictionary<long, StoredImage>> LoadAsync(string tenantId, long[] ids, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(tenantId, (services, ct) => services.GetRequiredService<AppDbContext>().CouponRenders.AsNoTracking()
            .Where(r => ids.Contains(r.Id)).Select(r => new StoredImage(r.Id, r.FileName, r.Content)).ToDictionaryAsync(r => r.Id, ct), cancellationToken);

    private sealed record StoredImage(long Id, string FileName, byte[] Content);
}
