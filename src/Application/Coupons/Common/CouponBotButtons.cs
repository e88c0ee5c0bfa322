using System.Globalization;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The coupon bot's buttons. Their data is short ids, never names, so it stays far below Telegram's 64 bytes:
/// <c>cpn:t:{template}</c>, <c>cpn:s:{template}:{size}</c>, <c>cpn:p:{page}</c>, <c>cpn:f:{render}</c>.
/// </summary>
public static class CouponBotButtons
{
    public const string Prefix = "cpn:";

    public static string Template(int id) => $"{Prefix}t:{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Size(int id, CouponSize size) => $"{Prefix}s:{id.ToString(CultureInfo.InvariantCulture)}:{CouponSizes.Name(size)}";

    public static string Page(int page) => $"{Prefix}p:{page.ToString(CultureInfo.InvariantCulture)}";

    public static string File(long renderId) => $"{Prefix}f:{renderId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A press, parsed; null for data this bot never sent (a forged or outdated press).</summary>
    public static CouponPress? Parse(string data)
    {
        var parts = data.Split(':');
        if (parts.Length < 3 || parts[0] != Prefix.TrimEnd(':') || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return (parts[1], parts.Length) switch
        {
            ("t", 3) when id <= int.MaxValue => new CouponPress.ChooseTemplate((int)id),
            ("s", 4) when id <= int.MaxValue && CouponSizes.Parse(parts[3]) is { } size => new CouponPress.ChooseSize((int)id, size),
            ("p", 3) when id <= 1000 => new CouponPress.ShowPage((int)id),
            ("f", 3) => new CouponPress.SendFile(id),
            _ => null,
        };
    }

    public static IReadOnlyList<InlineButton> Row(params InlineButton[] buttons) => buttons;
}

/// <summary>What a press of a coupon bot button asks for.</summary>
public abstract record CouponPress
{
    public sealed record ChooseTemplate(int TemplateId) : CouponPress;

    public sealed record ChooseSize(int TemplateId, CouponSize Size) : CouponPress;

    public sealed record ShowPage(int Page) : CouponPress;

    public sealed record SendFile(long RenderId) : CouponPress;
}
