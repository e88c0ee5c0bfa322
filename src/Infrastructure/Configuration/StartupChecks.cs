using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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
        Check(problems, () => DatabaseConnection.Resolve(configuration));
        Check(problems, () => MasterKey.FromConfiguration(configuration));

        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.DevTokens && environment.IsProduction())
        {
            problems.Add("Auth__DevTokens=true is refused in Production: development tokens would let anyone with the local key sign in.");
        }

        if (string.IsNullOrWhiteSpace(auth.Issuer) && !auth.DevTokens)
        {
            problems.Add("Auth__Issuer is required: the Clerk instance's Frontend API URL (e.g. https://your-app.clerk.accounts.dev).");
        }

        CheckUrl(problems, "Auth__Issuer", auth.Issuer, requireHttps: environment.IsProduction());
        CheckUrl(problems, "Auth__JwksUrl", auth.JwksUrl, requireHttps: environment.IsProduction());
        foreach (var party in auth.AuthorizedPartyList)
        {
            CheckUrl(problems, "Auth__AuthorizedParties", party, requireHttps: false);
        }

        var app = configuration.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(app.PublicBaseUrl))
        {
            problems.Add("App__PublicBaseUrl is required in Production: Telegram webhooks are registered under it.");
        }

        CheckUrl(problems, "App__PublicBaseUrl", app.PublicBaseUrl, requireHttps: environment.IsProduction());
        foreach (var origin in (configuration.GetSection(CorsOptions.Section).Get<CorsOptions>() ?? new CorsOptions()).Origins)
        {
            CheckUrl(problems, "Cors__AllowedOrigins", origin, requireHttps: false);
        }

        CheckUrl(problems, "Telegram__ApiBaseUrl", configuration["Telegram:ApiBaseUrl"], requireHttps: false);
        CheckUrl(problems, "Stripe__ApiBase", configuration["Stripe:ApiBase"], requireHttps: false);
        CheckUrl(problems, "Clerk__ApiBaseUrl", configuration["Clerk:ApiBaseUrl"], requireHttps: false);
        CheckUrl(problems, "MarketData__TwelveData__BaseUrl", configuration["MarketData:TwelveData:BaseUrl"], requireHttps: false);
        var provider = configuration["MarketData:Provider"];
        if (provider is not (null or "" or "csv" or "twelvedata"))
        {
            problems.Add($"MarketData__Provider '{provider}' is not one of: twelvedata, csv.");
        }
        else if (provider == "twelvedata" && string.IsNullOrWhiteSpace(configuration["MarketData:TwelveData:ApiKey"]))
        {
            problems.Add("MarketData__TwelveData__ApiKey is required when MarketData__Provider=twelvedata.");
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException("PromoStack cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
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
