using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A fake Clerk instance on 127.0.0.1: serves its JWKS and the Backend API's user lookup, and signs session
/// tokens with its own key so they go through the app's real validation.
/// </summary>
public sealed class TestIdentityProvider : IDisposable
{
    public const string AuthorizedParty = "http://localhost:3000";
    public const string BackendSecretKey = "sk_test_clerk";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };

    public TestIdentityProvider()
    {
        Server = WireMockServer.Start();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } },
        });
        Server.Given(Request.Create().WithPath("/.well-known/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    public WireMockServer Server { get; }

    public string Issuer => Server.Url!;

    /// <summary>A Clerk-shaped session token; every field can be bent to test a rejection.</summary>
    public string Token(
        string userId,
        string? email = null,
        string? azp = AuthorizedParty,
        string? issuer = null,
        TimeSpan? expiresIn = null,
        SecurityKey? signingKey = null,
        IDictionary<string, object>? extraClaims = null,
        bool emailVerified = true)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = userId, ["sid"] = "sess_test" };
        if (email is not null)
        {
            // A Clerk instance can add these as custom session claims; unverified, the API asks the Backend API.
            claims["email"] = email;
            if (emailVerified)
            {
                claims["email_verified"] = true;
            }
        }

        if (azp is not null)
        {
            claims["azp"] = azp;
        }

        foreach (var (type, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[type] = value;
        }

        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Makes the Backend API know a user's primary email, and whether it is verified.</summary>
    public void KnowsUser(string userId, string email, bool verified = false) =>
        Server.Given(Request.Create().WithPath($"/v1/users/{userId}").UsingGet().WithHeader("Authorization", $"Bearer {BackendSecretKey}"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new
            {
                id = userId,
                primary_email_address_id = "idn_1",
                email_addresses = new[]
                {
                    new { id = "idn_0", email_address = "old@example.com", verification = new { status = "verified" } },
                    new { id = "idn_1", email_address = email, verification = new { status = verified ? "verified" : "unverified" } },
                },
            }));

    /// <summary>Makes the JWKS endpoint fail, as during an identity-provider outage.</summary>
    public void BreakJwks() =>
        Server.Given(Request.Create().WithPath("/.well-known/jwks.json").UsingGet()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(503));

    public void Dispose() => Server.Stop();
}
