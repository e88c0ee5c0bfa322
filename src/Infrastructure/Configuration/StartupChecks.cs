using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Secrets;

namespace PromoStack.Infrastructure.Configuration;

/// <summary>
/// Checks the configuration before anything starts, and fails with every problem at once, each naming the
/// environment variable to fix.
/// </summary>
public static class StartupChecks
{
    public static void Validate(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        Check(problems, () => DatabaseConnection.ForRole(configuration, DatabaseRoles.App));
        Check(problems, () => DatabaseConnection.ForRole(configuration, DatabaseRoles.System));
        Check(problems, () => MasterKey.FromConfiguration(configuration));

        var auth = Bind<AuthOptions>(problems, configuration, AuthOptions.Section);
        Bind<ClerkOptions>(problems, configuration, ClerkOptions.Section);
        Bind<WorkerOptions>(problems, configuration, WorkerOptions.Section);
        Bind<TelegramOptions>(problems, configuration, TelegramOptions.Section);
        if (auth.DevTokens && !environment.IsDevelopment())
        {
            problems.Add($"Auth__DevTokens=true is allowed in Development only (this is {environment.EnvironmentName}, not Production-safe): " +
                "development tokens would let anyone with the local key sign in.");
        }

        if (string.IsNullOrWhiteSpace(auth.Issuer) && !auth.DevTokens)
        {
            problems.Add("Auth__Issuer is required: the Clerk instance's Frontend API URL (e.g. https://your-app.clerk.accounts.dev).");
        }

        CheckUrl(problems, "Auth__Issuer", auth.Issuer, requireHttps: environment.IsProduction());
        CheckUrl(problems, "Auth__JwksUrl", auth.JwksUrl, requireHttps: environment.IsProduction());
        foreach (var party in auth.AuthorizedPartyList)
        {
            CheckOrigin(problems, "Auth__AuthorizedParties", party);
        }

        if (environment.IsProduction() && auth.AuthorizedPartyList.Count == 0)
        {
            problems.Add("Auth__AuthorizedParties is required in Production: the admin app's origins, so a token issued to another site is refused.");
        }

        var app = Bind<AppOptions>(problems, configuration, AppOptions.Section);
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(app.PublicBaseUrl))
        {
            problems.Add("App__PublicBaseUrl is required in Production: Telegram webhooks are registered under it.");
        }

        CheckUrl(problems, "App__PublicBaseUrl", app.PublicBaseUrl, requireHttps: environment.IsProduction());
        foreach (var origin in Bind<CorsOptions>(problems, configuration, CorsOptions.Section).Origins)
        {
            CheckOrigin(problems, "Cors__AllowedOrigins", origin);
        }

        CheckUrl(problems, "Telegram__ApiBaseUrl", configuration["Telegram:ApiBaseUrl"], requireHttps: false);
        CheckUrl(problems, "Stripe__ApiBase", configuration["Stripe:ApiBase"], requireHttps: false);
        CheckUrl(problems, "Clerk__ApiBaseUrl", configuration["Clerk:ApiBaseUrl"], requireHttps: false);
        CheckUrl(problems, "MarketData__TwelveData__BaseUrl", configuration["MarketData:TwelveData:BaseUrl"], requireHttps: false);
        var provider = configuration["MarketData:Provider"];
        if (!string.IsNullOrEmpty(provider) && !MarketData.MarketDataOptions.Providers.All.Contains(provider))
        {
            problems.Add($"MarketData__Provider '{provider}' is not one of: {string.Join(", ", MarketData.MarketDataOptions.Providers.All)}.");
        }
        else if (provider == "twelvedata" && string.IsNullOrWhiteSpace(configuration["MarketData:TwelveData:ApiKey"]))
        {
            problems.Add("MarketData__TwelveData__ApiKey is required when MarketData__Provider=twelvedata.");
        }

        problems.AddRange(Bind<Coupons.Storage.CouponImageStoreOptions>(problems, configuration, Coupons.Storage.CouponImageStoreOptions.Section).Problems());
        problems.AddRange(Bind<Webhooks.WebhookOptions>(problems, configuration, Webhooks.WebhookOptions.Section).Problems());
        if (problems.Count > 0)
        {
            throw new ConfigurationException("PromoStack cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Distinct().Select(p => "  - " + p)));
        }
    }

    private static void Check(List<string> problems, Action check)
    {
        try
        {
            check();
        }
        catch (ConfigurationException exception)
        {
            problems.Add(exception.Message);
        }
    }

    /// <summary>Binds a section; a value of the wrong type is reported under its environment variable's name.</summary>
    private static T Bind<T>(List<string> problems, IConfiguration configuration, string section) where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            var match = System.Text.RegularExpressions.Regex.Match(exception.Message, "value '(?<value>[^']*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'");
            problems.Add(match.Success
                ? $"{match.Groups["path"].Value.Replace(":", "__", StringComparison.Ordinal)} '{match.Groups["value"].Value}' is not a valid {FriendlyType(match.Groups["type"].Value)}."
                : $"The {section}__* settings cannot be read: {exception.Message}");
            return new T();
        }
    }

    private static string FriendlyType(string type) => type switch
    {
        "System.Boolean" => "boolean (true or false)",
        "System.Int32" or "System.Int64" => "whole number",
        "System.Uri" => "absolute URL",
        _ => type,
    };

    /// <summary>An origin is scheme://host[:port], exactly as browsers send it: no path, no trailing slash.</summary>
    private static void CheckOrigin(List<string> problems, string name, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || origin.EndsWith('/'))
        {
            problems.Add($"{name} '{origin}' is not an origin: write scheme://host[:port] without a path or trailing slash.");
        }
    }

    private static void CheckUrl(List<string> problems, string name, string? value, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"{name} '{value}' is not an absolute http(s) URL.");
        }
        else if (requireHttps && uri.Scheme != "https")
        {
            problems.Add($"{name} must use https in Production.");
        }
    }
}
