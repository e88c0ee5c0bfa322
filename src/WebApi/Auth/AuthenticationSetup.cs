using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Identity;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.WebApi.Auth;

/// <summary>
/// Clerk session tokens (RS256): issuer fixed by configuration, keys from the configured JWKS URL, <c>azp</c>
/// checked against the authorized parties (outside Development a token must carry one: a token minted for no origin
/// is not the admin app's), lifetime with a small skew. After validation the user is signed in against the database, which
/// alone decides tenant and role.
/// </summary>
public static class AuthenticationSetup
{
    private const string IdentityType = "PromoStack";

    /// <summary>
    /// The workspace (tenant id) a request acts in, for a user who belongs to several; with one membership it is
    /// implied. A workspace the user does not belong to gives no tenant (tenant endpoints answer 403).
    /// </summary>
    public const string WorkspaceHeader = "X-PromoStack-Tenant";

    public static IServiceCollection AddPromoStackAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Development alone accepts a token minted for no origin (local tools); Production and every environment like it refuse it.
        var requireAuthorizedParty = !environment.IsDevelopment();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var issuers = new List<string>();
        if (!string.IsNullOrWhiteSpace(auth.Issuer))
        {
            // Clerk's `iss` has no trailing slash; a configured one with or without it means the same issuer.
            issuers.Add(auth.Issuer.TrimEnd('/'));
            issuers.Add(auth.Issuer.TrimEnd('/') + "/");
        }

        SecurityKey? devKey = null;
        if (auth.DevTokens)
        {
            devKey = DevTokens.LoadOrCreateKey(auth.DevKeyPath);
            issuers.Add(DevTokens.Issuer);
        }

        services.AddHttpClient(nameof(JwksConfigurationManager), http => http.Timeout = TimeSpan.FromSeconds(auth.JwksTimeoutSeconds));
        services.AddSingleton(sp => new JwksConfigurationManager(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksConfigurationManager)),
            string.IsNullOrWhiteSpace(auth.Issuer) ? null : auth.ResolvedJwksUrl,
            devKey,
            sp.GetRequiredService<TimeProvider>()));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<JwksConfigurationManager>((options, keys) =>
        {
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = false;
            options.ConfigurationManager = keys;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidateIssuer = true,
                ValidateAudience = false,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,

                // Each key signs for its own issuer only: the development key can never vouch for a Clerk issuer's
                // token, nor a Clerk key for a development one.
                ValidateIssuerSigningKey = true,
                IssuerSigningKeyValidator = (key, token, _) =>
                    token is JsonWebToken jwt && (jwt.Issuer == DevTokens.Issuer) == (devKey is not null && ReferenceEquals(key, devKey)),
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
                NameClaimType = "sub",
            };
            options.Events = new JwtBearerEvents { OnTokenValidated = context => SignInAsync(context, auth, requireAuthorizedParty) };
        });

        services.AddSingleton<IAuthorizationHandler, ExplicitAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())

            // Every endpoint says who may call it; one that says nothing is refused (see ExplicitAuthorizationRequired).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().AddRequirements(new ExplicitAuthorizationRequired()).Build())
            .AddPolicy(Policies.TenantMember, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasOwnClaim(c.User, PromoStackClaims.Tenant, null)))
            .AddPolicy(Policies.TenantAdmin, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                HasOwnClaim(c.User, PromoStackClaims.Tenant, null) && HasOwnClaim(c.User, PromoStackClaims.Role, "admin")))
            .AddPolicy(Policies.PlatformOperator, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => HasOwnClaim(c.User, PromoStackClaims.PlatformOperator, "true")));
        return services;
    }

    /// <summary>Only claims PromoStack added after reading the database count, never look-alikes inside a token.</summary>
    private static bool HasOwnClaim(ClaimsPrincipal user, string type, string? value) =>
        user.Identities.Any(i => i.AuthenticationType == IdentityType && i.HasClaim(c => c.Type == type && (value is null || c.Value == value)));

    private static async Task SignInAsync(TokenValidatedContext context, AuthOptions auth, bool requireAuthorizedParty)
    {
        // An anonymous route (public endpoints, webhooks) acts for the tenant it names or its bot's, whoever calls it: a
        // token sent along signs nobody in, so a signed-in user's own workspace is never entered beside the route's.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            context.NoResult();
            return;
        }

        var principal = context.Principal!;
        var azp = principal.FindFirstValue("azp");
        var parties = auth.AuthorizedPartyList;
        if (azp is null && requireAuthorizedParty)
        {
            context.Fail("The token names no authorized party (azp).");
            return;
        }

        if (azp is not null && parties.Count > 0 && !parties.Contains(azp, StringComparer.Ordinal))
        {
            context.Fail("The token was issued to another authorized party.");
            return;
        }

        if (principal.FindFirstValue("sub") is not { Length: > 0 } userId)
        {
            context.Fail("The token has no subject.");
            return;
        }

        if (principal.FindFirstValue("iss") == DevTokens.Issuer && !userId.StartsWith(DevTokens.UserPrefix, StringComparison.Ordinal))
        {
            context.Fail("A development token can only sign in a development user.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var requested = context.HttpContext.Request.Headers[WorkspaceHeader].FirstOrDefault();
        var user = await services.GetRequiredService<SignInService>().SignInAsync(
            userId, principal.FindFirstValue("email"), principal.FindFirstValue("email_verified") is "true" or "True" or "verified",
            string.IsNullOrWhiteSpace(requested) ? null : requested.Trim(), context.HttpContext.RequestAborted);
        services.GetRequiredService<CurrentUser>().SignIn(user);

        var claims = new List<Claim>();
        if (user.TenantId is not null)
        {
            services.GetRequiredService<TenantEntry>().Enter(user.TenantId);
            claims.Add(new Claim(PromoStackClaims.Tenant, user.TenantId));
            claims.Add(new Claim(PromoStackClaims.Role, EnumNames<TenantRole>.Lower(user.Role!.Value)));
        }

        if (user.IsPlatformOperator)
        {
            claims.Add(new Claim(PromoStackClaims.PlatformOperator, "true"));
        }

        principal.AddIdentity(new ClaimsIdentity(claims, IdentityType));
    }
}
