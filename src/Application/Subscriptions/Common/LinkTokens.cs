using System.Security.Cryptography;
using System.Text;

namespace PromoStack.Application.Subscriptions;

public static class LinkTokens
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
