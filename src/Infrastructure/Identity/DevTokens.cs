using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PromoStack.Infrastructure.Identity;

/// <summary>
/// Local development tokens: signed by an RSA key kept under <c>.local/</c>, with their own issuer, trusted only
/// when <c>Auth__DevTokens=true</c> (refused in Production). They go through the same validation and sign-in as
/// Clerk tokens; the role always comes from the database.
/// </summary>
public static class DevTokens
{
    public const string Issuer = "promostack-dev";
    public const string KeyId = "promostack-dev-key";

    /// <summary>Development users' ids start with this; a development token for any other user is refused.</summary>
    public const string UserPrefix = "dev_";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Loads the development key, creating it (mode 600) on first use.</summary>
    public static RsaSecurityKey LoadOrCreateKey(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new StreamWriter(path, options);
            file.Write(rsa.ExportPkcs8PrivateKeyPem());
        }

        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }

    public static string Create(SecurityKey key, string userId, string email, DateTimeOffset now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["email"] = email, ["email_verified"] = true },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
}
