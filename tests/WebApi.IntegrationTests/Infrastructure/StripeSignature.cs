using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>Stripe's webhook signature: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(key = the whole whsec_ secret, "t.body")&gt;</c>.</summary>
public static class StripeSignature
{
    public static string Header(string body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
