namespace PromoStack.Domain.Coupons;

/// <summary>
/// The device an attempt came from, stored in <c>bot_usage.device_type</c>: <c>unknown</c> from Telegram (the Bot API
/// exposes none), else from the web generator's User-Agent client hints.
/// </summary>
public enum DeviceType
{
    Unknown,
    Mobile,
    Desktop,
    Tablet,
}

public static class DeviceTypes
{
    public static string Name(DeviceType type) => type.ToString().ToLowerInvariant();

    /// <summary>
    /// From the client hints first (<c>Sec-CH-UA-Mobile: ?1</c>, <c>Sec-CH-UA-Platform</c>), else the User-Agent;
    /// nothing recognisable is <see cref="DeviceType.Unknown"/>.
    /// </summary>
    public static DeviceType FromHints(string? mobileHint, string? platformHint, string? userAgent)
    {
        if (mobileHint?.Trim() == "?1")
        {
            return DeviceType.Mobile;
        }

        var ua = userAgent ?? string.Empty;
        if (ua.Contains("iPad", StringComparison.OrdinalIgnoreCase) || ua.Contains("Tablet", StringComparison.OrdinalIgnoreCase)
            || (ua.Contains("Android", StringComparison.OrdinalIgnoreCase) && !ua.Contains("Mobile", StringComparison.OrdinalIgnoreCase)))
        {
            return DeviceType.Tablet;
        }

        if (ua.Contains("Mobi", StringComparison.OrdinalIgnoreCase) || ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase))
        {
            return DeviceType.Mobile;
        }

        if (mobileHint?.Trim() == "?0" || ua.Contains("Windows NT", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("Macintosh", StringComparison.OrdinalIgnoreCase) || ua.Contains("X11", StringComparison.OrdinalIgnoreCase)
            || platformHint?.Trim('"') is "Windows" or "macOS" or "Linux" or "Chrome OS")
        {
            return DeviceType.Desktop;
        }

        return DeviceType.Unknown;
    }
}
