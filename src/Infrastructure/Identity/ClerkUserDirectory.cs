using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Identity;

/// <summary>
/// Reads a user's primary email from Clerk's Backend API (<c>GET /v1/users/{id}</c>) when the session token carries
/// no email claim. Without <c>Clerk__SecretKey</c> it knows nothing and says so with null.
/// </summary>
public sealed partial class ClerkUserDirectory(HttpClient http, IOptions<ClerkOptions> options, ILogger<ClerkUserDirectory> logger) : IUserDirectory
{
    public async Task<string?> FindEmailAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId, cancellationToken);
        return user?.EmailAddresses?.FirstOrDefault(e => e.Id == user.PrimaryEmailAddressId)?.EmailAddress;
    }

    public async Task<bool> IsVerifiedAsync(string userId, string email, CancellationToken cancellationToken) =>
        (await FindAsync(userId, cancellationToken))?.EmailAddresses?.Any(e =>
            string.Equals(e.EmailAddress, email, StringComparison.OrdinalIgnoreCase) && e.Verification?.Status == "verified") == true;

    private async Task<ClerkUserResponse?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.SecretKey))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.ApiBaseUrl, $"v1/users/{Uri.EscapeDataString(userId)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.SecretKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogLookupFailed((int)response.StatusCode);
                return null;
            }

            return await response.Content.ReadFromJsonAsync<ClerkUserResponse>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            LogLookupFailed(0);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clerk user lookup failed (HTTP {Status}); the user's email stays unknown")]
    private partial void LogLookupFailed(int status);

    private sealed record ClerkUserResponse(
        [property: JsonPropertyName("primary_email_address_id")] string? PrimaryEmailAddressId,
        [property: JsonPropertyName("email_addresses")] IReadOnlyList<ClerkEmail>? EmailAddresses);

    private sealed record ClerkEmail(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("email_address")] string EmailAddress,
        [property: JsonPropertyName("verification")] ClerkVerification? Verification);

    private sealed record ClerkVerification([property: JsonPropertyName("status")] string? Status);
}
