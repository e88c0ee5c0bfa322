using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PromoStack.Application.Audience;

/// <summary>
/// Where a page of the audience stopped: the join time and Telegram id of its last user (unique in the tenant), newest first. Opaque to clients
/// (base64url); the next page starts strictly after it, so users joining meanwhile never shift the pages.
/// </summary>
public sealed record AudienceCursor(DateTimeOffset JoinedAt, long TelegramUserId)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{JoinedAt.UtcTicks}.{TelegramUserId}")));

    /// <summary>The cursor a client sent back, or null when it is not one of ours.</summary>
    public static AudienceCursor? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 64 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? new AudienceCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
