using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

public static class LinkTokens
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
